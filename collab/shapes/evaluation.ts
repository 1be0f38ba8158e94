import * as Y from "yjs";
import { serverChangesOf } from "./workspace.ts";

/**
 * The shape of an `evaluation.<id>` document, shared by the server (seeding, projection) and
 * the browser (editors). One judgement per criterion lives in the `judgements` map (last
 * writer wins, which is what a single choice should do); each criterion's narrative and
 * evidence notes are TipTap fragments of their own.
 */
export const EVALUATION_SHAPE_VERSION = 1;

export const judgementsOf = (doc: Y.Doc) => doc.getMap<string>("judgements");
export const metaOf = (doc: Y.Doc) => doc.getMap<unknown>("meta");
export const criterionOrderOf = (doc: Y.Doc) => doc.getArray<string>("criteria");
export const narrativeField = (criterionId: string) => `narrative.${criterionId}`;
export const evidenceField = (criterionId: string) => `evidence.${criterionId}`;

/**
 * The server changed what it keeps of this evaluation in MongoDB that open pages show (its
 * status: submitted, submitted again, validated, accredited): it bumps a counter in the same
 * `serverChanges` map as a workspace's (ADR 017), and every open page reloads its data
 * (`useServerChanges`). A counter carries no content: a team member bumping one only causes a
 * reload; who submitted, and when, is read from the database.
 */
export function announceStatusChange(doc: Y.Doc): void {
  const changes = serverChangesOf(doc);
  changes.set("status", (changes.get("status") ?? 0) + 1);
}

/**
 * How many status changes the server has announced in the document: a page served without the
 * document compares it with what it was served, once its own copy has synced.
 */
export const statusChangesIn = (doc: Y.Doc): number => serverChangesOf(doc).get("status") ?? 0;

export interface EvaluationSeed {
  evaluationId: string;
  frameworkVersionId: string;
  criterionIds: string[];
}

// Seeding writes as this fixed client with deterministic content: if two server processes (or
// a restart after a crash) ever seed the same document, they produce the very same Yjs items,
// and merging identical items is a no-op rather than duplicated content.
const SEED_CLIENT_ID = 1;

/** The initial state of a new evaluation document, as a Yjs update. Server-side only. */
export function evaluationSeedUpdate(seed: EvaluationSeed): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID;
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set("shapeVersion", EVALUATION_SHAPE_VERSION);
    meta.set("evaluationId", seed.evaluationId);
    meta.set("frameworkVersionId", seed.frameworkVersionId);
    criterionOrderOf(doc).push(seed.criterionIds);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Every judgement recorded in the document, by criterion id. */
export function readJudgements(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  judgementsOf(doc).forEach((level, criterionId) => {
    if (typeof level === "string") out[criterionId] = level;
  });
  return out;
}

/**
 * Moves the document to a newer framework version: the criteria list follows the new version,
 * and judgements of criteria that were removed or reworded are cleared (they need a fresh look).
 * Narrative and evidence of every criterion that still exists carry over untouched. A document
 * already on that version is left as it is: a repeat (a retry completing a move) never clears
 * judgements made after the move.
 */
export function applyVersionUpgrade(
  doc: Y.Doc,
  upgrade: { frameworkVersionId: string; criterionIds: string[]; clearJudgementsOf: string[] },
): void {
  if (metaOf(doc).get("frameworkVersionId") === upgrade.frameworkVersionId) return;
  doc.transact(() => {
    metaOf(doc).set("frameworkVersionId", upgrade.frameworkVersionId);
    const order = criterionOrderOf(doc);
    order.delete(0, order.length);
    order.push(upgrade.criterionIds);
    const judgements = judgementsOf(doc);
    for (const id of upgrade.clearJudgementsOf) judgements.delete(id);
  });
}

export type Rating = "red" | "amber" | "green";
/** Red/amber/green per indicator, keyed "<criterionId>/<indicatorId>" (flat, so concurrent first ratings never clash). */
export const indicatorRatingsOf = (doc: Y.Doc) => doc.getMap<Rating>("indicatorRatings");
export const ratingKey = (criterionId: string, indicatorId: string) =>
  `${criterionId}/${indicatorId}`;

/** Sets a criterion's judgement to a level, or clears it (null). */
export function setJudgement(doc: Y.Doc, criterionId: string, level: string | null): void {
  const judgements = judgementsOf(doc);
  if (level === null) judgements.delete(criterionId);
  else if (judgements.get(criterionId) !== level) judgements.set(criterionId, level);
}

/** Rates one of a criterion's indicators red, amber or green. */
export function setRating(
  doc: Y.Doc,
  criterionId: string,
  indicatorId: string,
  rating: Rating,
): void {
  indicatorRatingsOf(doc).set(ratingKey(criterionId, indicatorId), rating);
}
