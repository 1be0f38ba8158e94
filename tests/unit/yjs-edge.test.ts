import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import {
  READ_ONLY_REFUSAL,
  authenticateMessage,
  toHocuspocus,
  toYWebsocket,
} from "../../collab/yjs-edge.ts";
import { inspectMessage } from "../../collab/message-guard.ts";

const NAME = `evaluation.${"a".repeat(24)}`;

/** A Hocuspocus message for NAME: the name, then `write`'s bytes. */
function fromHocuspocus(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, NAME);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe("the /yjs/ edge: y-websocket ⇄ Hocuspocus messages", () => {
  it("puts the document name in front of sync, awareness and awareness queries", () => {
    const update = new Uint8Array([0, 2, 2, 0, 0]); // sync, update, a 2-byte empty update
    const message = toHocuspocus(NAME, update)!;
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarString(decoder)).toBe(NAME);
    expect([...decoding.readTailAsUint8Array(decoder)]).toEqual([...update]);
    expect(inspectMessage(message)).toBeNull();
    expect(toHocuspocus(NAME, new Uint8Array([3]))).not.toBeNull();
  });

  it("refuses what a y-websocket client never sends (auth, stateless, Hocuspocus's own)", () => {
    for (const type of [2, 4, 5, 6, 7, 8, 9, 10, 200]) {
      expect(toHocuspocus(NAME, new Uint8Array([type, 0]))).toBeNull();
    }
  });

  it("opens the document with an empty token, as Hocuspocus expects first", () => {
    const decoder = decoding.createDecoder(authenticateMessage(NAME));
    expect(decoding.readVarString(decoder)).toBe(NAME);
    expect(decoding.readVarUint(decoder)).toBe(2);
    expect(decoding.readVarUint(decoder)).toBe(0);
    expect(decoding.readVarString(decoder)).toBe("");
  });

  it("strips the name from sync and awareness, and turns a sync reply into sync", () => {
    const sync = toYWebsocket(
      fromHocuspocus((e) => encoding.writeUint8Array(e, new Uint8Array([0, 1, 0]))),
    );
    expect(sync).toEqual({ kind: "send", data: new Uint8Array([0, 1, 0]) });
    const reply = toYWebsocket(
      fromHocuspocus((e) => encoding.writeUint8Array(e, new Uint8Array([4, 0, 0]))),
    );
    expect(reply).toEqual({ kind: "send", data: new Uint8Array([0, 0, 0]) });
    const awareness = toYWebsocket(
      fromHocuspocus((e) => encoding.writeUint8Array(e, new Uint8Array([1, 1, 0]))),
    );
    expect(awareness).toEqual({ kind: "send", data: new Uint8Array([1, 1, 0]) });
  });

  it("drops Hocuspocus's own messages, and says 'permission denied' for refusals", () => {
    const authenticated = fromHocuspocus((e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 2);
      encoding.writeVarString(e, "read-write");
    });
    expect(toYWebsocket(authenticated)).toEqual({ kind: "drop" });
    for (const type of [5, 7, 9, 10]) {
      expect(
        toYWebsocket(
          fromHocuspocus((e) => {
            encoding.writeVarUint(e, type);
            encoding.writeVarString(e, "x");
          }),
        ),
      ).toEqual({ kind: "drop" });
    }
    const saved = fromHocuspocus((e) => {
      encoding.writeVarUint(e, 8);
      encoding.writeVarUint(e, 1);
    });
    expect(toYWebsocket(saved)).toEqual({ kind: "drop" });

    const notApplied = toYWebsocket(
      fromHocuspocus((e) => {
        encoding.writeVarUint(e, 8);
        encoding.writeVarUint(e, 0);
      }),
    );
    expect(notApplied.kind).toBe("send");
    const told = decoding.createDecoder((notApplied as { data: Uint8Array }).data);
    expect([decoding.readVarUint(told), decoding.readVarUint(told)]).toEqual([2, 0]);
    expect(decoding.readVarString(told)).toBe(READ_ONLY_REFUSAL);

    const denied = toYWebsocket(
      fromHocuspocus((e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, "You do not have access to this document.");
      }),
    );
    expect(denied).toMatchObject({
      kind: "refused",
      reason: "You do not have access to this document.",
    });
  });
});
