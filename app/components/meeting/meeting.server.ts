// What the meeting routes call (kept apart from models.server.ts so the meeting feature can
// grow without touching the shared barrel), and the loading both of them share. Server-only.
import type { CollabAccess } from "../../../collab/access.ts";
import { documentName } from "../../../collab/document-name.ts";
import { attachedItemIds } from "../../../collab/shapes/evidence.ts";
import { listEvidenceOfEvaluation } from "../../../models/evidence/evidence.ts";
import { discussionAbilitiesOf, type Resource } from "../../../models/permissions/can.ts";
import { discussionResource } from "../../../models/permissions/loaders.ts";
import { ROLE_LABELS, type Actor } from "../../../models/permissions/roles.ts";
import {
  defaultAgenda,
  findMeetingSchedule,
  meetingHasStarted,
  toLondonLocal,
} from "../../../models/validation/meeting.ts";
import {
  canSeeProvisional,
  listProvisionalJudgements,
} from "../../../models/validation/provisional.ts";
import { findValidationById } from "../../../models/validation/validation.ts";
import { scaleOf } from "../../../models/framework/applicable.ts";
import { colourFor } from "../../../collab/context.ts";
import {
  applicableAreas,
  can,
  findEvaluationById,
  findSchoolById,
  getFrameworkVersion,
  getUsers,
  listRecordEntries,
} from "../../models.server.ts";
import { notFound } from "../../utils/auth.server.ts";

export { ScheduleInput, saveMeetingSchedule } from "../../../models/validation/meeting.ts";
export {
  InvalidProvisionalJudgementError,
  recordProvisionalJudgement,
} from "../../../models/validation/provisional.ts";

/** The validation, its evaluation and the framework's criteria as this school's evaluation has them. */
export async function loadMeeting(actor: Actor, validationId: string | undefined) {
  const validation = await findValidationById(validationId ?? "");
  if (!validation) throw notFound();
  const resource: Resource = {
    type: "meeting",
    trustId: validation.trustId,
    schoolId: validation.schoolId,
    validatorIds: validation.validatorIds,
  };
  if (!can(actor, "read", resource)) throw notFound();
  const evaluation = await findEvaluationById(validation.evaluationId);
  if (!evaluation) throw notFound();
  const [school, version, schedule] = await Promise.all([
    findSchoolById(evaluation.schoolId),
    getFrameworkVersion(evaluation.trustId, evaluation.frameworkVersionId),
    findMeetingSchedule(validation.trustId, validation.id),
  ]);
  if (!school || !version) throw notFound();
  const areas = applicableAreas(version.content, school)
    .filter((a) => evaluation.areaIds.includes(a.id))
    .map((a) => ({ ...a, levels: scaleOf(version.content, a).levels }));
  const criterionIds = areas
    .flatMap((a) => a.criteria.map((c) => c.id))
    .filter((id) => id in evaluation.levelsByCriterion);
  const schoolJudgements: Record<string, string> = Object.fromEntries(
    evaluation.projection.judgements.map((j) => [j.criterionId, j.level]),
  );
  return {
    validation,
    resource,
    evaluation,
    school,
    areas,
    criterionIds,
    schoolJudgements,
    schedule,
  };
}

/** Provisional judgements as this person may see them: none for the school before the meeting starts. */
export async function visibleProvisional(
  actor: Actor,
  meeting: Awaited<ReturnType<typeof loadMeeting>>,
  now = new Date(),
) {
  const { resource, validation, schedule } = meeting;
  if (resource.type !== "meeting") return { visible: false, judgements: [] };
  const validatorOrOversight =
    can(actor, "schedule", resource) ||
    actor.grants.some(
      (g) =>
        g.trustId === resource.trustId && (g.role === "trustAdmin" || g.role === "trustLeader"),
    );
  const school = actor.grants.some((g) => g.schoolId === resource.schoolId);
  if (!canSeeProvisional({ school, validatorOrOversight }, meetingHasStarted(schedule, now)))
    return { visible: false, judgements: [] };
  return {
    visible: true,
    judgements: await listProvisionalJudgements(validation.trustId, validation.id),
  };
}

