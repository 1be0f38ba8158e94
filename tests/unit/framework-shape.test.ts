import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addArea,
  addCriterion,
  areasOf,
  criteriaOf,
  frameworkSeedUpdate,
  move,
  moveTo,
  ordered,
  readFramework,
  removeArea,
} from "../../collab/shapes/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import { ofsted2025SelfEvaluation } from "../../models/framework/starters/ofsted-2025.ts";

function docOf(content = inclusionExcellence) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, frameworkSeedUpdate(content));
  return doc;
}

describe("framework draft documents", () => {
  it("read back what they were seeded with", () => {
    const back = readFramework(docOf());
    expect(back.name).toBe(inclusionExcellence.name);
    expect(back.areas.map((a) => a.id)).toEqual(inclusionExcellence.areas.map((a) => a.id));
    expect(back.areas[0].criteria[0]).toMatchObject({
      id: inclusionExcellence.areas[0].criteria[0].id,
      code: "1.1",
      statement: inclusionExcellence.areas[0].criteria[0].statement,
      descriptors: inclusionExcellence.areas[0].criteria[0].descriptors,
      evidenceExpectations: inclusionExcellence.areas[0].criteria[0].evidenceExpectations,
    });
    expect(back.scales[0].levels.map((l) => l.key)).toEqual(
      inclusionExcellence.scales[0].levels.map((l) => l.key),
    );
    expect(back.awardTiers?.map((t) => t.name)).toEqual(["Bronze", "Silver", "Gold"]);
    expect(back.accreditationRule).toEqual(inclusionExcellence.accreditationRule);
  });

  it("keep a Met / Not met area on its own scale", () => {
    const back = readFramework(docOf(ofsted2025SelfEvaluation));
    expect(back.scales.map((s) => s.levels.length)).toEqual([5, 2]);
    expect(back.areas[0].scaleKey).toBe("met");
    expect(back.areas[1].scaleKey).toBe("main");
    expect(Object.keys(back.areas[0].criteria[0].descriptors)).toEqual(["not-met", "met"]);
  });

  it("seed deterministically, so seeding twice duplicates nothing", () => {
    const doc = docOf();
    Y.applyUpdate(doc, frameworkSeedUpdate(inclusionExcellence));
    expect(readFramework(doc)).toEqual(readFramework(docOf()));
  });

  it("reorder by order keys: a move keeps concurrent edits inside the moved item", () => {
    const a = docOf();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const [firstId] = ordered(areasOf(a))[0];
    // A moves the first area down while B edits its title.
    move(ordered(areasOf(a)), firstId, 1);
    (areasOf(b).get(firstId)!.get("title") as Y.Text).insert(0, "Renamed: ");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const back = readFramework(b);
    expect(back.areas[1].id).toBe(firstId);
    expect(back.areas[1].title.startsWith("Renamed: ")).toBe(true);
    expect(readFramework(a)).toEqual(back);
  });

  it("drag to a position, add and remove areas and criteria", () => {
    const doc = docOf();
    const ids = ordered(areasOf(doc)).map(([id]) => id);
    moveTo(ordered(areasOf(doc)), ids[2], 0);
    expect(ordered(areasOf(doc)).map(([id]) => id)).toEqual([ids[2], ids[0], ids[1]]);
    const area = addArea(doc);
    const criterion = addCriterion(doc, area);
    expect(readFramework(doc).areas.at(-1)).toMatchObject({
      id: area,
      criteria: [{ id: criterion, code: "4.1" }],
    });
    removeArea(doc, area);
    expect(criteriaOf(doc).has(criterion)).toBe(false);
    expect(move(ordered(areasOf(doc)), ids[2], -1)).toBe(false);
  });
});
