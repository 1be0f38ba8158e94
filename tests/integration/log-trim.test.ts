import { beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import {
  appendUpdates,
  DocumentSnapshotModel,
  loadStoredDocument,
} from "../../models/document-log/document-log.ts";
import { LogTrim } from "../../models/document-log/log-trim.ts";
import { mongoose } from "../../models/mongoose.ts";
import { connectClient, eventually } from "../support/collab-client.ts";
import { expectNoOrphans, rowsWithState } from "../support/snapshot-rows.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// ADR 024: a compaction writes the snapshot at once, but its log entries are deleted later, by
// one sweep for every document of the process (the embedded FerretDB reads the whole log to
// answer any delete of it).

useTestDatabase();
let world: Awaited<ReturnType<typeof buildWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await buildWorld();
  cookie = await cookieFor(world.people.staff.id);
});

async function typeAndLeave(url: string, name: string, text: string) {
  const client = connectClient(url, name, cookie);
  await client.synced;
  for (const letter of text) {
    client.doc.getText("typed").insert(client.doc.getText("typed").length, letter);
    await client.whenSaved();
  }
  client.destroy();
}

describe("trimming the update log", () => {
  it("keeps compacted entries and replaced snapshots until the sweep, loses and doubles nothing meanwhile, and sweeps the log in one delete and replaced states by _id", async () => {
    const second = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
    const names = [
      documentName("evaluation", world.evaluation.id),
      documentName("evaluation", second.id),
    ];
    const server = await startTestServer({ storeDebounceMs: 50, logTrimMs: 600_000 });
    const deletes: string[] = [];
    try {
      await typeAndLeave(server.url, names[0], "first");
      await typeAndLeave(server.url, names[1], "second");
      // The last person left each: compacted into a new snapshot, the entries still logged.
      for (const name of names) {
        await eventually(
          async () => (await loadStoredDocument(name)).snapshotVersion > 1,
          5000,
          `compaction of ${name}`,
        );
        expect((await loadStoredDocument(name)).updates.length).toBeGreaterThanOrEqual(5);
      }
      // Opened again before the sweep: snapshot + the same entries again, applied once.
      const again = connectClient(server.url, names[0], cookie);
      await again.synced;
      expect(again.doc.getText("typed").toString()).toBe("first");
      again.doc.getText("typed").insert(5, "!");
      await again.whenSaved();
      again.destroy();
      await eventually(
        async () => (await loadStoredDocument(names[0])).snapshotVersion > 2,
        5000,
        "second compaction",
      );
      // The versions the compactions replaced are still there too, until the sweep.
      expect(await DocumentSnapshotModel.countDocuments({ name: names[0] })).toBeGreaterThan(1);
      mongoose.set("debug", (collection: string, method: string) => {
        if (/^(delete|bulkWrite)/.test(method)) deletes.push(`${method} ${collection}`);
      });
    } finally {
      // Shutting down sweeps what waits.
      await server.close();
      mongoose.set("debug", false);
    }
    // The log goes in one delete; replaced versions' states by _id, their rows kept (ADR 035).
    expect(deletes.filter((d) => d === "deleteMany documentupdates")).toHaveLength(1);
    expect(new Set(deletes)).toEqual(
      new Set(["deleteMany documentupdates", "deleteOne documentstates"]),
    );
    for (const name of names) {
      expect((await loadStoredDocument(name)).updates).toEqual([]);
      expect(await rowsWithState(name)).toBe(1);
    }
    await expectNoOrphans();

    const reopened = await startTestServer();
    try {
      const client = connectClient(reopened.url, names[0], cookie);
      await client.synced;
      expect(client.doc.getText("typed").toString()).toBe("first!");
      client.destroy();
    } finally {
      await reopened.close();
    }
  });

  it("sweeps thousands of entries as several short deletes with a pause between them, and all of them go (ADR 044)", async () => {
    const names = ["a", "b", "c"].map((n) =>
      documentName("evaluation", `64b0000000000000000000${n}${n}`),
    );
    const trim = new LogTrim(undefined, 300);
    for (const name of names) {
      const ids = await appendUpdates(
        name,
        Array.from({ length: 600 }, (_, i) => new Uint8Array([0, 0, i % 250])),
      );
      trim.entries(name, ids);
    }
    const deletes: { at: number; ids: number }[] = [];
    mongoose.set("debug", (collection: string, method: string, filter: unknown) => {
      if (collection !== "documentupdates" || method !== "deleteMany") return;
      const named = (filter as { _id: { $in: unknown[] } })._id.$in.length;
      deletes.push({ at: performance.now(), ids: named });
    });
    try {
      await trim.sweep();
    } finally {
      mongoose.set("debug", false);
    }
    expect(deletes.reduce((sum, d) => sum + d.ids, 0)).toBe(1800);
    expect(deletes.length).toBeGreaterThanOrEqual(3);
    for (const d of deletes) expect(d.ids).toBeLessThanOrEqual(600);
    for (let i = 1; i < deletes.length; i++) {
      expect(deletes[i].at - deletes[i - 1].at).toBeGreaterThanOrEqual(290);
    }
    for (const name of names) expect((await loadStoredDocument(name)).updates).toEqual([]);
  });
});
