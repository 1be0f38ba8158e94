import { Types } from "mongoose";
import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { attachedItemIds } from "../../collab/shapes/evidence.ts";
import { narrativeField } from "../../collab/shapes/evaluation.ts";
import { readRichText } from "../../collab/shapes/rich-text.ts";
import { announceChange } from "../../collab/shapes/workspace.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../../models/errors.ts";
import { frameworkOfEvaluation } from "../../models/evaluation/framework-of.ts";
import {
  addEvidenceLink as storeEvidenceLink,
  listEvidenceOfEvaluation,
} from "../../models/evidence/evidence.ts";
import { listEvaluationsOfSchool } from "../../models/evaluation/evaluation.ts";
import { getSchool } from "../../models/school/school.ts";
import { sanitiseFileName, titleFromFileName } from "../../models/evidence/file-name.ts";
import { copyFile, putFile } from "../../models/evidence/file-store.ts";
import { checkEvidenceLink } from "../../models/evidence/link.ts";
import { sniffEvidenceFile } from "../../models/evidence/sniff.ts";
import { objectId, optionalDate } from "../../models/input.ts";
import { can } from "../../models/permissions/can.ts";
import { loadEvaluation, loadWorkspace } from "../../models/permissions/loaders.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import {
  JOINT_ACTION_STATUSES,
  addJointAction as storeJointAction,
  addLibraryItem as storeLibraryItem,
  getLibraryItem,
  getSharedCriterion,
  newFileId,
  setJointActionStatus as storeStatus,
  storeSharedCriterion,
  withdrawSharedCriterion,
  type JointAction,
  type LibraryItem,
  type SharedCriterion,
} from "../../models/workspace/content.ts";
import { listWorkspacesOfSchools, type Workspace } from "../../models/workspace/workspace.ts";
import type { CommandContext } from "./context.ts";
import { UnacceptableFileError } from "./evidence.ts";
import { idIn, parse, type Raw } from "./input.ts";

/**
 * What members add to a joint workspace besides the live notes and whiteboard: practice
 * library items, joint actions, and criteria shared from their school's evaluation. The server
 * stamps each with the member's school and name; then it nudges the live document so every
 * open page shows the addition (`changesOf`: a counter that only asks pages to reload).
 */

/** The participating school through which this person is a member, or null. */
export function memberSchoolOf(workspace: Workspace, actor: Actor): string | null {
  const school = workspace.schools.find(
    (s) =>
      s.status === "accepted" &&
      s.memberIds.includes(actor.userId) &&
      actor.grants.some((g) => g.schoolId === s.schoolId),
  );
  return school?.schoolId ?? null;
}

async function announce(
  ctx: CommandContext,
  workspaceId: string,
  what: "library" | "actions" | "shared",
) {
  await ctx.collab.change(documentName("workspace", workspaceId), (doc) =>
    announceChange(doc, what),
  );
}

export async function asMember(ctx: CommandContext, workspaceId: string) {
  const { workspace } = await loadWorkspace(ctx.actor, workspaceId, "write");
  const schoolId = memberSchoolOf(workspace, ctx.actor);
  if (!schoolId) throw new ForbiddenError("Only the workspace's members can add to it.");
  return { workspace, schoolId };
}

export const AddLibraryItemInput = z.object({
  workspaceId: objectId(),
  title: z
    .string()
    .trim()
    .max(200, "Keep the title under 200 characters.")
    .optional()
    .transform((v) => v || undefined),
  description: z
    .string()
    .trim()
    .max(2000, "Keep the description under 2,000 characters.")
    .default(""),
  url: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      const check = checkEvidenceLink(value);
      if (!check.ok) ctx.addIssue({ code: "custom", message: check.reason });
    }),
  fileName: z.string().max(1000).optional(),
  bytes: z.instanceof(Uint8Array).optional(),
});

/**
 * A member adds a practice to the library: a title, a short description, and a link or a file
 * (a file passes every check an evidence upload passes, or nothing is stored).
 */
