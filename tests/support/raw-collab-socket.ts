import { randomBytes } from "node:crypto";
import { request } from "node:http";
import type { Socket } from "node:net";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

// Hocuspocus message types and auth sub-types (see @hocuspocus/server and @hocuspocus/common).
const SYNC = 0;
const AUTH = 2;
const SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTH_DENIED = 1;
const AUTH_OK = 2;

export interface RawCollabSocket {
  /** Asks for a document, as a provider's first message does. */
  open(name: string): void;
  /** Sends one Yjs update to a document. */
  sendUpdate(name: string, update: Uint8Array): void;
  /** Answers to `open`, in order: "<name> authenticated <scope>" or "<name> refused <reason>". */
  answers: string[];
  /** The server's close frame, when it comes. This client never answers it, nor stops sending. */
  closeFrame: Promise<{ code: number; reason: string }>;
  /** The TCP connection is gone (the server cut it off). */
  gone: Promise<void>;
  destroy(): void;
}

function encodeFrame(payload: Uint8Array): Buffer {
  const mask = randomBytes(4);
  const length = payload.byteLength;
  const header =
    length < 126
      ? Buffer.from([0x82, 0x80 | length])
      : length < 65536
        ? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff])
        : (() => {
            const h = Buffer.alloc(10);
            h[0] = 0x82;
            h[1] = 0x80 | 127;
            h.writeBigUInt64BE(BigInt(length), 2);
            return h;
          })();
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] ^= mask[i % 4];
  return Buffer.concat([header, mask, body]);
}

/**
 * A hostile /collab client speaking the WebSocket and Hocuspocus protocols by hand: unlike a
 * browser or the `ws` library, it ignores the server's close frame and keeps sending, which
 * is what a server must withstand after it ends someone's session.
 */
export async function openRawCollabSocket(
  baseUrl: string,
  cookie: string,
): Promise<RawCollabSocket> {
  const url = new URL(baseUrl);
  const socket = await new Promise<Socket>((resolve, reject) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path: "/collab",
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
        cookie,
        origin: baseUrl,
      },
    });
    req.on("upgrade", (_res, upgraded: Socket) => resolve(upgraded));
    req.on("response", (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
    req.on("error", reject);
    req.end();
  });

  const answers: string[] = [];
  let resolveClose!: (frame: { code: number; reason: string }) => void;
  const closeFrame = new Promise<{ code: number; reason: string }>((r) => (resolveClose = r));
  const gone = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("error", () => {});

  function onMessage(data: Uint8Array) {
    const decoder = decoding.createDecoder(data);
    const name = decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== AUTH) return;
    const kind = decoding.readVarUint(decoder);
    if (kind === AUTH_OK) answers.push(`${name} authenticated ${decoding.readVarString(decoder)}`);
    if (kind === AUTH_DENIED) answers.push(`${name} refused ${decoding.readVarString(decoder)}`);
  }

  // Server frames are unmasked; only small ones matter here, but any length is read.
  let buffered = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (buffered.length < 2) return;
      const opcode = buffered[0] & 0x0f;
      let length = buffered[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffered.length < offset + length) return;
      const payload = buffered.subarray(offset, offset + length);
      buffered = buffered.subarray(offset + length);
      if (opcode === 2) onMessage(new Uint8Array(payload));
      if (opcode === 8) {
        resolveClose({
          code: payload.length >= 2 ? payload.readUInt16BE(0) : 1005,
          reason: payload.subarray(2).toString("utf8"),
        });
      }
    }
  });

  const send = (build: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    build(encoder);
    if (!socket.destroyed) socket.write(encodeFrame(encoding.toUint8Array(encoder)));
  };

  return {
    open(name) {
      send((e) => {
        encoding.writeVarString(e, name);
        encoding.writeVarUint(e, AUTH);
        encoding.writeVarUint(e, AUTH_TOKEN);
        encoding.writeVarString(e, "cookie");
      });
    },
    sendUpdate(name, update) {
      send((e) => {
        encoding.writeVarString(e, name);
        encoding.writeVarUint(e, SYNC);
        encoding.writeVarUint(e, SYNC_UPDATE);
        encoding.writeVarUint8Array(e, update);
      });
    },
    answers,
    closeFrame,
    gone,
    destroy: () => socket.destroy(),
  };
}
