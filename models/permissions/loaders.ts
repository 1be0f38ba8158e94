import { getAward, type Award } from "../award/award.ts";
import { getCycle, type Cycle } from "../cycle/cycle.ts";
import { NotFoundError, ForbiddenError } from "../errors.ts";
import {
  getEvaluation,
  getEvaluationRecord,
  type Evaluation,
  type EvaluationRecord,
} from "../evaluation/evaluation.ts";
import { findEvidenceItemOfTrust } from "../evidence/evidence.ts";
import { getFramework, type Framework } from "../framework/framework.ts";
import { contributorIdsOf } from "../perspective/perspective.ts";
import { getSchool, listSchools, type School } from "../school/school.ts";
import {
  findMeetingSchedule,
  meetingHasStarted,
  type MeetingSchedule,
} from "../validation/meeting.ts";
import {
  findValidationOfEvaluation,
  getValidation,
  type Validation,
} from "../validation/validation.ts";
import { WHO_MAY, can, trustIdsOf, type Action, type Resource } from "./can.ts";
import type { Actor } from "./roles.ts";
import { getWorkspace, type Workspace } from "../workspace/workspace.ts";
import type { ReadMemo } from "../request-memo.ts";

/**
 * One loader per kind of thing a person can ask for by id. Each looks the record up only in the
 * trusts the person belongs to (so an id of another trust is simply not found), builds the
 * resource the policy decides on, and checks `action`: someone who may not even read it gets
 * NotFoundError (a 404, the same as a missing id); someone who may read it but not do `action`
 * gets ForbiddenError with a message saying who may. Routes, commands and the collab server all
 * load through here, so a check cannot be forgotten.
 */

type Of<T extends Resource["type"]> = Extract<Resource, { type: T }>;

function authorise(actor: Actor, action: Action, resource: Resource): void {
  if (!can(actor, "read", resource)) throw new NotFoundError();
  if (action !== "read" && !can(actor, action, resource)) {
    throw new ForbiddenError(WHO_MAY[action] ?? "You cannot do this here.");
  }
}

/** `resource`, once `actor` may read it (else NotFoundError). */
function authorised<R extends Resource>(actor: Actor, resource: R): R {
  authorise(actor, "read", resource);
  return resource;
}

/** The first record found in the person's trusts. */
async function inTrustsOf<T>(
  actor: Actor,
  find: (trustId: string) => Promise<T | null>,
): Promise<T> {
  for (const trustId of trustIdsOf(actor)) {
    const found = await find(trustId);
    if (found) return found;
  }
  throw new NotFoundError();
}

// ---- resources, built in one place per kind -------------------------------------------------

export async function evaluationResource(evaluation: EvaluationRecord): Promise<Of<"evaluation">> {
  return evaluationResourceWith(evaluation, await contributorIdsOf(evaluation.id));
}

function evaluationResourceWith(
  evaluation: EvaluationRecord,
  contributorIds: string[],
): Of<"evaluation"> {
  return {
    type: "evaluation",
    trustId: evaluation.trustId,
    schoolId: evaluation.schoolId,
    validatorIds: evaluation.validatorIds,
    contributorIds,
    frameworkKind: evaluation.frameworkKind ?? undefined,
  };
}

/**
 * The evaluation as a resource for asking what its school's team may do there (`write`,
 * `submit`), without reading its contributors: an invitation never changes those answers (as
 * loadEvaluationAccess says). For lists asking it of many evaluations at once.
 */
export const teamResourceOf = (evaluation: EvaluationRecord): Of<"evaluation"> =>
  evaluationResourceWith(evaluation, []);

export function discussionResource(evaluation: EvaluationRecord): Of<"discussion"> {
  return {
    type: "discussion",
    trustId: evaluation.trustId,
    schoolId: evaluation.schoolId,
    validatorIds: evaluation.validatorIds,
  };
}

export function validationResource(validation: Validation): Of<"validation"> {
  return {
    type: "validation",
    trustId: validation.trustId,
    schoolId: validation.schoolId,
    validatorIds: validation.validatorIds,
  };
}

/**
 * The validation of an evaluation as the evaluation knows it (its validators are recorded on it
 * when assigned): what its pages ask before offering the validation, without reading it.
 */
export function validationResourceOf(evaluation: EvaluationRecord): Of<"validation"> {
  return {
    type: "validation",
    trustId: evaluation.trustId,
    schoolId: evaluation.schoolId,
    validatorIds: evaluation.validatorIds,
  };
}

/**
 * A validation's meeting as the policy sees it. `held`: its record already has decisions in it
 * (a judgement agreed, an outcome recorded), so the meeting has begun whatever time it was
 * booked for (a meeting held early).
 */
export function meetingResource(
  validation: Validation,
  schedule: MeetingSchedule | null,
  now = new Date(),
  held = false,
): Of<"meeting"> {
  return {
    type: "meeting",
    trustId: validation.trustId,
    schoolId: validation.schoolId,
    validatorIds: validation.validatorIds,
    started: held || meetingHasStarted(schedule, now),
  };
}