export async function addLibraryItem(
  ctx: CommandContext,
  raw: Raw<typeof AddLibraryItemInput>,
): Promise<LibraryItem> {
  const { workspace, schoolId } = await asMember(ctx, idIn(raw, "workspaceId"));
  const input = parse(AddLibraryItemInput, raw);
  const hasFile = input.bytes !== undefined && input.bytes.byteLength > 0;
  if (!hasFile && !input.url) throw new InvalidInputError("Add a link or choose a file.", "url");
  if (hasFile && input.url) throw new InvalidInputError("Add a link or a file, not both.", "url");
  let file = null;
  if (hasFile) {
    const bytes = input.bytes!;
    const verdict = await sniffEvidenceFile(bytes, input.fileName ?? "");
    if (!verdict.ok) throw new UnacceptableFileError(verdict.reason);
    const fileName = sanitiseFileName(input.fileName ?? "", "practice");
    const fileId = newFileId();
    await putFile(fileId, bytes, {
      fileName,
      contentType: verdict.contentType,
      metadata: { trustId: workspace.trustId, workspaceId: workspace.id },
    });
    file = { fileId, fileName, contentType: verdict.contentType, size: bytes.byteLength };
  }
  const title = input.title ?? (file ? titleFromFileName(file.fileName) : undefined);
  if (!title) throw new InvalidInputError("Give the practice a title.", "title");
  const item = await storeLibraryItem(workspace.trustId, {
    workspaceId: workspace.id,
    title,
    description: input.description,
    url: input.url ?? null,
    file,
    schoolId,
    addedBy: ctx.actor.userId,
  });
  await announce(ctx, workspace.id, "library");
  return item;
}

export const AddJointActionInput = z.object({
  workspaceId: objectId(),
  title: z
    .string()
    .trim()
    .min(3, "Describe the action in at least 3 characters.")
    .max(300, "Keep the action under 300 characters."),
  ownerId: objectId("Choose an owner from the list."),
  dueDate: optionalDate(),
});

/** A member adds a joint action, owned by a member of any participating school. */
export async function addJointAction(
  ctx: CommandContext,
  raw: Raw<typeof AddJointActionInput>,
): Promise<JointAction> {
  const { workspace } = await asMember(ctx, idIn(raw, "workspaceId"));
  const input = parse(AddJointActionInput, raw);
  const ownerSchool = workspace.schools.find(
    (s) => s.status === "accepted" && s.memberIds.includes(input.ownerId),
  );
  if (!ownerSchool)
    throw new InvalidInputError("Choose an owner from the workspace's members.", "ownerId");
  const action = await storeJointAction(workspace.trustId, {
    workspaceId: workspace.id,
    title: input.title,
    ownerId: input.ownerId,
    ownerSchoolId: ownerSchool.schoolId,
    dueDate: input.dueDate,
    createdBy: ctx.actor.userId,
  });
  await announce(ctx, workspace.id, "actions");
  return action;
}

export const SetJointActionStatusInput = z.object({
  workspaceId: objectId(),
  actionId: objectId(),
  status: z.enum(JOINT_ACTION_STATUSES, { message: "Choose a status from the list." }),
});

export async function setJointActionStatus(
  ctx: CommandContext,
  raw: Raw<typeof SetJointActionStatusInput>,
): Promise<void> {
  const { workspace } = await asMember(ctx, idIn(raw, "workspaceId"));
  const input = parse(SetJointActionStatusInput, raw);
  if (!(await storeStatus(workspace.id, input.actionId, input.status)))
    throw new NotFoundError("That action is no longer here.");
  await announce(ctx, workspace.id, "actions");
}

/** The workspaces this person may share their school's evaluation into (member, school taking part). */
export async function shareTargets(
  actor: Actor,
  evaluation: { trustId: string; schoolId: string },
) {
  const workspaces = await listWorkspacesOfSchools(evaluation.trustId, [evaluation.schoolId]);
  return workspaces.filter((w) => {
    const resource = {
      type: "workspace" as const,
      trustId: w.trustId,
      schools: w.schools,
      archived: w.archivedAt !== null,
    };
    return can(actor, "write", resource) && memberSchoolOf(w, actor) === evaluation.schoolId;
  });
}

