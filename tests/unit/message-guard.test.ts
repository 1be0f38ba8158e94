import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import { MAX_MESSAGE_BYTES, inspectMessage } from "../../collab/message-guard.ts";

function message(write: (e: encoding.Encoder) => void) {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, "evaluation.0123456789abcdef01234567");
  write(e);
  return encoding.toUint8Array(e);
}

const doc = new Y.Doc();
doc.getText("t").insert(0, "hello");
const update = Y.encodeStateAsUpdate(doc);

describe("inspectMessage", () => {
  it("passes well-formed sync, awareness and stateless messages", () => {
    const sync = message((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, update);
    });
    const step1 = message((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
    });
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: "x" } });
    const aw = message((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [doc.clientID]));
    });
    const stateless = message((e) => {
      encoding.writeVarUint(e, 5);
      encoding.writeVarString(e, '{"type":"checkpoint","n":1}');
    });
    for (const m of [sync, step1, aw, stateless]) expect(inspectMessage(m)).toBeNull();
  });

  it("refuses an update that is not a Yjs update", () => {
    const bad = message((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, new Uint8Array([9, 9, 9, 9, 250, 250]));
    });
    expect(inspectMessage(bad)?.code).toBe(4400);
  });

  it("refuses unknown message types, truncated messages and server-only opcodes", () => {
    expect(inspectMessage(message((e) => encoding.writeVarUint(e, 42)))?.code).toBe(4400);
    expect(inspectMessage(message((e) => encoding.writeVarUint(e, 6)))?.code).toBe(4400);
    expect(inspectMessage(new Uint8Array([200]))?.code).toBe(4400);
    expect(
      inspectMessage(
        message((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 2);
        }),
      )?.code,
    ).toBe(4400);
  });

  it("refuses awareness states that are not JSON", () => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 7);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, "{not json");
    const bad = message((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    });
    expect(inspectMessage(bad)?.code).toBe(4400);
  });

  it("refuses messages over the size limit, and oversized stateless payloads", () => {
    expect(inspectMessage(new Uint8Array(MAX_MESSAGE_BYTES + 1))?.code).toBe(4413);
    const big = message((e) => {
      encoding.writeVarUint(e, 5);
      encoding.writeVarString(e, "x".repeat(10_000));
    });
    expect(inspectMessage(big)?.code).toBe(4413);
  });
});
