import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { readNewestSnapshot } from "../../models/document-log/document-log.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildWorld } from "../support/factories.ts";
import { spawnServer, type ServerProcess } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { storedDocument } from "../support/yjs-states.ts";

// ADR 041 on two real server processes, one database and the local Redis: a process compacts
// the updates another relayed to it only when the log lacks them, and checks when the other
// falls silent or after a while. Process A writes its log only every 10 s, so it can die
// holding an edit it relayed but never wrote, and checks relayed updates after 1 s; B writes its
// log as usual and checks after 30 s (the default). Both store 300 ms after a change.
const db = useTestDatabase();
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const METRICS_TOKEN = randomBytes(16).toString("hex");
const env = {
  REDIS_URL,
  REDIS_PREFIX: `test-${randomBytes(6).toString("hex")}`,
  COLLAB_STORE_DEBOUNCE_MS: "300",
  COLLAB_STORE_MAX_DEBOUNCE_MS: "1000",
  METRICS_TOKEN,
};

let a: ServerProcess;
let b: ServerProcess;
const clients: TestClient[] = [];
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  [a, b] = await Promise.all([
    spawnServer(db, { ...env, COLLAB_LOG_FLUSH_MS: "10000", COLLAB_RELAYED_CHECK_MS: "1000" }),
    spawnServer(db, env),
  ]);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await Promise.all([a?.stop(), b?.stop()]);
});

async function connect(url: string, name: string): Promise<TestClient> {
  const client = connectClient(url, name, await cookieFor(world.people.staff.id));
  clients.push(client);
  await client.synced;
  return client;
}

/** A process's count of relayed-update checks with `outcome`, from its /metrics. */
async function relayedChecks(server: ServerProcess, outcome: string): Promise<number> {
  const response = await fetch(`${server.url}/metrics`, {
    headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const line = new RegExp(`^qm_collab_relayed_checks_total\\{outcome="${outcome}"\\} (\\d+)$`, "m");
  return Number(line.exec(await response.text())?.[1] ?? 0);
}

async function newEvaluation(): Promise<string> {
  const evaluation = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
  return documentName("evaluation", evaluation.id);
}

describe("updates another process relayed", () => {
  it("are not compacted again when the process they entered logged them", async () => {
    const name = await newEvaluation();
    const writer = await connect(b.url, name);
    const watcher = await connect(a.url, name);
    const versionBefore = (await readNewestSnapshot(name))?.version;
    const checks = async () =>
      (await relayedChecks(a, "logged")) + (await relayedChecks(a, "compacted"));
    const checksBefore = await checks();

    for (const word of ["Pupils ", "read ", "widely"]) {
      writer.doc.getText("relayed").insert(writer.doc.getText("relayed").length, word);
      await writer.whenSaved();
    }
    await eventually(
      () => watcher.doc.getText("relayed").toString() === "Pupils read widely",
      5000,
      "A to have the edits by relay",
    );
    await eventually(
      async () => (await checks()) > checksBefore,
      5000,
      "A to check the relayed edits",
    );
    expect(await relayedChecks(a, "compacted")).toBe(0);
    expect(await relayedChecks(a, "logged")).toBeGreaterThan(0);
    expect((await readNewestSnapshot(name))?.version).toBe(versionBefore);
  });

  it("are stored by the process holding them soon after the process they entered died before logging them", async () => {
    const name = await newEvaluation();
    const writer = await connect(a.url, name);
    const watcher = await connect(b.url, name);

    writer.doc.getText("relayed").insert(0, "held by B alone");
    await eventually(
      () => watcher.doc.getText("relayed").toString() === "held by B alone",
      5000,
      "B to have the edit by relay",
    );
    expect(writer.tracker.hasUnsavedEdits).toBe(true);
    await a.crash();
    writer.destroy();

    // B hears A fall silent (3 s), finds the edit missing from the log, and compacts: long
    // before its own periodic check (30 s), and with nobody reconnecting.
    await eventually(
      async () => (await storedDocument(name)).getText("relayed").toString() === "held by B alone",
      8000,
      "B to store the edit A never logged",
    );
    expect(await relayedChecks(b, "compacted")).toBeGreaterThan(0);
  });
});
