import { listCycles } from "../cycle/cycle.ts";
import { cycleStatusOf, type CycleStatus } from "../cycle/status.ts";
import { ProjectionModel } from "../evaluation/projection-store.ts";
import { op } from "../mongoose.ts";
import type { SchoolPhase } from "../school/school.ts";
import { AgreedProjectionModel } from "../validation/agreed-projection.ts";
import { insightHeaders } from "./source.ts";
import {
  currentToken,
  InsightSummaryModel,
  InsightTokenModel,
  markStarted,
  parseEntries,
  SUMMARY_FORMAT,
  summaryId,
  withSummaryLock,
  writeSummary,
  type SummaryEntry,
} from "./summary-store.ts";
import type { InsightEvaluation } from "./types.ts";

// Reading the insight summary (models/insight/summary-store.ts, ADR 023): one document per cycle
// of a framework, checked against the trust's token, and rebuilt from the projections when it is
// missing or stale.

type CycleName = { id: string; name: string };

function toEvaluation(
  evaluationId: string,
  entry: SummaryEntry,
  frameworkId: string,
  cycleName: Map<string, string>,
): InsightEvaluation {
  const cycleId = entry.cycleId ?? null;
  return {
    evaluationId,
    schoolId: entry.schoolId!,
    schoolName: entry.schoolName!,
    phase: entry.phase as SchoolPhase,
    cycleId,
    cycleName: cycleId ? (cycleName.get(cycleId) ?? null) : null,
    frameworkId,
    frameworkVersionId: entry.frameworkVersionId!,
    status: entry.status as CycleStatus,
    createdAt: new Date(entry.createdAt!),
    self: entry.self,
    agreed: entry.agreed,
    agreedAt: entry.agreedAt === null ? null : new Date(entry.agreedAt),
    awarded: entry.awarded ?? false,
  };
}

const rebuilding = new Map<string, Promise<Map<string | null, Record<string, SummaryEntry>>>>();

/**
 * The evaluations of a trust's framework as the insight views draw them, from the summary: every
 * cycle's (and those outside any cycle), or only `onlyCycle`'s. `cycles` are the framework's.
 */
export async function summaryEvaluations(
  trustId: string,
  frameworkId: string,
  cycles: CycleName[],
  onlyCycle?: string,
): Promise<InsightEvaluation[]> {
  const cycleName = new Map(cycles.map((c) => [c.id, c.name]));
  const wanted: (string | null)[] = onlyCycle ? [onlyCycle] : [...cycles.map((c) => c.id), null];
  const [token, ...docs] = await Promise.all([
    InsightTokenModel.findOne({ _id: trustId }).lean(),
    ...wanted.map((cycleId) =>
      InsightSummaryModel.findOne({ _id: summaryId(trustId, frameworkId, cycleId) }).lean(),
    ),
  ]);
  let groups: Record<string, SummaryEntry>[] | null = null;
  if (token && docs.every((d) => d && d.token === token.token && d.format === SUMMARY_FORMAT)) {
    groups = docs.map((d) => parseEntries(d));
    // An entry written by a judgement before any rebuild has no school yet: rebuild.
    if (groups.some((g) => Object.values(g).some((e) => !e.schoolId))) groups = null;
  }
  if (!groups) {
    const built = await rebuildSummary(trustId, frameworkId, cycles);
    groups = wanted.map((cycleId) => built.get(cycleId) ?? {});
  }
  return groups.flatMap((g) =>
    Object.entries(g).map(([id, entry]) => toEvaluation(id, entry, frameworkId, cycleName)),
  );
}

/** Every evaluation of a framework in the trust (all cycles), from the summary. */
export async function insightEvaluations(
  trustId: string,
  frameworkId: string,
): Promise<InsightEvaluation[]> {
  const cycles = (await listCycles(trustId)).filter((c) => c.frameworkId === frameworkId);
  return summaryEvaluations(trustId, frameworkId, cycles);
}

/**
 * Builds a framework's summaries from the evaluations and their projections (the slow read ADR
 * 016 did on every request), then writes each under its lock, keeping any judgement written
 * meanwhile that is newer than the one read here. The trust's token is read first: a change made
 * while this runs leaves the summaries stale, to be built again.
 */
