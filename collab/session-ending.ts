import type { SessionTarget } from "./access.ts";
import { CLOSE } from "./close-codes.ts";
import type { OpenSockets } from "./open-sockets.ts";

/**
 * Closes this process's sockets of the ended sessions with "Your session has ended" (of the
 * replaced ones with "Your sign-in was renewed", ADR 048), or of the revoked access tokens with
 * "This access token has been revoked…": at once, and nothing they send afterwards is handled.
 * The sessions (tokens) are revoked in the database first (by the caller), so a reconnect with
 * the old credential is refused too. A person's sessions ending leaves their tokens' sockets
 * alone: tokens are revoked on their own (ADR 019). Returns how many were closed.
 */
export function endSessions(sockets: OpenSockets, target: SessionTarget): number {
  sockets.noteEnding();
  if ("tokenIds" in target) {
    const ending = sockets.ofTokens(target.tokenIds);
    for (const socket of ending) socket.close(CLOSE.tokenEnded);
    return ending.length;
  }
  if ("replacedSessionIds" in target) {
    const renewed = sockets.ofSessions(target.replacedSessionIds);
    for (const socket of renewed) socket.close(CLOSE.sessionRenewed);
    return renewed.length;
  }
  const ending =
    "sessionIds" in target
      ? sockets.ofSessions(target.sessionIds)
      : sockets
          .ofUsers([target.userId])
          .filter(
            (socket) =>
              socket.owner?.sessionId !== undefined &&
              socket.owner.sessionId !== target.exceptSessionId,
          );
  for (const socket of ending) socket.close(CLOSE.sessionEnded);
  return ending.length;
}
