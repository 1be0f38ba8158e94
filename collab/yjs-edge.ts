import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { WebSocket } from "ws";

/**
 * The y-websocket protocol at the edge of our one Hocuspocus server (ADR 019). A /yjs/ socket
 * carries one document and its messages have no document name; Hocuspocus's carry the name
 * first. This translates both ways, so a plain y-websocket client (`WebsocketProvider`) is
 * served by the same server, extensions and rules as the browser on /collab:
 *
 * - in: sync (step 1, step 2, update), awareness and awareness queries get the name put in
 *   front; anything else a y-websocket client never sends, and is refused (null);
 * - out: sync, sync replies (as sync), awareness and awareness queries lose the name;
 *   Hocuspocus's own messages (authenticated, stateless, sync status, close, ping) have no
 *   y-websocket counterpart and are dropped, except a refusal, which becomes y-protocols'
 *   "permission denied" auth message, the one way the protocol has to say "no".
 */

// y-websocket message types (y-websocket's messageSync …), the same numbers as Hocuspocus's.
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
// Hocuspocus-only message types.
const SYNC_REPLY = 4;
const SYNC_STATUS = 8;
// Hocuspocus's AuthMessageType.
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
// y-protocols/auth's messagePermissionDenied.
const Y_PERMISSION_DENIED = 0;

/** Shown to a read-only client whose change the server did not take. */
export const READ_ONLY_REFUSAL =
  "This connection may only read this document: the change was not saved.";

/** The message Hocuspocus expects first for a document: an (empty) token, to authenticate. */
export function authenticateMessage(documentName: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, AUTH);
  encoding.writeVarUint(encoder, AUTH_TOKEN);
  encoding.writeVarString(encoder, "");
  return encoding.toUint8Array(encoder);
}

/** A y-websocket client's message as Hocuspocus reads it, or null for a type it may not send. */
export function toHocuspocus(documentName: string, data: Uint8Array): Uint8Array | null {
  const type = data[0];
  // Every type a y-websocket client sends fits in one byte (varuint < 128).
  if (type !== SYNC && type !== AWARENESS && type !== QUERY_AWARENESS) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeUint8Array(encoder, data);
  return encoding.toUint8Array(encoder);
}

function permissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, AUTH);
  encoding.writeVarUint(encoder, Y_PERMISSION_DENIED);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** What Hocuspocus sent, as the y-websocket client should get it. */
export type Outgoing =
  | { kind: "send"; data: Uint8Array }
  | { kind: "refused"; data: Uint8Array; reason: string }
  | { kind: "drop" };

/** Translates one Hocuspocus message for a y-websocket client. */
export function toYWebsocket(data: Uint8Array): Outgoing {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder); // the document name: one document per /yjs/ socket
  const start = decoder.pos;
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case SYNC:
    case AWARENESS:
    case QUERY_AWARENESS:
      return { kind: "send", data: data.subarray(start) };
    case SYNC_REPLY: {
      // A sync message that asks for no sync step 1 back: y-websocket knows it as plain sync.
      const copy = data.slice(start);
      copy[0] = SYNC;
      return { kind: "send", data: copy };
    }
    case AUTH: {
      if (decoding.readVarUint(decoder) !== AUTH_PERMISSION_DENIED) return { kind: "drop" };
      const reason = decoding.readVarString(decoder);
      return { kind: "refused", data: permissionDenied(reason), reason };
    }
    case SYNC_STATUS:
      // 0: an update from a read-only connection was not applied.
      return decoding.readVarUint(decoder) === 0
        ? { kind: "send", data: permissionDenied(READ_ONLY_REFUSAL) }
        : { kind: "drop" };
    default:
      return { kind: "drop" };
  }
}

// A client that keeps writing to a read-only document is told again at most this often.
const REFUSAL_REPEAT_MS = 5000;

/**
 * What Hocuspocus holds as the socket of a /yjs/ connection: it writes Hocuspocus messages
 * here, and the y-websocket client gets them translated. A refusal to open the document is
 * passed on and the socket closed with the matching reason (`onRefused`).
 */
export class YjsEdge {
  private lastRefusalAt = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly onRefused: (reason: string) => void,
  ) {}

  get readyState(): number {
    return this.ws.readyState;
  }

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (!(data instanceof Uint8Array)) return;
    const out = toYWebsocket(data);
    if (out.kind === "drop") return;
    if (out.kind === "refused") {
      this.ws.send(out.data);
      return this.onRefused(out.reason);
    }
    if (out.data[0] === AUTH) {
      const now = Date.now();
      if (now - this.lastRefusalAt < REFUSAL_REPEAT_MS) return;
      this.lastRefusalAt = now;
    }
    this.ws.send(out.data);
  }

  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }
}