export function rebuildSummary(
  trustId: string,
  frameworkId: string,
  cycles: CycleName[],
): Promise<Map<string | null, Record<string, SummaryEntry>>> {
  const key = `${trustId}:${frameworkId}`;
  let running = rebuilding.get(key);
  if (!running) {
    running = build(trustId, frameworkId, cycles).finally(() => rebuilding.delete(key));
    rebuilding.set(key, running);
  }
  return running;
}

async function build(
  trustId: string,
  frameworkId: string,
  cycles: CycleName[],
): Promise<Map<string | null, Record<string, SummaryEntry>>> {
  const token = await currentToken(trustId);
  const headers = await insightHeaders(trustId, frameworkId);
  const ids = headers.map((e) => e.evaluationId);
  const [projections, agreed] = await Promise.all([
    ids.length
      ? ProjectionModel.find(
          { trustId, _id: op({ $in: ids }) },
          { judgements: 1, updatedAt: 1, lastActivityAt: 1 },
        ).lean()
      : [],
    ids.length ? AgreedProjectionModel.find({ trustId, _id: op({ $in: ids }) }).lean() : [],
  ]);
  const selfOf = new Map(projections.map((p) => [p._id.toString(), p]));
  const agreedOf = new Map(agreed.map((a) => [a._id.toString(), a]));
  const fresh = new Map<string | null, Record<string, SummaryEntry>>([
    [null, {}],
    ...cycles.map((c) => [c.id, {}] as [string, Record<string, SummaryEntry>]),
  ]);
  for (const e of headers) {
    const p = selfOf.get(e.evaluationId);
    const a = agreedOf.get(e.evaluationId);
    const group = fresh.get(e.cycleId) ?? {};
    group[e.evaluationId] = {
      schoolId: e.schoolId,
      schoolName: e.schoolName,
      phase: e.phase,
      cycleId: e.cycleId,
      frameworkVersionId: e.frameworkVersionId,
      status: cycleStatusOf(e.status, p?.lastActivityAt ?? null),
      createdAt: e.createdAt.getTime(),
      awarded: e.awarded,
      self: Object.fromEntries((p?.judgements ?? []).map((j) => [j.criterionId, j.level])),
      selfAt: p?.updatedAt ? new Date(p.updatedAt).getTime() : 0,
      agreed: Object.fromEntries((a?.judgements ?? []).map((j) => [j.criterionId, j.level])),
      agreedAt: a?.agreedAt ? new Date(a.agreedAt).getTime() : null,
      agreedEntries: a?.entries ?? 0,
    };
    fresh.set(e.cycleId, group);
  }
  const written = new Map<string | null, Record<string, SummaryEntry>>();
  await Promise.all(
    [...fresh].map(async ([cycleId, entries]) => {
      const id = summaryId(trustId, frameworkId, cycleId);
      // Written if it can be: a view is answered from what was read either way.
      await withSummaryLock(id, async (stillHeld) => {
        const stored = await InsightSummaryModel.findOne({ _id: id }).lean();
        // What an earlier format stored means something else, and was never changed since.
        const now = stored?.format === SUMMARY_FORMAT ? parseEntries(stored) : {};
        // Judgements written since they were read above are newer: keep them.
        for (const [evaluationId, entry] of Object.entries(entries)) {
          const held = now[evaluationId];
          if (!held) continue;
          // Someone worked in it since (it never goes back to not started).
          if (held.status === "inProgress") markStarted(entry);
          if (held.selfAt > entry.selfAt) {
            entry.self = held.self;
            entry.selfAt = held.selfAt;
          }
          if (held.agreedEntries > entry.agreedEntries) {
            entry.agreed = held.agreed;
            entry.agreedAt = held.agreedAt;
            entry.agreedEntries = held.agreedEntries;
          }
        }
        if (!(await stillHeld())) throw new Error("Lost the lock");
        await writeSummary({ trustId, frameworkId, cycleId }, token, entries);
      }).catch((error: unknown) => {
        console.warn(`insight summary ${id}: not written, built again on the next read`, error);
      });
      written.set(cycleId, entries);
    }),
  );
  return written;
}
