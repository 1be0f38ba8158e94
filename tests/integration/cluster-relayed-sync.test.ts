import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { startTcpBalancer, type TcpBalancer } from "../../server/cluster/tcp-balancer.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { spawnServer, type ServerProcess } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { storedDocument } from "../support/yjs-states.ts";

// Two real server processes on one database and the local Redis (ADR 018). Process A writes
// its log only every 10 s here, so it can die holding an edit it relayed but never wrote.
const db = useTestDatabase();
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const env = {
  REDIS_URL,
  REDIS_PREFIX: `test-${randomBytes(6).toString("hex")}`,
  // No store of its own meanwhile: only the answer to the sync may store the relayed edit.
  COLLAB_STORE_DEBOUNCE_MS: "60000",
  COLLAB_STORE_MAX_DEBOUNCE_MS: "120000",
};

let a: ServerProcess;
let b: ServerProcess;
let proxy: TcpBalancer;
const clients: TestClient[] = [];
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  [a, b] = await Promise.all([
    spawnServer(db, { ...env, COLLAB_LOG_FLUSH_MS: "10000" }),
    spawnServer(db, env),
  ]);
  proxy = await startTcpBalancer([a.url, b.url], { mode: "failover" });
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await proxy?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("an edit another process relayed but never wrote", () => {
  it("is stored before its writer, reconnecting to the process holding it, hears 'Saved'", async () => {
    const name = documentName("evaluation", world.evaluation.id);
    const writer = connectClient(proxy.url, name, await cookieFor(world.people.staff.id));
    const watcher = connectClient(b.url, name, await cookieFor(world.people.staff2.id));
    clients.push(writer, watcher);
    await Promise.all([writer.synced, watcher.synced]);

    writer.doc.getText("relayed").insert(0, "held in memory only");
    await eventually(
      () => watcher.doc.getText("relayed").toString() === "held in memory only",
      5000,
      "B to have the edit by relay",
    );
    expect(writer.tracker.hasUnsavedEdits).toBe(true);
    // A dies before its log write: only B holds the edit, in memory.
    await a.crash();

    // The writer reconnects through the balancer to B, which has the edit already, so the
    // writer's sync carries nothing. "Saved" must still mean stored.
    await writer.whenSaved(15_000);
    expect((await storedDocument(name)).getText("relayed").toString()).toBe("held in memory only");
  });
});
