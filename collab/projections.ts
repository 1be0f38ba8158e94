import type * as Y from "yjs";
import { evaluationScaleOfDocument, type EvaluationScale } from "../models/document-records.ts";
import { lastActivityOf, saveProjection } from "../models/evaluation/evaluation.ts";
import { buildProjection, type PlanContent } from "../models/evaluation/projection.ts";
import type { DocumentName } from "./document-name.ts";
import { metaOf, readJudgements } from "./shapes/evaluation.ts";
import { readActions, readForces } from "./shapes/plan.ts";

/** The force-fields and actions of an evaluation document, as the projection takes them. */
export function readPlan(doc: Y.Doc): PlanContent {
  return {
    forces: readForces(doc).map(({ id, criterionId, side, strength, text }) => ({
      id,
      criterionId,
      side,
      strength,
      text,
    })),
    actions: readActions(doc).map(({ id, criterionId, what, ownerId, due, status, forceIds }) => ({
      id,
      criterionId,
      what,
      ownerId,
      due,
      status,
      forceIds,
    })),
  };
}

/** How often a projection that did not change is written anyway, to keep "last activity". */
export const UNCHANGED_PROJECTION_EVERY_MS = 60_000;

/**
 * Writes the structured projection of a stored document to its database record. `previous` is
 * what this process last wrote for the document: a projection equal to it (bar its dates) is
 * written again only once a minute, so typing in a narrative (which the projection does not
 * hold) costs no database write per store. Returns what to pass next time.
 *
 * `changed`: whether anyone changed the document since it was loaded. A store that follows none
 * (the server read it to serve a page, and closed it) is nobody's activity: the projection keeps
 * the last activity it had, so looking at an evaluation never makes it "In progress" or moves its
 * "last active" date.
 *
 * The evaluation's criteria and levels are read once per framework version the document is on
 * (its `meta.frameworkVersionId`, which an upgrade changes after moving the record), so a store
 * that changes nothing the projection holds costs no database command at all (ADR 020).
 */
export async function writeProjection(
  name: DocumentName,
  doc: Y.Doc,
  previous: WrittenProjection | null = null,
  { now = new Date(), changed = true }: { now?: Date; changed?: boolean } = {},
): Promise<WrittenProjection | null> {
  if (name.kind !== "evaluation") return null;
  const onVersion = metaOf(doc).get("frameworkVersionId");
  const scale =
    previous?.scale && previous.scale.frameworkVersionId === onVersion
      ? previous.scale
      : await evaluationScaleOfDocument(name.id);
  if (!scale) return null;
  const projection = buildProjection(
    readJudgements(doc),
    scale.levelsByCriterion,
    now,
    readPlan(doc),
  );
  if (!changed)
    projection.lastActivityAt = previous
      ? previous.lastActivityAt
      : await lastActivityOf(scale.evaluationId);
  // The same content, whenever it was built: the dates are left out of the comparison.
  const key = JSON.stringify({ ...projection, updatedAt: null, lastActivityAt: null });
  if (
    previous?.key === key &&
    previous.scale === scale &&
    now.getTime() - previous.at < UNCHANGED_PROJECTION_EVERY_MS
  )
    return previous;
  // The insight summary holds only the judgements: the once-a-minute rewrite and plan edits leave
  // it alone (it has these judgements already, from this process's last write or a rebuild).
  const judgements = JSON.stringify(projection.judgements);
  await saveProjection(scale.trustId, scale.evaluationId, projection, {
    judgementsChanged: previous?.judgements !== judgements || previous.scale !== scale,
  });
  return { key, judgements, at: now.getTime(), scale, lastActivityAt: projection.lastActivityAt };
}

/**
 * What was last written for a document's projection (its content, its judgements, and when),
 * and the evaluation's scale it was built with.
 */
export interface WrittenProjection {
  key: string;
  /** The judgements part of `key`, which the insight summary holds. */
  judgements: string;
  at: number;
  scale: EvaluationScale;
  /** The last activity it was written with. */
  lastActivityAt: Date | null;
}