export const ShareCriterionInput = z.object({
  evaluationId: objectId(),
  workspaceId: objectId("Choose a workspace."),
  criterionId: z.string().min(1).max(64),
  evidenceIds: z.array(objectId("Choose evidence from the list.")).max(50).default([]),
});

/**
 * Publishes a read-only copy of one criterion's narrative and the chosen evidence into a
 * workspace the school takes part in, stamped with the school, the person and the date. The
 * copy is made now from the live evaluation and never follows later edits.
 */
export async function shareCriterion(
  ctx: CommandContext,
  raw: Raw<typeof ShareCriterionInput>,
): Promise<SharedCriterion> {
  const { evaluation } = await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "write");
  const { workspace } = await loadWorkspace(ctx.actor, idIn(raw, "workspaceId"), "write");
  const input = parse(ShareCriterionInput, raw);
  if (
    workspace.trustId !== evaluation.trustId ||
    memberSchoolOf(workspace, ctx.actor) !== evaluation.schoolId
  )
    throw new InvalidInputError("Choose a workspace your school takes part in.", "workspaceId");
  const { content } = await frameworkOfEvaluation(evaluation);
  const criterion = content.areas
    .flatMap((a) => a.criteria)
    .find((c) => c.id === input.criterionId && Object.hasOwn(evaluation.levelsByCriterion, c.id));
  if (!criterion) throw new InvalidInputError("This criterion is not part of the evaluation.");
  const doc = await ctx.collab.read(documentName("evaluation", evaluation.id));
  const narrative = readRichText(doc.getXmlFragment(narrativeField(criterion.id)));
  const attached = new Set(attachedItemIds(doc, criterion.id));
  const items = await listEvidenceOfEvaluation(evaluation.trustId, evaluation.id);
  const chosen = items.filter((i) => input.evidenceIds.includes(i.id));
  if (chosen.length !== new Set(input.evidenceIds).size || chosen.some((i) => !attached.has(i.id)))
    throw new InvalidInputError("Choose evidence of this criterion.", "evidenceIds");
  // Each file is copied now: the other schools download it as it was when shared, through the
  // workspace (the evaluation's own download is not theirs to use).
  const evidence = await Promise.all(
    chosen.map(async (i) => {
      if (i.kind !== "file" || !i.fileId || !i.contentType)
        return { title: i.title, kind: i.kind, url: i.url };
      const fileId = newFileId();
      const fileName = i.fileName ?? sanitiseFileName(i.title, "evidence");
      await copyFile(new Types.ObjectId(i.fileId), fileId, {
        fileName,
        contentType: i.contentType,
        metadata: { trustId: workspace.trustId, workspaceId: workspace.id, sharedFrom: i.id },
      });
      const file = {
        fileId: fileId.toString(),
        fileName,
        contentType: i.contentType,
        size: i.size ?? 0,
      };
      return { title: i.title, kind: i.kind, url: null, file };
    }),
  );
  const shared = await storeSharedCriterion(workspace.trustId, {
    workspaceId: workspace.id,
    evaluationId: evaluation.id,
    schoolId: evaluation.schoolId,
    criterionId: criterion.id,
    code: criterion.code,
    statement: criterion.statement,
    narrative,
    evidence,
    sharedBy: ctx.actor.userId,
  });
  await recordAudit({
    trustId: workspace.trustId,
    actorId: ctx.actor.userId,
    action: "workspaceCriterionShared",
    subject: `workspace:${workspace.id}`,
    details: { schoolId: evaluation.schoolId, code: criterion.code, shareId: shared.id },
  });
  await announce(ctx, workspace.id, "shared");
  return shared;
}

export const WithdrawShareInput = z.object({ workspaceId: objectId(), shareId: objectId() });

