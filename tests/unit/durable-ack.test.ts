import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { AckWhenDurable, appliedAckOf } from "../../collab/durable-ack.ts";

const NAME = `evaluation.${"b".repeat(24)}`;

/** A Hocuspocus message for `name`: the name, then `fields` as varuints. */
function message(name: string, ...fields: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  for (const field of fields) encoding.writeVarUint(encoder, field);
  return encoding.toUint8Array(encoder);
}

const SYNC_STATUS = 8;

/** What a socket was sent, and whether it is open. */
function fakeSocket() {
  const sent: Uint8Array[] = [];
  const ws = {
    readyState: WebSocket.OPEN as number,
    send: (data: Uint8Array) => sent.push(data),
    close: () => undefined,
  };
  return { ws, sent, socket: ws as unknown as WebSocket };
}

describe("an update's answer waits until it is durable (ADR 029)", () => {
  it("knows an 'applied' answer and its document, and nothing else", () => {
    expect(appliedAckOf(message(NAME, SYNC_STATUS, 1))).toBe(NAME);
    expect(appliedAckOf(message(NAME, SYNC_STATUS, 0))).toBeNull(); // refused: not held
    expect(appliedAckOf(message(NAME, 0, 2, 0))).toBeNull(); // a sync update
    expect(appliedAckOf(message(NAME, 1, 0))).toBeNull(); // awareness
    expect(appliedAckOf(message(NAME))).toBeNull(); // cut short
    expect(appliedAckOf(message(NAME, SYNC_STATUS))).toBeNull();
  });

  it("sends the answer when the document's log is durable, and everything else at once", () => {
    const { sent, socket } = fakeSocket();
    const waiting: (() => void)[] = [];
    const asked: string[] = [];
    const acks = new AckWhenDurable(socket, (name, then) => {
      asked.push(name);
      waiting.push(then);
    });
    const update = message(NAME, 0, 2, 0);
    const answer = message(NAME, SYNC_STATUS, 1);
    acks.send(answer);
    acks.send(update);
    expect(sent).toEqual([update]);
    expect(asked).toEqual([NAME]);
    waiting.shift()!();
    expect(sent).toEqual([update, answer]);
  });

  it("marks the answer that follows a client's sync as the sync's, once", () => {
    const { socket } = fakeSocket();
    const kinds: boolean[] = [];
    const acks = new AckWhenDurable(socket, (_name, _then, sync) => kinds.push(sync));
    acks.send(message(NAME, SYNC_STATUS, 1));
    acks.answeringSync(NAME);
    acks.send(message(NAME, SYNC_STATUS, 1));
    acks.send(message(NAME, SYNC_STATUS, 1));
    expect(kinds).toEqual([false, true, false]);
  });

  it("sends nothing on a socket that closed while the answer waited", () => {
    const { ws, sent, socket } = fakeSocket();
    let durable: () => void = () => undefined;
    const acks = new AckWhenDurable(socket, (_name, then) => (durable = then));
    acks.send(message(NAME, SYNC_STATUS, 1));
    ws.readyState = WebSocket.CLOSED;
    durable();
    expect(sent).toEqual([]);
  });
});
