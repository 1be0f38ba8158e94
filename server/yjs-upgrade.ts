import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { CLOSE } from "../collab/close-codes.ts";
import { parseDocumentName } from "../collab/document-name.ts";
import type { SocketOwner } from "../collab/context.ts";
import type { SessionRead } from "../collab/owner-reading.ts";
import type { CollabServer } from "../collab/server.ts";
import { checkToken, tokenFrom } from "../app/utils/access-token.server.ts";
import { sessionOwnerFrom } from "../app/utils/session.server.ts";
import { isDatabaseUnavailable, reportDatabaseUnavailable } from "../models/database-health.ts";
import { isSameOrigin, type OriginPolicy } from "./security.ts";
import { unavailableUpgrade } from "./unavailable.ts";

/** y-websocket clients connect to `/yjs/<document name>` (the provider adds the name). */
export const YJS_PREFIX = "/yjs/";

/** The address a request came from: the proxy's last hop when one is trusted (as Express's). */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string" && forwarded.trim() !== "") {
    return forwarded.split(",").at(-1)!.trim();
  }
  return req.socket.remoteAddress ?? "unknown";
}

function answer(socket: Duplex, status: string, body: string, extra = "") {
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\n${extra}\r\n${body}`);
}

/**
 * Who a /yjs/ upgrade is for: a personal access token (Authorization: Bearer, or ?token=),
 * which is not ambient and so is taken from any origin; else the session cookie, only from
 * this site (the same rule as /collab). What they may do with the document is decided by the
 * collab server's authentication, as for every socket (ADR 019).
 */
export async function upgradeYjs(options: {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  url: URL;
  collab: CollabServer;
  originPolicy: OriginPolicy;
}): Promise<void> {
  const { req, socket, head, url, collab, originPolicy } = options;
  let documentName: string;
  try {
    documentName = decodeURIComponent(url.pathname.slice(YJS_PREFIX.length));
  } catch {
    return answer(socket, "400 Bad Request", "That is not a document name.");
  }
  // Malformed names are refused like documents that do not exist or are not theirs: alike.
  if (!parseDocumentName(documentName)) {
    return collab.refuseYjsUpgrade(req, socket, head, CLOSE.forbidden);
  }
  try {
    const secret = tokenFrom(req.headers.authorization, url);
    let owner: SocketOwner | null;
    let upgradeRead: SessionRead | null = null;
    if (secret) {
      const check = await checkToken(secret, clientAddress(req, originPolicy.trustProxy));
      if (!check.ok && check.why === "limited") {
        return answer(
          socket,
          "429 Too Many Requests",
          "Too many access token checks from this address. Try again later.",
          `Retry-After: ${check.retryAfterSeconds}\r\n`,
        );
      }
      if (!check.ok) return collab.refuseYjsUpgrade(req, socket, head, CLOSE.tokenEnded);
      owner = { userId: check.token.userId, tokenId: check.token.id };
    } else {
      // The cookie is sent by browsers to any site's page: only this site's may use it.
      if (!isSameOrigin(req, originPolicy)) {
        return answer(socket, "403 Forbidden", CLOSE.crossOrigin.reason);
      }
      const found = await sessionOwnerFrom(req.headers.cookie);
      owner = found?.owner ?? null;
      upgradeRead = found?.read ?? null;
    }
    collab.handleYjsUpgrade(req, socket, head, owner, documentName, upgradeRead);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) return void socket.destroy();
    reportDatabaseUnavailable(error);
    socket.end(unavailableUpgrade());
  }
}
