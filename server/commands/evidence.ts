import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { attachEvidence, forgetEvidence } from "../../collab/shapes/evidence.ts";
import { InvalidInputError, NotFoundError } from "../../models/errors.ts";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import { levelsOfCriterion } from "../../models/evaluation/framework-of.ts";
import {
  addEvidenceLink as storeLink,
  deleteEvidenceItem,
  storeEvidenceFile,
  type EvidenceItem,
} from "../../models/evidence/evidence.ts";
import { checkEvidenceLink } from "../../models/evidence/link.ts";
import { sniffEvidenceFile } from "../../models/evidence/sniff.ts";
import { objectId } from "../../models/input.ts";
import { loadEvaluation } from "../../models/permissions/loaders.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

// The evidence of an evaluation: upload a file, add a link, delete an item. Attaching an item
// that exists to another criterion is a live edit of the evaluation (collab/shapes/evidence.ts).

/** A criterion of this evaluation, checked as an own key (never `__proto__` or `toString`). */
function criterionOf(evaluation: Evaluation, criterionId: string | undefined): string | null {
  if (!criterionId) return null;
  if (!levelsOfCriterion(evaluation, criterionId))
    throw new InvalidInputError("This criterion is not part of the evaluation.");
  return criterionId;
}

async function attach(
  ctx: CommandContext,
  evaluation: Evaluation,
  criterionId: string | null,
  itemId: string,
) {
  if (!criterionId) return;
  await ctx.collab.change(documentName("evaluation", evaluation.id), (doc) =>
    attachEvidence(doc, criterionId, itemId),
  );
}

export const UploadEvidenceInput = z.object({
  evaluationId: objectId(),
  criterionId: z.string().max(60).optional(),
  fileName: z.string().max(1000),
  bytes: z.instanceof(Uint8Array),
});

/**
 * A member of the school's team adds a file as evidence, on a criterion if one is given.
 * Nothing is stored unless every check of its contents passes; the same file twice is stored
 * once (`duplicate`).
 */
export async function uploadEvidence(
  ctx: CommandContext,
  raw: Raw<typeof UploadEvidenceInput>,
): Promise<{ item: EvidenceItem; duplicate: boolean }> {
  const { evaluation } = await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "write");
  const input = parse(UploadEvidenceInput, raw);
  const criterionId = criterionOf(evaluation, input.criterionId);
  if (input.bytes.byteLength === 0 && !input.fileName)
    throw new InvalidInputError("Choose a file to upload.", "file");
  const verdict = await sniffEvidenceFile(input.bytes, input.fileName);
  if (!verdict.ok) throw new UnacceptableFileError(verdict.reason);
  const stored = await storeEvidenceFile(evaluation, {
    uploadedBy: ctx.actor.userId,
    fileName: input.fileName,
    bytes: input.bytes,
    contentType: verdict.contentType,
  });
  await attach(ctx, evaluation, criterionId, stored.item.id);
  return stored;
}

/** A file whose contents are not an accepted kind (415), with the reason in words. */
export class UnacceptableFileError extends InvalidInputError {
  constructor(reason: string) {
    super(reason, "file");
  }
}

export const AddEvidenceLinkInput = z.object({
  evaluationId: objectId(),
  url: z.string().superRefine((value, ctx) => {
    const check = checkEvidenceLink(value);
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.reason });
  }),
  title: z.string().trim().max(200, "Keep the title under 200 characters").optional(),
  criterionId: z.string().max(60).optional(),
});

/** A member of the school's team adds a web link as evidence. */
export async function addEvidenceLink(
  ctx: CommandContext,
  raw: Raw<typeof AddEvidenceLinkInput>,
): Promise<EvidenceItem> {
  const { evaluation } = await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "write");
  const input = parse(AddEvidenceLinkInput, raw);
  const criterionId = criterionOf(evaluation, input.criterionId);
  const item = await storeLink(evaluation, {
    uploadedBy: ctx.actor.userId,
    url: input.url,
    title: input.title,
  });
  await attach(ctx, evaluation, criterionId, item.id);
  return item;
}

export const DeleteEvidenceInput = z.object({
  evaluationId: objectId(),
  itemId: objectId("That evidence is no longer here."),
});

/** A member of the school's team deletes an item; it leaves every criterion it was on. */
export async function deleteEvidence(
  ctx: CommandContext,
  raw: Raw<typeof DeleteEvidenceInput>,
): Promise<void> {
  const { evaluation } = await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "write");
  const input = parse(DeleteEvidenceInput, raw);
  if (!(await deleteEvidenceItem(evaluation.trustId, evaluation.id, input.itemId)))
    throw new NotFoundError("That evidence is no longer here.");
  await ctx.collab.change(documentName("evaluation", evaluation.id), (doc) =>
    forgetEvidence(doc, input.itemId),
  );
}
