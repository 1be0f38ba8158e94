import { beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { DurableLog } from "../../collab/durable-log.ts";
import { evaluationOfDocument as findEvaluationById } from "../../models/document-records.ts";
import { DocumentUpdateModel, loadStoredDocument } from "../../models/document-log/document-log.ts";
import { documentName } from "../../collab/document-name.ts";
import { criterionOrderOf, judgementsOf, metaOf } from "../../collab/shapes/evaluation.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { spawnServer, startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

const db = useTestDatabase();
let world: Awaited<ReturnType<typeof buildWorld>>;
let name: string;
let cookie: string;

beforeAll(async () => {
  world = await buildWorld();
  name = documentName("evaluation", world.evaluation.id);
  cookie = await cookieFor(world.people.staff.id);
});

async function openAndSync(url: string): Promise<TestClient> {
  const client = connectClient(url, name, cookie);
  await client.synced;
  return client;
}

describe("durable evaluation documents", () => {
  it("seeds initial content on the server once, and writes the projection after a store", async () => {
    const server = await startTestServer({ storeDebounceMs: 50 });
    try {
      const client = await openAndSync(server.url);
      const criteria = Object.keys(world.evaluation.levelsByCriterion);
      expect(criterionOrderOf(client.doc).toArray()).toEqual(criteria);
      expect(metaOf(client.doc).get("evaluationId")).toBe(world.evaluation.id);
      judgementsOf(client.doc).set(criteria[0], "met");
      judgementsOf(client.doc).set(criteria[3], "strong");
      judgementsOf(client.doc).set(criteria[4], "no-such-level");
      await client.whenSaved();
      client.destroy();
      await eventually(
        async () => (await findEvaluationById(world.evaluation.id))!.projection.judgedCount === 2,
        5000,
        "projection",
      );
      const record = await findEvaluationById(world.evaluation.id);
      expect(record!.projection).toMatchObject({
        judgedCount: 2,
        criteriaCount: criteria.length,
        judgements: [
          { criterionId: criteria[0], level: "met" },
          { criterionId: criteria[3], level: "strong" },
        ],
      });
    } finally {
      await server.close();
    }
  });

  it("leaves a short log alone while people type, and compacts it when the last person leaves", async () => {
    const other = name;
    const server = await startTestServer({ storeDebounceMs: 50 });
    try {
      const client = connectClient(server.url, other, cookie);
      await client.synced;
      const stored = async () => (await loadStoredDocument(other)).snapshot;
      const before = await stored();
      for (let i = 0; i < 5; i++) {
        client.doc.getText("typing").insert(0, `${i}`);
        await client.whenSaved();
        await new Promise((r) => setTimeout(r, 120));
      }
      // Several stores ran (50 ms debounce); none rewrote the snapshot.
      expect(await stored()).toEqual(before);
      expect((await loadStoredDocument(other)).updates.length).toBeGreaterThanOrEqual(5);
      client.destroy();
      await eventually(
        async () => (await loadStoredDocument(other)).updates.length === 0,
        5000,
        "compaction",
      );
      expect(await stored()).not.toEqual(before);
    } finally {
      await server.close();
    }
  });

  it("confirms each edit as its answer comes while the person keeps typing faster than answers come", async () => {
    // Each write of the log takes 300 ms (a busy database); a keystroke comes every 40 ms, so
    // while one write is out the next edits wait for the one after: an answer is always awaited.
    const server = await startTestServer({ storeDebounceMs: 5000 });
    const log = DocumentUpdateModel.collection;
    const insert = log.insertMany.bind(log);
    const slow = vi.spyOn(log, "insertMany").mockImplementation((async (...args: unknown[]) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return (insert as (...a: unknown[]) => unknown)(...args);
    }) as never);
    try {
      const client = await openAndSync(server.url);
      const text = client.doc.getText("typing fast");
      let confirmedWhileTyping = 0;
      for (let i = 0; i < 40; i++) {
        text.insert(text.length, "x");
        await new Promise((resolve) => setTimeout(resolve, 40));
        confirmedWhileTyping = client.tracker.durableCount;
      }
      expect(client.tracker.hasUnsavedEdits).toBe(true);
      expect(confirmedWhileTyping).toBeGreaterThan(10);
      await client.whenSaved();
      expect(client.tracker.durableCount).toBe(client.tracker.editCount);
      client.destroy();
    } finally {
      slow.mockRestore();
      await server.close();
    }
  });

  it("lets a compaction started as the last person left finish before it closes", async () => {
    const server = await startTestServer({ storeDebounceMs: 5000 });
    const client = await openAndSync(server.url);
    client.doc.getText("leaving").insert(0, "typed, then left");
    await client.whenSaved();
    // The compaction on leaving is slow, as on a busy database: the database goes after close().
    const compact = DurableLog.prototype.compact;
    let finished = 0;
    const slow = vi.spyOn(DurableLog.prototype, "compact").mockImplementation(async function (
      this: DurableLog,
      doc,
    ) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await compact.call(this, doc);
      finished += 1;
    });
    try {
      client.destroy();
      await eventually(() => slow.mock.calls.length > 0, 5000, "the compaction on leaving");
      await server.close();
      expect(finished).toBe(slow.mock.calls.length);
    } finally {
      slow.mockRestore();
    }
  });

  it("writes nothing once closed, as the sockets it closed unload their documents", async () => {
    // Stores have run (20 ms debounce) and left the short log as it is: nothing pending at close.
    const server = await startTestServer({ storeDebounceMs: 20 });
    const client = await openAndSync(server.url);
    client.doc.getText("open at close").insert(0, "still here when the server stops");
    await client.whenSaved();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const compactions = vi.spyOn(DurableLog.prototype, "compact");
    try {
      await server.close();
      const atClose = compactions.mock.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(compactions.mock.calls.length).toBe(atClose);
    } finally {
      compactions.mockRestore();
      client.destroy();
    }
    const stored = await loadStoredDocument(name);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u.update);
    expect(doc.getText("open at close").toString()).toBe("still here when the server stops");
  });

  it("keeps every edit across a graceful restart, and compacts the log into a snapshot", async () => {
    let server = await startTestServer({ storeDebounceMs: 5000 });
    const client = await openAndSync(server.url);
    client.doc.getText("restart").insert(0, "typed before the restart");
    await client.whenSaved();
    client.destroy();
    await server.close();
    const stored = await loadStoredDocument(name);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(0);

    server = await startTestServer();
    try {
      const again = await openAndSync(server.url);
      expect(again.doc.getText("restart").toString()).toBe("typed before the restart");
      again.destroy();
    } finally {
      await server.close();
    }
  });

  it("keeps every edit confirmed durable when the server is killed with SIGKILL at random moments", async () => {
    const confirmed: string[] = [];
    for (let round = 0; round < 4; round++) {
      const server = await spawnServer(db);
      const client = await openAndSync(server.url);
      const tokens: string[] = [];
      const crashAfter = 100 + Math.floor(Math.random() * 600);
      const started = Date.now();
      // Type at a brisk human rate until the crash, which lands at an arbitrary moment.
      const typing = (async () => {
        while (Date.now() - started < crashAfter) {
          const token = `[r${round}-${tokens.length}]`;
          tokens.push(token);
          client.doc.getText("crash").insert(client.doc.getText("crash").length, token);
          await new Promise((r) => setTimeout(r, 15 + Math.random() * 30));
        }
      })();
      await new Promise((r) => setTimeout(r, crashAfter));
      await server.crash();
      await typing;
      // Each token is one local edit, in order: the first `durableCount` were confirmed.
      confirmed.push(...tokens.slice(0, client.tracker.durableCount));
      client.destroy();
    }
    expect(confirmed.length).toBeGreaterThan(0);

    const server = await spawnServer(db);
    try {
      const reader = await openAndSync(server.url);
      const text = reader.doc.getText("crash").toString();
      const missing = confirmed.filter((token) => !text.includes(token));
      expect(missing).toEqual([]);
      reader.destroy();
    } finally {
      await server.stop();
    }
    // Five server processes start one after another: on a loaded CI machine that alone took 50 s.
  }, 120_000);

  it("duplicates nothing over 20 reload and restart cycles", async () => {
    const criteria = Object.keys(world.evaluation.levelsByCriterion);
    for (let cycle = 0; cycle < 20; cycle++) {
      const server = await startTestServer({ storeDebounceMs: cycle % 2 ? 20 : 5000 });
      const client = await openAndSync(server.url);
      client.doc.getText("cycles").insert(client.doc.getText("cycles").length, `<${cycle}>`);
      // Reload: a second page view of the same person, then the first goes away.
      const reload = await openAndSync(server.url);
      await client.whenSaved();
      client.destroy();
      reload.destroy();
      await server.close();
    }
    const server = await startTestServer();
    try {
      const client = await openAndSync(server.url);
      expect(client.doc.getText("cycles").toString()).toBe(
        Array.from({ length: 20 }, (_, i) => `<${i}>`).join(""),
      );
      expect(criterionOrderOf(client.doc).toArray()).toEqual(criteria);
      expect(metaOf(client.doc).size).toBe(3);
      client.destroy();
    } finally {
      await server.close();
    }
  });
});
