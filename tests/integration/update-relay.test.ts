import { randomBytes } from "node:crypto";
import { Hocuspocus } from "@hocuspocus/server";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { connectRedis } from "../../collab/redis.ts";
import { UpdateRelay } from "../../collab/update-relay.ts";
import { eventually } from "../support/collab-client.ts";

// ADR 027: two real Hocuspocus instances on the local Redis, each with our relay, standing for
// two processes. An edit crosses as its own update in one message; a message a process missed
// reaches it through the state-vector exchange that still runs now and then.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A process with the document open; `published` collects the messages on its channel. */
async function processWith(prefix: string, name: string, repairEveryMs: number) {
  const relay = new UpdateRelay({
    identifier: `test-${randomBytes(4).toString("hex")}`,
    prefix,
    createClient: () => connectRedis(REDIS_URL),
    repairEveryMs,
  });
  const hocuspocus = new Hocuspocus({ quiet: true, extensions: [relay] });
  const direct = await hocuspocus.openDirectConnection(name);
  cleanups.push(async () => {
    await direct.disconnect();
    await relay.onDestroy();
  });
  return { direct, doc: direct.document as Y.Doc };
}

/** Sync message types seen on the document's channel (0: state vector, 2: update). */
async function watchChannel(prefix: string, name: string): Promise<number[]> {
  const types: number[] = [];
  const watcher = connectRedis(REDIS_URL);
  await watcher.subscribe(`${prefix}:${name}`);
  watcher.on("messageBuffer", (_channel: Buffer, data: Buffer) => {
    const body = data.subarray(data[0] + 1);
    // [name length][name][message type = 0 (sync)][sync type]
    const nameLength = body[0];
    if (body[1 + nameLength] === 0) types.push(body[2 + nameLength]);
  });
  cleanups.push(async () => void watcher.disconnect());
  return types;
}

describe("relaying edits between processes", () => {
  it("sends each edit as its own update, at once, without waiting for a state-vector exchange", async () => {
    const prefix = `test-relay-${randomBytes(4).toString("hex")}`;
    const name = "evaluation.000000000000000000000001";
    // No state-vector exchange within the test: the edit can only cross as its own update.
    const a = await processWith(prefix, name, 600_000);
    const b = await processWith(prefix, name, 600_000);
    const seen = await watchChannel(prefix, name);
    await a.direct.transact((doc) => doc.getText("t").insert(0, "typed on A"));
    await eventually(() => b.doc.getText("t").toString() === "typed on A", 3000, "B sees A");
    await b.direct.transact((doc) => doc.getText("t").insert(10, ", then B"));
    await eventually(
      () => a.doc.getText("t").toString() === "typed on A, then B",
      3000,
      "A sees B",
    );
    expect(seen).toContain(2);
    expect(seen).not.toContain(0);
  });

  it("an edit a process missed reaches it with the next state-vector exchange", async () => {
    const prefix = `test-relay-${randomBytes(4).toString("hex")}`;
    const name = "evaluation.000000000000000000000002";
    const a = await processWith(prefix, name, 100);
    const b = await processWith(prefix, name, 100);
    // A change A's relay never publishes (as if B's subscription was down when it went out).
    const missed = new Y.Doc();
    missed.getText("t").insert(0, "missed");
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(missed), { source: "redis" });
    await a.direct.transact((doc) => doc.getText("t").insert(6, ", then found"));
    await eventually(
      () => b.doc.getText("t").toString() === "missed, then found",
      3000,
      "B repaired",
    );
  });
});