export const schoolResource = (school: School): Of<"school"> => ({
  type: "school",
  trustId: school.trustId,
  schoolId: school.id,
});

export const awardResource = (award: Award): Of<"award"> => ({
  type: "award",
  trustId: award.trustId,
  schoolId: award.schoolId,
});

export function workspaceResource(workspace: Workspace, schoolId?: string): Of<"workspace"> {
  return {
    type: "workspace",
    trustId: workspace.trustId,
    schools: workspace.schools,
    archived: workspace.archivedAt !== null,
    ...(schoolId ? { schoolId } : {}),
  };
}

// ---- loaders ----------------------------------------------------------------------------------

export async function loadEvaluation(actor: Actor, evaluationId: string, action: Action = "read") {
  const evaluation = await inTrustsOf(actor, (trustId) => getEvaluation(trustId, evaluationId));
  const resource = await evaluationResource(evaluation);
  authorise(actor, action, resource);
  return { evaluation, resource };
}

/**
 * The read check loadEvaluation (`kind` "evaluation") or loadDiscussion ("discussion") makes,
 * with the same `authorise`, from the evaluation's record alone: not its projection, which only
 * pages show. A collab socket asks this for every document it opens (collab/document-access.ts).
 *
 * The evaluation's contributors are read only for someone who may not read it otherwise: an
 * invitation only ever adds to what a person may do (reading it, and contributing their own
 * judgements, which is done through commands, never asked here), so for its school's team, the
 * trust's oversight and its validators the answer is the same without them. The resource then
 * says it has no contributors, which `write` and `roleAt` do not look at; it is for this check
 * only (ADR 049).
 */
export async function loadEvaluationAccess(
  actor: Actor,
  kind: "evaluation" | "discussion",
  evaluationId: string,
  memo?: ReadMemo,
): Promise<Of<"evaluation"> | Of<"discussion">> {
  const evaluation = await inTrustsOf(actor, (trustId) =>
    getEvaluationRecord(trustId, evaluationId, memo),
  );
  if (kind === "discussion") return authorised(actor, discussionResource(evaluation));
  const withoutContributors = evaluationResourceWith(evaluation, []);
  if (can(actor, "read", withoutContributors)) return withoutContributors;
  return authorised(actor, await evaluationResource(evaluation));
}

/** The comment threads of an evaluation (`discussion.<evaluationId>`). */
export async function loadDiscussion(actor: Actor, evaluationId: string, action: Action = "read") {
  const evaluation = await inTrustsOf(actor, (trustId) => getEvaluation(trustId, evaluationId));
  const resource = discussionResource(evaluation);
  authorise(actor, action, resource);
  return { evaluation, resource };
}

/** A validation in one of the person's trusts; `memo` shares the read (ADR 049). */
function validationInTrustsOf(actor: Actor, validationId: string, memo?: ReadMemo) {
  return inTrustsOf(actor, (trustId) => getValidation(trustId, validationId, memo));
}

/** A validation and its record (`record.<validationId>`). */
export async function loadValidation(
  actor: Actor,
  validationId: string,
  action: Action = "read",
  memo?: ReadMemo,
) {
  const validation = await validationInTrustsOf(actor, validationId, memo);
  const resource = validationResource(validation);
  authorise(actor, action, resource);
  return { validation, resource };
}

/**
 * The validation of an evaluation, for the evaluation's validation page: the evaluation must be
 * readable; the validation may not exist yet (null), and then only `assign` can be asked of it.
 */
export async function loadValidationOfEvaluation(
  actor: Actor,
  evaluationId: string,
  action: Action = "read",
) {
  const { evaluation, resource: ofEvaluation } = await loadEvaluation(actor, evaluationId);
  const validation = await findValidationOfEvaluation(evaluation.trustId, evaluation.id);
  const resource = validation
    ? validationResource(validation)
    : { ...validationResourceOf(evaluation), validatorIds: [] };
  authorise(actor, action, resource);
  // The evaluation's own resource too: its page also says who may submit it.
  return { evaluation, validation, resource, evaluationResource: ofEvaluation };
}

/** A validation's meeting (`meeting.<validationId>`), with its schedule. */
export async function loadMeeting(
  actor: Actor,
  validationId: string,
  action: Action = "read",
  memo?: ReadMemo,
) {
  const validation = await validationInTrustsOf(actor, validationId, memo);
  const schedule = await findMeetingSchedule(validation.trustId, validation.id);
  const resource = meetingResource(validation, schedule);
  authorise(actor, action, resource);
  return { validation, schedule, resource };
}

/** A framework, its live draft (`framework.<id>`) and its versions. */
export async function loadFramework(actor: Actor, frameworkId: string, action: Action = "read") {
  const framework: Framework = await inTrustsOf(actor, (trustId) =>
    getFramework(trustId, frameworkId),
  );
  const resource: Of<"framework"> = { type: "framework", trustId: framework.trustId };
  authorise(actor, action, resource);
  return { framework, resource };
}

