import { describe, expect, it } from "vitest";
import { Types } from "mongoose";
import { mongoose } from "../../models/mongoose.ts";
import { useTestDatabase } from "../support/database.ts";

// ADR 036: the embedded FerretDB is built with its `_id` lookups written as its `_id` index is,
// so SQLite finds a document by `_id` through the index instead of reading the whole table.
// FerretDB's `explain` answers with SQLite's own query plan (for a find; its updates and deletes
// use the same expression, `metadata.IDColumn`, which is what the build changes).

useTestDatabase();

async function planOf(command: object): Promise<string> {
  const answer = await mongoose.connection.db!.command({ explain: command });
  return JSON.stringify(answer.queryPlanner);
}

describe("the embedded FerretDB's lookups by _id", () => {
  it("a find by _id searches the _id index, for ObjectIds and strings", async () => {
    const db = mongoose.connection.db!;
    const objectId = new Types.ObjectId();
    const name = "evaluation.0123456789abcdef01234567@1";
    await db.collection("idindexprobes").insertMany([{ _id: objectId }, { _id: name } as never]);
    for (const _id of [objectId, name]) {
      const plan = await planOf({ find: "idindexprobes", filter: { _id } });
      expect(plan).toMatch(
        /SEARCH idindexprobes_[0-9a-f]+ USING INDEX idindexprobes_[0-9a-f]+__id_/,
      );
      expect(plan).not.toMatch(/SCAN/);
      // And the lookup finds it (the two spellings of the path mean the same).
      expect(await db.collection("idindexprobes").countDocuments({ _id } as never)).toBe(1);
    }
  });

  it("any other filter still reads the whole table (why records are looked up by _id: ADR 033–035)", async () => {
    const plan = await planOf({ find: "idindexprobes", filter: { n: 1 } });
    expect(plan).toMatch(/SCAN idindexprobes_/);
  });
});
