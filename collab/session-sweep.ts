import { liveSessionIds } from "../models/session/session.ts";
import { CLOSE } from "./close-codes.ts";
import type { OpenSockets } from "./open-sockets.ts";

/**
 * Every `intervalMs`, closes the sockets whose session is no longer live. Sign-out and the
 * other session-ending decisions close their sockets at once (collab/session-ending.ts); this
 * catches what no decision announces: a session that expires while its socket stays open, or
 * one ended by another process before the signal between processes exists. One query a round.
 */
export function startSessionSweep(sockets: OpenSockets, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const signedIn = sockets.all().filter((socket) => socket.owner !== null);
      if (signedIn.length === 0) return;
      const live = await liveSessionIds(signedIn.map((socket) => socket.owner!.sessionId));
      for (const socket of signedIn) {
        if (!live.has(socket.owner!.sessionId)) socket.close(CLOSE.sessionEnded);
      }
    } catch (error) {
      // The database is away: try again next round rather than close everyone.
      console.warn("Session sweep skipped:", (error as Error).message);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
