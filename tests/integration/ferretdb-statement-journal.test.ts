import { mkdirSync, mkdtempSync, rmSync, watch, type FSWatcher } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MongoClient } from "mongodb";
import { startFerretDB, type RunningFerretDB } from "../../server/database/ferretdb.ts";

// ADR 042: the embedded FerretDB keeps SQLite's statement journals in memory. An insert of many
// documents is one SQLite statement inside a transaction, which journals every page it changes
// so that it alone can be undone; past 64 KB that journal went to a temporary file, created,
// written and deleted for each such insert (the update log's insert of every open document,
// sixteen times a second under typing). SQLite's temporary directory is watched here: no file
// may appear in it.

const ENTRIES_BEFORE = 2000;
const ENTRIES_AT_ONCE = 200;

let dir: string;
let ferret: RunningFerretDB;
let client: MongoClient;
let sqliteTmp: string;
const savedTmp = process.env.SQLITE_TMPDIR;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "qm-statement-journal-"));
  sqliteTmp = path.join(dir, "sqlite-tmp");
  mkdirSync(sqliteTmp);
  process.env.SQLITE_TMPDIR = sqliteTmp;
  try {
    ferret = await startFerretDB({ sqliteDir: path.join(dir, "sqlite") });
  } finally {
    if (savedTmp === undefined) delete process.env.SQLITE_TMPDIR;
    else process.env.SQLITE_TMPDIR = savedTmp;
  }
  client = new MongoClient(ferret.uri);
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client?.close();
  await ferret?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// Names in no order, as an update log's entries are for the documents open at once: each
// insert changes pages all over the collection's `name` index.
function entries(count: number, seed: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: `evaluation:${((i * 7919 + seed * 104729) % 9973).toString(36)}:${i}`,
    update: Buffer.alloc(200, i % 251),
  }));
}

describe("the embedded FerretDB's statement journals", () => {
  it("insert many documents across an index without a temporary file", async () => {
    const log = client.db("journal").collection("entries");
    await log.createIndex({ name: 1 });
    for (let i = 0; i < ENTRIES_BEFORE / ENTRIES_AT_ONCE; i++) {
      await log.insertMany(entries(ENTRIES_AT_ONCE, i));
    }
    const created: string[] = [];
    const watcher: FSWatcher = watch(sqliteTmp, (_event, file) => created.push(String(file)));
    try {
      await log.insertMany(entries(ENTRIES_AT_ONCE, 99));
      expect(await log.countDocuments()).toBe(ENTRIES_BEFORE + ENTRIES_AT_ONCE);
      // inotify's events arrive on our event loop: give them a turn.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      watcher.close();
    }
    expect(created).toEqual([]);
  }, 60_000);
});
