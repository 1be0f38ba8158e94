import { Types } from "mongoose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProjectionModel, saveProjection } from "../../models/evaluation/projection-store.ts";
import type { EvaluationProjection } from "../../models/evaluation/projection.ts";
import { projectionsOf } from "../../models/evaluation/projection-store.ts";
import { useTestDatabase } from "../support/database.ts";

useTestDatabase();
afterEach(() => vi.restoreAllMocks());

const trustId = new Types.ObjectId().toString();
const at = new Date("2026-12-04T10:00:00.000Z");

const full: EvaluationProjection = {
  judgements: [
    { criterionId: "curriculum-and-teaching.sequencing", level: "expected" },
    { criterionId: "leadership-and-governance.oversight", level: "strong" },
  ],
  judgedCount: 2,
  criteriaCount: 5,
  updatedAt: at,
  lastActivityAt: at,
  forceTotals: { helping: 7, hindering: 2 },
  forcesByCriterion: [
    { criterionId: "leadership-and-governance.oversight", helping: 7, hindering: 2 },
  ],
  actionCounts: { notStarted: 1, inProgress: 1, done: 0, dropped: 0 },
  actions: [
    {
      id: "a1",
      criterionId: "leadership-and-governance.oversight",
      what: "Governors' link visits each half-term",
      ownerId: new Types.ObjectId().toString(),
      due: "2027-02-12",
      status: "inProgress",
      forceIds: ["f1", "f2"],
      addresses: ["Governors new to the board", ""],
    },
    {
      id: "a2",
      criterionId: "leadership-and-governance.oversight",
      what: "Review the scheme of delegation",
      ownerId: null,
      due: null,
      status: "notStarted",
      forceIds: [],
    },
  ],
};

/** A record written before plans were projected: no forces or actions at all. */
const judgementsOnly: EvaluationProjection = {
  judgements: [],
  judgedCount: 0,
  criteriaCount: 5,
  updatedAt: at,
  lastActivityAt: null,
};

async function stored(id: string) {
  const { _id, ...record } = (await ProjectionModel.collection.findOne({
    _id: new Types.ObjectId(id),
  }))!;
  expect(_id).toEqual(new Types.ObjectId(id));
  return record;
}

describe("an evaluation's projection record (ADR 046)", () => {
  it.each([
    ["with forces and actions", full],
    ["with judgements only", judgementsOnly],
  ])(
    "is stored %s exactly as mongoose's casting stored it, and read back the same",
    async (_, projection) => {
      const [cast, ours] = [new Types.ObjectId().toString(), new Types.ObjectId().toString()];
      // How it was written before: through the model, which casts the replacement.
      await ProjectionModel.replaceOne(
        { _id: cast },
        { ...projection, _id: cast, trustId },
        { upsert: true },
      );
      await saveProjection(trustId, ours, projection, { judgementsChanged: false });
      expect(await stored(ours)).toEqual(await stored(cast));
      const read = await projectionsOf([cast, ours]);
      expect(read.get(ours)).toEqual(read.get(cast));
    },
  );

  it("is written without mongoose building a document from it, and replaces the one before", async () => {
    const casting = vi.spyOn(ProjectionModel, "replaceOne");
    const building = vi.spyOn(ProjectionModel, "castObject");
    const id = new Types.ObjectId().toString();
    await saveProjection(trustId, id, full, { judgementsChanged: false });
    await saveProjection(
      trustId,
      id,
      { ...full, judgedCount: 1, judgements: [full.judgements[0]] },
      {
        judgementsChanged: false,
      },
    );
    expect(casting).not.toHaveBeenCalled();
    expect(building).not.toHaveBeenCalled();
    expect(await ProjectionModel.countDocuments({ _id: id })).toBe(1);
    const read = (await projectionsOf([id])).get(id);
    expect(read).toMatchObject({ judgedCount: 1, judgements: [full.judgements[0]] });
    expect(read).not.toHaveProperty("trustId");
  });

  it("is inserted once when 20 first writes of one evaluation race", async () => {
    const id = new Types.ObjectId().toString();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        saveProjection(trustId, id, { ...full, judgedCount: i }, { judgementsChanged: false }),
      ),
    );
    expect(await ProjectionModel.countDocuments({ _id: id })).toBe(1);
  });
});