/** Everything the live meeting page shows, for this person. */
export async function meetingPageData(
  actor: Actor,
  validationId: string | undefined,
  collab: CollabAccess,
) {
  const meeting = await loadMeeting(actor, validationId);
  const {
    validation,
    resource,
    evaluation,
    school,
    areas,
    criterionIds,
    schoolJudgements,
    schedule,
  } = meeting;
  const [
    { visible: provisionalVisible, judgements: provisional },
    entries,
    evidence,
    evaluationDoc,
  ] = await Promise.all([
    visibleProvisional(actor, meeting),
    listRecordEntries(validation.trustId, validation.id),
    listEvidenceOfEvaluation(evaluation.trustId, evaluation.id),
    collab.read(documentName("evaluation", evaluation.id)),
  ]);
  const agenda = new Set(schedule?.agendaCriterionIds ?? []);
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  const people = await getUsers([
    ...new Set([...validation.validatorIds, ...entries.map((e) => e.by)]),
  ]);
  const grant =
    actor.grants.find((g) => g.schoolId === school.id) ??
    actor.grants.find((g) => g.trustId === school.trustId && !g.schoolId);
  const canWrite = can(actor, "write", resource);
  const canSchedule = can(actor, "schedule", resource);
  try {
    return {
      validation: { id: validation.id, validatorIds: validation.validatorIds },
      evaluation: { id: evaluation.id, title: evaluation.title },
      school: { id: school.id, name: school.name },
      meetingDocument: documentName("meeting", validation.id),
      evaluationDocument: documentName("evaluation", evaluation.id),
      recordDocument: documentName("record", validation.id),
      schedule: schedule && {
        scheduledAt: schedule.scheduledAt.toISOString(),
        videoLink: schedule.videoLink,
        agendaCriterionIds: schedule.agendaCriterionIds,
      },
      started: meetingHasStarted(schedule),
      canWrite,
      canSchedule,
      // What the schedule form starts from: the saved agenda, or where judgements differ.
      scheduleDefaults: canSchedule
        ? {
            scheduledAt: schedule ? toLondonLocal(schedule.scheduledAt) : "",
            videoLink: schedule?.videoLink ?? "",
            agendaCriterionIds:
              schedule?.agendaCriterionIds ??
              defaultAgenda(criterionIds, schoolJudgements, provisional),
          }
        : null,
      criteria: areas.flatMap((area) =>
        area.criteria
          .filter((c) => c.id in evaluation.levelsByCriterion)
          .map((c) => ({
            id: c.id,
            code: c.code,
            statement: c.statement,
            areaId: area.id,
            areaTitle: area.title,
            levels: area.levels.map((l) => ({ key: l.key, label: l.label })),
            schoolJudgement: schoolJudgements[c.id] ?? null,
          })),
      ),
      me: {
        userId: actor.userId,
        name: actor.name,
        colour: colourFor(actor.userId),
        role: grant ? ROLE_LABELS[grant.role] : "",
        observing: !canWrite,
      },
      discussion: discussionAbilitiesOf(actor, discussionResource(evaluation)),
      names: Object.fromEntries(people.map((u) => [u.id, u.name])),
      provisionalVisible,
      provisional: provisional.map((p) => ({
        validatorId: p.validatorId,
        criterionId: p.criterionId,
        level: p.level,
      })),
      entries,
      agenda: areas.flatMap((area) =>
        area.criteria
          .filter((c) => agenda.has(c.id))
          .map((c) => ({
            id: c.id,
            code: c.code,
            statement: c.statement,
            areaId: area.id,
            areaTitle: area.title,
            levels: area.levels.map((l) => ({ key: l.key, label: l.label })),
            descriptors: c.descriptors,
            schoolJudgement: schoolJudgements[c.id] ?? null,
            evidence: attachedItemIds(evaluationDoc, c.id)
              .map((id) => evidenceById.get(id))
              .filter((e) => e !== undefined)
              .map((e) => ({
                id: e.id,
                title: e.title,
                kind: e.kind,
                url: e.kind === "link" ? e.url : null,
              })),
          })),
      ),
    };
  } finally {
    evaluationDoc.destroy();
  }
}
