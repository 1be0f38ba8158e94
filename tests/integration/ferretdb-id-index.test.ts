import { describe, expect, it } from "vitest";
import { Types } from "mongoose";
import { mongoose } from "../../models/mongoose.ts";
import { useTestDatabase } from "../support/database.ts";

// ADR 036: the embedded FerretDB is built with its `_id` lookups written as its `_id` index is,
// so SQLite finds a document by `_id` through the index instead of reading the whole table.
// ADR 038: it also reads through the index for `_id: {$in: [...]}` and for an `_id` beside other
// keys (the other keys are then checked in Go against those documents only).
// FerretDB's `explain` answers with SQLite's own query plan (for a find; counts, updates and
// deletes read through the same backend query, which is what the build changes).

useTestDatabase();

const INDEX_SEARCH = /SEARCH idindexprobes_[0-9a-f]+ USING INDEX idindexprobes_[0-9a-f]+__id_/;

async function planOf(command: object): Promise<string> {
  const answer = await mongoose.connection.db!.command({ explain: command });
  return JSON.stringify(answer.queryPlanner);
}

function probes() {
  return mongoose.connection.db!.collection("idindexprobes");
}

const objectIds = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
const names = ["evaluation.0123456789abcdef01234567@1", "evaluation.0123456789abcdef01234567@2"];

async function insertProbes() {
  await probes().deleteMany({});
  await probes().insertMany([
    { _id: objectIds[0], trust: "a" },
    { _id: objectIds[1], trust: "b" },
    { _id: objectIds[2], trust: "a" },
    { _id: names[0], trust: "a" } as never,
    { _id: names[1], trust: "b" } as never,
    { _id: 7, trust: "a" } as never,
  ]);
}

async function idsFound(filter: object): Promise<string[]> {
  const docs = await probes().find(filter).toArray();
  return docs.map((d) => String(d._id)).sort();
}

describe("the embedded FerretDB's lookups by _id", () => {
  it("a find by _id searches the _id index, for ObjectIds and strings", async () => {
    await insertProbes();
    for (const _id of [objectIds[0], names[0]]) {
      const plan = await planOf({ find: "idindexprobes", filter: { _id } });
      expect(plan).toMatch(INDEX_SEARCH);
      expect(plan).not.toMatch(/SCAN/);
      // And the lookup finds it (the two spellings of the path mean the same).
      expect(await probes().countDocuments({ _id } as never)).toBe(1);
    }
  });

  it("a find by a list of _ids ($in) searches the index and finds exactly those", async () => {
    await insertProbes();
    const filter = { _id: { $in: [objectIds[0], objectIds[2], names[1], "absent"] } };
    const plan = await planOf({ find: "idindexprobes", filter });
    expect(plan).toMatch(INDEX_SEARCH);
    expect(plan).not.toMatch(/SCAN/);
    expect(await idsFound(filter)).toEqual(
      [objectIds[0], objectIds[2], names[1]].map(String).sort(),
    );
  });

  it("an _id beside other keys searches the index, and the other keys still filter", async () => {
    await insertProbes();
    const one = { _id: objectIds[1], trust: "a" };
    expect(await planOf({ find: "idindexprobes", filter: one })).toMatch(INDEX_SEARCH);
    expect(await idsFound(one)).toEqual([]);
    expect(await idsFound({ ...one, trust: "b" })).toEqual([String(objectIds[1])]);

    const list = { trust: "a", _id: { $in: [...objectIds, ...names] } };
    const plan = await planOf({ find: "idindexprobes", filter: list });
    expect(plan).toMatch(INDEX_SEARCH);
    expect(plan).not.toMatch(/SCAN/);
    expect(await idsFound(list)).toEqual([objectIds[0], objectIds[2], names[0]].map(String).sort());
  });

  it("deletes and counts by a list of _ids with another key take exactly those documents", async () => {
    await insertProbes();
    const filter = { trust: "a", _id: { $in: [objectIds[0], objectIds[1], names[0]] } };
    expect(await probes().countDocuments(filter as never)).toBe(2);
    const deleted = await probes().deleteMany(filter as never);
    expect(deleted.deletedCount).toBe(2);
    expect(await idsFound({})).toEqual(
      [objectIds[1], objectIds[2], names[1], 7].map(String).sort(),
    );
  });

  it("other _id conditions and other filters still read the whole table, with the same answers", async () => {
    await insertProbes();
    // A number's JSON is not unique (7 and 7.0), so a list holding one is checked in Go.
    const withNumber = { _id: { $in: [7, names[0]] } };
    expect(await planOf({ find: "idindexprobes", filter: withNumber })).toMatch(
      /SCAN idindexprobes_/,
    );
    expect(await idsFound(withNumber)).toEqual([names[0], "7"].sort());
    const range = { _id: { $gt: names[0] } };
    expect(await planOf({ find: "idindexprobes", filter: range })).toMatch(/SCAN idindexprobes_/);
    expect(await idsFound(range)).toEqual([names[1]]);
    expect(await planOf({ find: "idindexprobes", filter: { n: 1 } })).toMatch(
      /SCAN idindexprobes_/,
    );
    expect(await idsFound({ _id: { $in: [] } })).toEqual([]);
  });
});
