import type { Hocuspocus } from "@hocuspocus/server";
import type { RawData, WebSocket } from "ws";
import type { CloseReason } from "./close-codes.ts";
import { CLOSE } from "./close-codes.ts";
import type { CollabContext, SocketOwner } from "./context.ts";
import { inspectMessage } from "./message-guard.ts";
import type { OpenSocket, OpenSockets } from "./open-sockets.ts";
import type { SessionRead } from "./owner-reading.ts";

type ClientConnection = ReturnType<Hocuspocus<CollabContext>["handleConnection"]>;

// A peer that never answers the close handshake is cut off after this long.
const CLOSE_HANDSHAKE_MS = 2000;

function toBytes(data: RawData): Uint8Array {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Serves one accepted /collab (or /yjs/) socket: every message passes the message guard before
 * Hocuspocus sees it, and a socket the server closes (a bad message, its session ended, its
 * access changed) stops at once in both directions. Its messages are dropped from that moment
 * even if the browser keeps sending, and Hocuspocus lets go of its documents without waiting
 * for the close handshake, so it is sent nothing more either.
 */
export function serveSocket(options: {
  id: string;
  owner: SocketOwner | null;
  /** The owner's session as the upgrade read it (collab/owner-reading.ts). */
  upgradeRead?: SessionRead | null;
  ws: WebSocket;
  client: ClientConnection;
  sockets: OpenSockets;
  /**
   * Turns what the peer sent into a Hocuspocus message (the /yjs/ edge puts the document name
   * in front, collab/yjs-edge.ts); null: a message this kind of socket may not send.
   */
  translate?: (data: Uint8Array) => Uint8Array | null;
}): OpenSocket {
  const { ws, client, sockets } = options;
  let closing = false;
  let released = false;
  let cutOff: NodeJS.Timeout | null = null;
  // Whether the peer answered the last ping (browsers answer at the protocol level).
  let answered = true;

  function release(event: { code: number; reason: string }) {
    if (released) return;
    released = true;
    client.handleClose(event);
  }

  const socket: OpenSocket = {
    id: options.id,
    owner: options.owner,
    get closing() {
      return closing;
    },
    accessEpoch: 0,
    admitted: false,
    ownerReading: null,
    upgradeRead: options.upgradeRead ?? null,
    close(reason: CloseReason) {
      if (closing) return;
      closing = true;
      ws.close(reason.code, reason.reason);
      release(reason);
      cutOff = setTimeout(() => ws.terminate(), CLOSE_HANDSHAKE_MS);
      cutOff.unref();
    },
    checkAlive() {
      if (closing) return;
      // Its "close" follows, which lets Hocuspocus drop the peer's presence for everyone.
      if (!answered) return ws.terminate();
      answered = false;
      ws.ping();
    },
  };
  sockets.add(socket);

  ws.on("message", (data, isBinary) => {
    if (closing) return;
    if (!isBinary) return socket.close(CLOSE.malformedMessage);
    const raw = toBytes(data);
    const message = options.translate ? options.translate(raw) : raw;
    const problem = message ? inspectMessage(message) : CLOSE.malformedMessage;
    if (problem) return socket.close(problem);
    client.handleMessage(message!);
  });
  ws.on("pong", () => (answered = true));
  ws.on("close", (code, reason) => {
    if (cutOff) clearTimeout(cutOff);
    closing = true;
    sockets.remove(socket);
    release({ code, reason: reason.toString() });
  });
  ws.on("error", () => ws.terminate());
  return socket;
}
