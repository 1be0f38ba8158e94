import * as decoding from "lib0/decoding";

// Hocuspocus message types (see @hocuspocus/server MessageType) and y-protocols' sync step.
const SYNC = 0;
const UPDATE = 2;

/**
 * An update this large is sent back like any other: remembering it would cost a copy, and a
 * long paste is rare next to keystrokes (tens of bytes each).
 */
const MAX_REMEMBERED_BYTES = 4096;

/** A Hocuspocus document update message (Sync, step "update"), of any document. */
function isUpdateMessage(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message);
  // The document name: its length, then its bytes.
  const nameLength = decoding.readVarUint(decoder);
  decoder.pos += nameLength;
  return message[decoder.pos] === SYNC && message[decoder.pos + 1] === UPDATE;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(
    Buffer.from(b.buffer, b.byteOffset, b.length),
  );
}

/**
 * The last document update a socket's client sent, so that Hocuspocus's broadcast of it is not
 * sent back to that client (ADR 052). Hocuspocus sends every change to every connection of the
 * document, its author's included; the author already holds it, so for a keystroke that is one
 * message in five (five people on a document) written, framed and read for nothing.
 *
 * Only a message byte for byte equal to one the client itself sent is held back: an update holds
 * exactly the changes it encodes, so the client has all of them. When Hocuspocus merged it with
 * another's change in the same moment, or the server's change held more (another's waiting
 * change it let in), the bytes differ and the message goes out as before.
 */
export class OwnUpdateEcho {
  private last: Uint8Array | null = null;

  /** The client sent `message` (checked by the message guard, in Hocuspocus's form). */
  heard(message: Uint8Array): void {
    if (message.length > MAX_REMEMBERED_BYTES || !isUpdateMessage(message)) return;
    // A copy: the received bytes may be a view of a much larger read buffer.
    this.last = message.slice();
  }

  /** `message` is about to go to the client: true if it is the client's own update back. */
  isEcho(message: Uint8Array): boolean {
    const last = this.last;
    if (last === null || !sameBytes(message, last)) return false;
    this.last = null;
    return true;
  }
}
