import type { SessionTarget } from "./access.ts";
import { CLOSE } from "./close-codes.ts";
import type { OpenSockets } from "./open-sockets.ts";

/**
 * Closes this process's sockets of the ended sessions with "Your session has ended": at once,
 * and nothing they send afterwards is handled. The sessions are revoked in the database first
 * (by the caller), so a reconnecting browser is refused too. Returns how many were closed.
 */
export function endSessions(sockets: OpenSockets, target: SessionTarget): number {
  const ending =
    "sessionIds" in target
      ? sockets.ofSessions(target.sessionIds)
      : sockets
          .ofUsers([target.userId])
          .filter((socket) => socket.owner?.sessionId !== target.exceptSessionId);
  for (const socket of ending) socket.close(CLOSE.sessionEnded);
  return ending.length;
}
