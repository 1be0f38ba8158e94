import { beforeAll, describe, expect, it } from "vitest";
import { EvaluationModel, newEvaluationDoc } from "../../models/evaluation/evaluation.ts";
import { saveProjection } from "../../models/evaluation/projection-store.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import type { FrameworkVersion } from "../../models/framework/framework.ts";
import {
  insightChanged,
  InsightSummaryModel,
  InsightTokenModel,
  parseEntries,
  SUMMARY_FORMAT,
  summaryId,
} from "../../models/insight/summary-store.ts";
import { summaryEvaluations } from "../../models/insight/summary.ts";
import type { School } from "../../models/school/school.ts";
import { saveAgreedProjection } from "../../models/validation/agreed-projection.ts";
import type { RecordEntry } from "../../models/validation/record-state.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildSchool, buildStarterFramework, buildWorld } from "../support/factories.ts";
import { levelAt, seedInsight, type SeededEvaluation } from "../support/insight-world.ts";

// The insight summary (ADR 023): one document per cycle, changed entry by entry when a
// projection is written, under a lock, so writes for different schools at the same moment keep
// each other's entries (FerretDB v1 rewrites a whole document on every update).

useTestDatabase();

let world: Awaited<ReturnType<typeof buildWorld>>;
let version: FrameworkVersion;
let schools: School[];
let evaluations: SeededEvaluation[];
let cycles: { id: string; name: string }[];

const SCHOOLS = 8;

beforeAll(async () => {
  world = await buildWorld();
  schools = [];
  for (let i = 0; i < SCHOOLS; i++)
    schools.push(await buildSchool(world.trust, { name: `Parallel School ${i}` }));
  version = await buildStarterFramework(world.trust);
  const seeded = await seedInsight({
    version,
    schools,
    cycleNames: ["Autumn 2026"],
    createdBy: world.people.trustAdmin.id,
    judge: ({ scale }) => ({ self: levelAt(scale, 2) }),
  });
  evaluations = seeded.evaluations;
  cycles = seeded.cycles.map((c) => ({ id: c.id, name: c.name }));
});

/** The summary document of the cycle as stored, and whether views may use it as it is. */
async function stored() {
  const [doc, token] = await Promise.all([
    InsightSummaryModel.findOne({
      _id: summaryId(world.trust.id, version.frameworkId, cycles[0].id),
    }).lean(),
    InsightTokenModel.findOne({ _id: world.trust.id }).lean(),
  ]);
  return { entries: parseEntries(doc), current: !!doc && doc.token === token?.token };
}

const inclusion = ["incl-1", "incl-2", "incl-3"];

/** A record with one judgement agreed and confirmed. */
function agreedAndConfirmed(criterionId: string, level: string, at: Date): RecordEntry[] {
  const by = world.people.validator.id;
  return [
    {
      seq: 1,
      kind: "agreed",
      criterionId,
      level,
      rationale: "Seen in visits",
      by,
      at: at.toISOString(),
    },
    { seq: 2, kind: "confirmed", criterionId, agreedSeq: 1, by, at: at.toISOString() },
  ];
}