/** The school that shared a criterion (anyone of its team who may edit the evaluation) withdraws it. */
export async function withdrawShare(
  ctx: CommandContext,
  raw: Raw<typeof WithdrawShareInput>,
): Promise<void> {
  const { workspace } = await loadWorkspace(ctx.actor, idIn(raw, "workspaceId"));
  const input = parse(WithdrawShareInput, raw);
  const shared = await getSharedCriterion(workspace.id, input.shareId);
  if (!shared) throw new NotFoundError("That shared criterion is no longer here.");
  // Only the sharing school's team: the same check as editing its evaluation.
  const { evaluation } = await loadEvaluation(ctx.actor, shared.evaluationId, "write").catch(
    (error: unknown) => {
      if (error instanceof NotFoundError)
        throw new ForbiddenError("Only the school that shared it can withdraw it.");
      throw error;
    },
  );
  if (evaluation.schoolId !== shared.schoolId)
    throw new ForbiddenError("Only the school that shared it can withdraw it.");
  if (!(await withdrawSharedCriterion(shared.id, ctx.actor.userId))) return;
  await recordAudit({
    trustId: workspace.trustId,
    actorId: ctx.actor.userId,
    action: "workspaceShareWithdrawn",
    subject: `workspace:${workspace.id}`,
    details: { shareId: shared.id },
  });
  await announce(ctx, workspace.id, "shared");
}

export const UseAsEvidenceInput = z.object({
  workspaceId: objectId(),
  itemId: objectId(),
  evaluationId: objectId("Choose one of your school's evaluations."),
  /** The site's own address (from the request), so the link opens the workspace. */
  origin: z.string().url(),
});

/**
 * A member links a practice-library item into their school's evaluation as evidence: a link to
 * the item in the workspace, titled with where it was developed ("developed with Hillcrest in
 * the Reading together workspace").
 */
export async function usePracticeAsEvidence(
  ctx: CommandContext,
  raw: Raw<typeof UseAsEvidenceInput>,
): Promise<{ title: string; evaluationId: string }> {
  const { workspace, schoolId } = await asMember(ctx, idIn(raw, "workspaceId"));
  const input = parse(UseAsEvidenceInput, raw);
  const item = await getLibraryItem(workspace.id, input.itemId);
  if (!item) throw new NotFoundError("That practice is no longer in the library.");
  const { evaluation } = await loadEvaluation(ctx.actor, input.evaluationId, "write").catch(
    (error: unknown) => {
      if (error instanceof NotFoundError)
        throw new InvalidInputError("Choose one of your school's evaluations.", "evaluationId");
      throw error;
    },
  );
  if (evaluation.schoolId !== schoolId)
    throw new InvalidInputError("Choose one of your school's evaluations.", "evaluationId");
  const others = workspace.schools
    .filter((s) => s.status === "accepted" && s.schoolId !== schoolId)
    .map((s) => s.schoolId);
  const names = await Promise.all(others.map((id) => getSchool(workspace.trustId, id)));
  const partners = names.flatMap((s) => (s ? [s.name] : [])).join(" and ");
  const title = `“${item.title}”, developed${partners ? ` with ${partners}` : ""} in the ${workspace.title} workspace`;
  await storeEvidenceLink(evaluation, {
    uploadedBy: ctx.actor.userId,
    url: `${new URL(input.origin).origin}/workspaces/${workspace.id}#practice-${item.id}`,
    title: title.slice(0, 200),
  });
  return { title, evaluationId: evaluation.id };
}

/** The evaluations of the person's own school they may add evidence to (for the library's form). */
export async function evaluationsForEvidence(actor: Actor, workspace: Workspace) {
  const schoolId = memberSchoolOf(workspace, actor);
  if (!schoolId) return [];
  const evaluations = await listEvaluationsOfSchool(workspace.trustId, schoolId);
  const writable = [];
  for (const evaluation of evaluations) {
    const ok = await loadEvaluation(actor, evaluation.id, "write").then(
      () => true,
      () => false,
    );
    if (ok) writable.push({ id: evaluation.id, title: evaluation.title });
  }
  return writable;
}
