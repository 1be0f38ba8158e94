import { liveTokenIds } from "../models/access-token/access-token.ts";
import { sessionStandings } from "../models/session/session.ts";
import { CLOSE } from "./close-codes.ts";
import type { OpenSockets } from "./open-sockets.ts";

/**
 * Every `intervalMs`, closes the sockets whose session (or access token) is no longer live.
 * Sign-out, revoking a token and the other decisions close their sockets at once
 * (collab/session-ending.ts); this catches what no decision announces: a session or token that
 * expires while its socket stays open, or one whose ending another process published while
 * Redis was away (ADR 018). A session replaced in the same browser is told so, not that it
 * ended (ADR 048). One query a round for each kind.
 */
export function startSessionSweep(sockets: OpenSockets, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const open = sockets.all();
      const bySession = open.filter((socket) => socket.owner?.sessionId !== undefined);
      const byToken = open.filter((socket) => socket.owner?.tokenId !== undefined);
      if (bySession.length > 0) {
        const { live, replaced } = await sessionStandings(
          bySession.map((socket) => socket.owner!.sessionId!),
        );
        for (const socket of bySession) {
          const id = socket.owner!.sessionId!;
          if (live.has(id)) continue;
          socket.close(replaced.has(id) ? CLOSE.sessionRenewed : CLOSE.sessionEnded);
        }
      }
      if (byToken.length > 0) {
        const live = await liveTokenIds(byToken.map((socket) => socket.owner!.tokenId!));
        for (const socket of byToken) {
          if (!live.has(socket.owner!.tokenId!)) socket.close(CLOSE.tokenEnded);
        }
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
