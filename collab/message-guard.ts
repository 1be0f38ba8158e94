import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { CLOSE, type CloseReason } from "./close-codes.ts";

/** The largest collab message accepted: generous for pasting a long passage, tiny for a DB. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
const MAX_STATELESS_CHARS = 4096;

// Hocuspocus message types a client may send (see @hocuspocus/server MessageType).
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const STATELESS = 5;
const CLOSE_MESSAGE = 7;
const PING = 9;
const PONG = 10;

function checkSync(decoder: decoding.Decoder): void {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (step === 0) Y.decodeStateVector(payload);
  else if (step === 1 || step === 2) Y.decodeUpdate(payload);
  else throw new Error("unknown sync step");
}

function checkAwareness(decoder: decoding.Decoder): void {
  const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(inner);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(inner); // client id
    decoding.readVarUint(inner); // clock
    JSON.parse(decoding.readVarString(inner));
  }
}

/**
 * Checks one incoming collab message before Hocuspocus sees it. A message that is too large
 * or cannot be decoded closes that socket (with a reason the person can read) instead of
 * reaching the document, so nothing half-read is ever applied and other clients are untouched.
 */
export function inspectMessage(data: Uint8Array): CloseReason | null {
  if (data.byteLength > MAX_MESSAGE_BYTES) return CLOSE.messageTooLarge;
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder); // document name: checked by authentication
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case SYNC:
      case SYNC_REPLY:
        checkSync(decoder);
        break;
      case AWARENESS:
        checkAwareness(decoder);
        break;
      case STATELESS:
        if (decoding.readVarString(decoder).length > MAX_STATELESS_CHARS)
          return CLOSE.messageTooLarge;
        break;
      case AUTH:
      case QUERY_AWARENESS:
      case CLOSE_MESSAGE:
      case PING:
      case PONG:
        break;
      default:
        return CLOSE.malformedMessage;
    }
    return null;
  } catch {
    return CLOSE.malformedMessage;
  }
}