export async function loadCycle(actor: Actor, cycleId: string, action: Action = "read") {
  const cycle: Cycle = await inTrustsOf(actor, (trustId) => getCycle(trustId, cycleId));
  const resource: Of<"cycle"> = { type: "cycle", trustId: cycle.trustId };
  authorise(actor, action, resource);
  return { cycle, resource };
}

export async function loadSchool(actor: Actor, schoolId: string, action: Action = "read") {
  const school = await inTrustsOf(actor, (trustId) => getSchool(trustId, schoolId));
  const resource = schoolResource(school);
  authorise(actor, action, resource);
  return { school, resource };
}

/**
 * An award and its certificate. The validators of the validation that made it may read it too:
 * its validation is read only for someone the award alone does not let in.
 */
export async function loadAward(actor: Actor, awardId: string, action: Action = "read") {
  const award = await inTrustsOf(actor, (trustId) => getAward(trustId, awardId));
  let resource = awardResource(award);
  if (!can(actor, "read", resource)) {
    const validation = await getValidation(award.trustId, award.validationId);
    resource = { ...resource, validatorIds: validation?.validatorIds ?? [] };
  }
  authorise(actor, action, resource);
  return { award, resource };
}

/**
 * A joint workspace (`workspace.<id>`). `schoolId` is the participating school a leader acts
 * for (respond, chooseMembers, removeSchool).
 */
export async function loadWorkspace(
  actor: Actor,
  workspaceId: string,
  action: Action = "read",
  schoolId?: string,
) {
  const workspace = await inTrustsOf(actor, (trustId) => getWorkspace(trustId, workspaceId));
  const resource = workspaceResource(workspace, schoolId);
  authorise(actor, action, resource);
  return { workspace, resource };
}

/**
 * The trust where the person may `action` it (manage, oversee, validate), for trust-wide pages;
 * NotFoundError for everyone else, so those pages look missing to them.
 */
export async function loadTrustWhere(actor: Actor, action: Action): Promise<{ trustId: string }> {
  const trustId = trustIdsOf(actor).find((id) =>
    can(actor, action, { type: "trust", trustId: id }),
  );
  if (!trustId) throw new NotFoundError();
  return { trustId };
}

/** The trust where the person may `action` its frameworks or cycles (read, write, distribute…). */
export async function loadTrustFor(
  actor: Actor,
  kind: "framework" | "cycle",
  action: Action,
): Promise<{ trustId: string }> {
  const trustId = trustIdsOf(actor).find((id) => can(actor, action, { type: kind, trustId: id }));
  if (!trustId) throw new NotFoundError();
  return { trustId };
}

/** Every school the person may read: all of a trust's for its oversight, else their own school. */
export async function listReadableSchools(actor: Actor): Promise<School[]> {
  const schools: School[] = [];
  for (const trustId of trustIdsOf(actor)) {
    const candidates = can(actor, "oversee", { type: "trust", trustId })
      ? await listSchools(trustId)
      : (
          await Promise.all(
            [...new Set(actor.grants.filter((g) => g.trustId === trustId && g.schoolId))].map((g) =>
              getSchool(trustId, g.schoolId!),
            ),
          )
        ).filter((s) => s !== null);
    for (const school of candidates)
      if (can(actor, "read", schoolResource(school)) && !schools.some((s) => s.id === school.id))
        schools.push(school);
  }
  return schools;
}

/** The evaluations among `ids` the person may read (others are silently left out). */
export async function listReadableEvaluations(actor: Actor, ids: string[]): Promise<Evaluation[]> {
  const found = await Promise.all(
    ids.map((id) =>
      loadEvaluation(actor, id).then(
        ({ evaluation }) => evaluation,
        (error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        },
      ),
    ),
  );
  return found.filter((e) => e !== null);
}

/** An evidence item, for people who may read the evaluation it belongs to. */
export async function loadEvidenceItem(actor: Actor, itemId: string) {
  const item = await inTrustsOf(actor, (trustId) => findEvidenceItemOfTrust(trustId, itemId));
  const { evaluation } = await loadEvaluation(actor, item.evaluationId);
  return { item, evaluation };
}

export const trustResource = (trustId: string): Of<"trust"> => ({ type: "trust", trustId });
export const frameworksOf = (trustId: string): Of<"framework"> => ({ type: "framework", trustId });

/**
 * The schools whose own place in the trust the person may see (`compare`): their own school's,
 * for its leaders and staff. Trust-wide insight goes through loadTrustWhere(actor, "oversee").
 */
export async function listComparableSchools(actor: Actor): Promise<School[]> {
  const schools: School[] = [];
  for (const grant of actor.grants) {
    if (grant.schoolId === undefined || schools.some((s) => s.id === grant.schoolId)) continue;
    const school = await getSchool(grant.trustId, grant.schoolId);
    if (school && can(actor, "compare", schoolResource(school))) schools.push(school);
  }
  return schools;
}