describe("the insight summary", () => {
  it("is built from the projections on the first read", async () => {
    // The world's own evaluation is outside any cycle: the cycle's summary holds the eight.
    const read = await summaryEvaluations(
      world.trust.id,
      version.frameworkId,
      cycles,
      cycles[0].id,
    );
    expect(read).toHaveLength(SCHOOLS);
    expect(read.every((e) => e.self["incl-1"] === "expected")).toBe(true);
    const { entries, current } = await stored();
    expect(current).toBe(true);
    expect(Object.keys(entries)).toHaveLength(SCHOOLS);
  });

  it("keeps every school's entry when their projections are written at the same moment", async () => {
    // Each school gets its own levels (by index), its own judgements and an agreed judgement,
    // all written at once: 16 writers of one summary document.
    const levels = ["urgent-improvement", "needs-attention", "expected", "strong"];
    const started = new Date();
    await Promise.all(
      evaluations.flatMap((e, i) => [
        saveProjection(world.trust.id, e.id, {
          judgements: inclusion.map((criterionId) => ({
            criterionId,
            level: levels[i % levels.length],
          })),
          judgedCount: inclusion.length,
          criteriaCount: 35,
          updatedAt: new Date(started.getTime() + i),
          lastActivityAt: started,
        }),
        saveAgreedProjection(
          { id: `${"0".repeat(23)}${i}`, trustId: world.trust.id, evaluationId: e.id },
          agreedAndConfirmed("incl-1", levels[(i + 1) % levels.length], started),
        ),
      ]),
    );
    const { entries, current } = await stored();
    // Still current: the entries were changed in place, not left to a rebuild.
    expect(current).toBe(true);
    for (const [i, e] of evaluations.entries()) {
      expect(entries[e.id].self).toEqual(
        Object.fromEntries(inclusion.map((c) => [c, levels[i % levels.length]])),
      );
      expect(entries[e.id].schoolName).toBe(`Parallel School ${i}`);
      expect(entries[e.id].agreed).toEqual({ "incl-1": levels[(i + 1) % levels.length] });
    }
    // And the views read exactly that.
    const read = await summaryEvaluations(world.trust.id, version.frameworkId, cycles);
    for (const [i, e] of evaluations.entries()) {
      const seen = read.find((r) => r.evaluationId === e.id)!;
      expect(seen.self["incl-2"]).toBe(levels[i % levels.length]);
    }
  });

  it("never lets an older projection overwrite a newer one", async () => {
    const e = evaluations[0];
    const now = Date.now();
    const write = (level: string, at: number) =>
      saveProjection(world.trust.id, e.id, {
        judgements: [{ criterionId: "incl-1", level }],
        judgedCount: 1,
        criteriaCount: 35,
        updatedAt: new Date(at),
        lastActivityAt: new Date(at),
      });
    await write("strong", now + 10_000);
    await write("urgent-improvement", now + 5_000);
    expect((await stored()).entries[e.id].self).toEqual({ "incl-1": "strong" });
  });

  it("says an evaluation nobody has worked in is not started, until its first projection", async () => {
    // A school joins the cycle: its evaluation is started for it, and nobody has opened it yet.
    const school = await buildSchool(world.trust, { name: "Untouched School" });
    const doc = newEvaluationDoc(school, version, {
      title: "Autumn 2026 self-evaluation",
      createdBy: world.people.trustAdmin.id,
      cycleId: cycles[0].id,
    });
    await EvaluationModel.create(doc);
    await insightChanged(world.trust.id);
    const e = { id: doc._id.toString() };
    const statusOf = async () =>
      (await summaryEvaluations(world.trust.id, version.frameworkId, cycles)).find(
        (r) => r.evaluationId === e.id,
      )!.status;
    expect(await statusOf()).toBe("notStarted");
    await saveProjection(world.trust.id, e.id, {
      judgements: [],
      judgedCount: 0,
      criteriaCount: 35,
      updatedAt: new Date(),
      lastActivityAt: new Date(),
    });
    // Changed in place, as judgements are: no rebuild needed to see it.
    const { entries, current } = await stored();
    expect(current).toBe(true);
    expect(entries[e.id].status).toBe("inProgress");
    expect(await statusOf()).toBe("inProgress");
  });

  it("rebuilds a summary stored in an earlier format, and leaves it alone until then", async () => {
    const id = summaryId(world.trust.id, version.frameworkId, cycles[0].id);
    await InsightSummaryModel.updateOne({ _id: id }, { $unset: { format: 1 } });
    const e = evaluations[6];
    await saveProjection(world.trust.id, e.id, {
      judgements: [{ criterionId: "incl-3", level: "strong" }],
      judgedCount: 1,
      criteriaCount: 35,
      updatedAt: new Date(Date.now() + 60_000),
      lastActivityAt: new Date(),
    });
    // Not written into entry by entry: its entries may mean something else.
    const before = await InsightSummaryModel.findOne({ _id: id }).lean();
    expect(before!.format).toBeUndefined();
    expect(parseEntries(before)[e.id].self).not.toEqual({ "incl-3": "strong" });
    const read = await summaryEvaluations(world.trust.id, version.frameworkId, cycles);
    expect(read.find((r) => r.evaluationId === e.id)!.self).toEqual({ "incl-3": "strong" });
    expect((await InsightSummaryModel.findOne({ _id: id }).lean())!.format).toBe(SUMMARY_FORMAT);
  });

  it("is rebuilt when something other than a judgement changes (a status)", async () => {
    const e = evaluations[1];
    expect(
      await setEvaluationStatus(world.trust.id, e.id, "submitted", { from: ["inProgress"] }),
    ).toBe(true);
    expect((await stored()).current).toBe(false);
    const read = await summaryEvaluations(world.trust.id, version.frameworkId, cycles);
    expect(read.find((r) => r.evaluationId === e.id)!.status).toBe("submitted");
    // The judgements written before survive the rebuild (they are in the projections too).
    expect(read.find((r) => r.evaluationId === e.id)!.self["incl-1"]).toBe("needs-attention");
    expect((await stored()).current).toBe(true);
  });
});
