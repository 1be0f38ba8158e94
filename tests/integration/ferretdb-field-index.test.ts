import { describe, expect, it } from "vitest";
import { Types } from "mongoose";
import { mongoose } from "../../models/mongoose.ts";
import { appendUpdates, DocumentUpdateModel } from "../../models/document-log/document-log.ts";
import { useTestDatabase } from "../support/database.ts";

// ADR 040: the embedded FerretDB narrows a read in SQLite by each top-level key compared with a
// string, an ObjectId or `$in` of those, so SQLite reads through the index FerretDB built for
// that field instead of handing every document of the collection to Go. MongoDB also matches a
// document whose field is an array holding the value; those are read too and left to Go, so the
// answers stay exactly MongoDB's. FerretDB's `explain` answers with SQLite's own query plan.

useTestDatabase();

function probes() {
  return mongoose.connection.db!.collection("fieldindexprobes");
}

async function planOf(collection: string, filter: object): Promise<string> {
  const answer = await mongoose.connection.db!.command({ explain: { find: collection, filter } });
  return JSON.stringify(answer.queryPlanner);
}

function searchesIndex(plan: string, index: string): boolean {
  return new RegExp(`SEARCH \\w+ USING INDEX \\w+_${index}\\b`).test(plan) && !/SCAN/.test(plan);
}

const trusts = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
// Characters whose JSON may be written more than one way: the text SQLite compares must be the
// one FerretDB stored.
const awkward = 'a<b>&c "quoted" back\\slash é 😀\nline\u2028end';

async function insertProbes() {
  await probes().deleteMany({});
  await probes().createIndex({ name: 1 });
  await probes().createIndex({ trust: 1 });
  await probes().insertMany([
    { _id: "plain", name: "north", trust: trusts[0] },
    { _id: "awkward", name: awkward, trust: trusts[1] },
    { _id: "list", name: ["south", "north"], trust: [trusts[2], trusts[0]] },
    { _id: "nested", name: [{ north: "north" }], trust: trusts[1] },
    { _id: "object", name: { north: 1 }, trust: "x" },
    { _id: "number", name: 7, trust: trusts[0] },
    { _id: "hex", name: "west", trust: trusts[2].toHexString() },
    { _id: "missing", trust: trusts[2] },
  ] as never[]);
}

async function idsFound(filter: object): Promise<string[]> {
  const docs = await probes().find(filter).toArray();
  return docs.map((d) => String(d._id)).sort();
}

describe("the embedded FerretDB's reads by a field", () => {
  it("a string field reads through its index and finds exactly MongoDB's matches", async () => {
    await insertProbes();
    expect(searchesIndex(await planOf("fieldindexprobes", { name: "north" }), "name_1")).toBe(true);
    // The array holding "north" matches; an array of objects and an object do not.
    expect(await idsFound({ name: "north" })).toEqual(["list", "plain"]);
    expect(await idsFound({ name: awkward })).toEqual(["awkward"]);
    expect(await idsFound({ name: "nowhere" })).toEqual([]);
  });

  it("an ObjectId field, and $in of ObjectIds, read through the index", async () => {
    await insertProbes();
    expect(searchesIndex(await planOf("fieldindexprobes", { trust: trusts[0] }), "trust_1")).toBe(
      true,
    );
    expect(await idsFound({ trust: trusts[0] })).toEqual(["list", "number", "plain"]);
    // An ObjectId never matches a string of the same hex.
    expect(await idsFound({ trust: trusts[2] })).toEqual(["list", "missing"]);

    const list = { trust: { $in: [trusts[1], trusts[2]] } };
    expect(searchesIndex(await planOf("fieldindexprobes", list), "trust_1")).toBe(true);
    expect(await idsFound(list)).toEqual(["awkward", "list", "missing", "nested"]);
  });

  it("two keys narrow together; counts, updates and deletes take exactly the matches", async () => {
    await insertProbes();
    const filter = { trust: trusts[0], name: "north" };
    const plan = await planOf("fieldindexprobes", filter);
    expect(/USING INDEX \w+_(name|trust)_1/.test(plan) && !/SCAN/.test(plan)).toBe(true);
    expect(await idsFound(filter)).toEqual(["list", "plain"]);
    expect(await probes().countDocuments({ trust: trusts[2], name: "north" })).toBe(1);

    const updated = await probes().updateMany({ name: "north" }, { $set: { seen: true } });
    expect(updated.modifiedCount).toBe(2);
    expect(await idsFound({ seen: true })).toEqual(["list", "plain"]);

    const deleted = await probes().deleteMany({
      trust: trusts[2],
      name: { $in: ["west", "north"] },
    });
    expect(deleted.deletedCount).toBe(1);
    expect(await idsFound({})).toEqual(
      ["awkward", "hex", "missing", "nested", "number", "object", "plain"].sort(),
    );
  });

  it("other conditions read the whole collection, with the same answers", async () => {
    await insertProbes();
    const cases: [object, string[]][] = [
      [{ name: 7 }, ["number"]],
      [{ name: { $gt: "s" } }, ["hex", "list"]],
      [{ name: null }, ["missing"]],
      [{ "name.north": 1 }, ["object"]],
      [{ $or: [{ name: "west" }, { name: 7 }] }, ["hex", "number"]],
      [{ name: { $in: ["west", 7] } }, ["hex", "number"]],
    ];
    for (const [filter, ids] of cases) {
      expect(await planOf("fieldindexprobes", filter)).toMatch(/SCAN fieldindexprobes_/);
      expect(await idsFound(filter)).toEqual(ids);
    }
  });

  it("a document's update log is read by its name through the name index", async () => {
    await appendUpdates("evaluation.a", [new Uint8Array([1]), new Uint8Array([2])]);
    await appendUpdates("evaluation.b", [new Uint8Array([3])]);
    const collection = DocumentUpdateModel.collection.collectionName;
    expect(searchesIndex(await planOf(collection, { name: "evaluation.a" }), "name_1")).toBe(true);
    const entries = await DocumentUpdateModel.find({ name: "evaluation.a" }).lean();
    expect(entries.map((e) => e.name)).toEqual(["evaluation.a", "evaluation.a"]);
  });
});
