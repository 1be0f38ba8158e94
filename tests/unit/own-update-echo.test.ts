import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { AckWhenDurable } from "../../collab/durable-ack.ts";
import { OwnUpdateEcho } from "../../collab/own-update-echo.ts";
import { YjsEdge } from "../../collab/yjs-edge.ts";

const NAME = `evaluation.${"c".repeat(24)}`;
const SYNC = 0;
const UPDATE = 2;
const AWARENESS = 1;
const STATELESS = 5;

/** A Hocuspocus message for `name`: its type, then the payload as a varuint8array. */
function message(name: string, fields: number[], payload?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  for (const field of fields) encoding.writeVarUint(encoder, field);
  if (payload) encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A keystroke as a Yjs update, made by a client of its own. */
function keystroke(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("narrative").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const update = (payload: Uint8Array, name = NAME) => message(name, [SYNC, UPDATE], payload);

describe("a client's own update is not sent back to it (ADR 052)", () => {
  it("holds back the broadcast byte for byte equal to what the client sent, once", () => {
    const echo = new OwnUpdateEcho();
    const sent = update(keystroke("a"));
    echo.heard(sent);
    // What Hocuspocus broadcasts is a new buffer with the same bytes.
    expect(echo.isEcho(sent.slice())).toBe(true);
    // Once: a second equal message is not the client's (it sent one).
    expect(echo.isEcho(sent.slice())).toBe(false);
  });

  it("sends what differs: another's change, a merge with it, the same change of another document", () => {
    const echo = new OwnUpdateEcho();
    const own = keystroke("a");
    echo.heard(update(own));
    expect(echo.isEcho(update(keystroke("b")))).toBe(false);
    expect(echo.isEcho(update(Y.mergeUpdates([own, keystroke("b")])))).toBe(false);
    expect(echo.isEcho(update(own, `evaluation.${"d".repeat(24)}`))).toBe(false);
    // Still remembered: the broadcast of it may come after others' changes.
    expect(echo.isEcho(update(own))).toBe(true);
  });

  it("remembers only the last update, copied, and never a large one", () => {
    const echo = new OwnUpdateEcho();
    const first = update(keystroke("a"));
    const second = update(keystroke("b"));
    echo.heard(first);
    echo.heard(second);
    expect(echo.isEcho(first)).toBe(false);
    // The received buffer is reused for the next read: what was remembered is unchanged.
    const received = update(keystroke("c"));
    echo.heard(received);
    const copy = received.slice();
    received.fill(0);
    expect(echo.isEcho(copy)).toBe(true);
    const paste = update(keystroke("x".repeat(5000)));
    echo.heard(paste);
    expect(echo.isEcho(paste.slice())).toBe(false);
  });

  it("never holds back anything but a document update (presence, stateless, the sync steps)", () => {
    const echo = new OwnUpdateEcho();
    const payload = new Uint8Array([1, 2, 3]);
    for (const other of [
      message(NAME, [AWARENESS], payload),
      message(NAME, [STATELESS], payload),
      message(NAME, [SYNC, 0], payload),
      message(NAME, [SYNC, 1], payload),
    ]) {
      echo.heard(other);
      expect(echo.isEcho(other.slice())).toBe(false);
    }
  });

  it("is applied by both kinds of socket: /collab and /yjs/", () => {
    const sent: Uint8Array[] = [];
    const ws = {
      readyState: WebSocket.OPEN,
      send: (data: Uint8Array) => sent.push(data),
      close: () => undefined,
    } as unknown as WebSocket;
    const own = update(keystroke("a"));
    const others = update(keystroke("b"));

    const collabEcho = new OwnUpdateEcho();
    const collab = new AckWhenDurable(ws, () => undefined, collabEcho);
    collabEcho.heard(own);
    collab.send(own.slice());
    collab.send(others);
    expect(sent).toEqual([others]);

    sent.length = 0;
    const yjsEcho = new OwnUpdateEcho();
    const edge = new YjsEdge(ws, () => undefined, yjsEcho);
    yjsEcho.heard(own);
    edge.send(own.slice());
    edge.send(others);
    expect(sent).toHaveLength(1);
    // y-websocket's form: no document name, the sync update as it was.
    expect(sent[0]).toEqual(others.subarray(others.length - sent[0].length));
  });
});
