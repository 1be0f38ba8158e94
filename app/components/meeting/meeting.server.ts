// What the meeting route's loader gathers for the page. Server-only.
import type { CollabAccess } from "../../../collab/access.ts";
import { colourFor } from "../../../collab/context.ts";
import { documentName } from "../../../collab/document-name.ts";
import { attachedItemIds } from "../../../collab/shapes/evidence.ts";
import { NotFoundError } from "../../../models/errors.ts";
import { getEvaluation } from "../../../models/evaluation/evaluation.ts";
import { frameworkOfEvaluation } from "../../../models/evaluation/framework-of.ts";
import { listEvidenceOfEvaluation } from "../../../models/evidence/evidence.ts";
import { scaleOf } from "../../../models/framework/applicable.ts";
import { can, discussionAbilitiesOf, roleAt } from "../../../models/permissions/can.ts";
import { discussionResource, loadMeeting } from "../../../models/permissions/loaders.ts";
import { ROLE_LABELS, type Actor } from "../../../models/permissions/roles.ts";
import { getUsers } from "../../../models/user/user.ts";
import {
  defaultAgenda,
  meetingHasStarted,
  toLondonLocal,
} from "../../../models/validation/meeting.ts";
import { listProvisionalJudgements } from "../../../models/validation/provisional.ts";
import { listRecordEntries } from "../../../models/validation/record.ts";

/** The meeting, its evaluation and the framework's criteria as this school's evaluation has them. */
async function loadMeetingPage(actor: Actor, validationId: string) {
  const { validation, schedule, resource } = await loadMeeting(actor, validationId);
  const evaluation = await getEvaluation(validation.trustId, validation.evaluationId);
  if (!evaluation) throw new NotFoundError();
  const { school, content } = await frameworkOfEvaluation(evaluation);
  const areas = content.areas.map((a) => ({ ...a, levels: scaleOf(content, a).levels }));
  const criterionIds = areas
    .flatMap((a) => a.criteria.map((c) => c.id))
    .filter((id) => Object.hasOwn(evaluation.levelsByCriterion, id));
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

/** Everything the live meeting page shows, for this person. */
export async function meetingPageData(actor: Actor, validationId: string, collab: CollabAccess) {
  const meeting = await loadMeetingPage(actor, validationId);
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
  // Provisional judgements must not steer the school before the meeting starts (the policy says).
  const provisionalVisible = can(actor, "readProvisional", resource);
  const [provisional, entries, evidence, evaluationDoc] = await Promise.all([
    provisionalVisible ? listProvisionalJudgements(validation.trustId, validation.id) : [],
    listRecordEntries(validation.trustId, validation.id),
    listEvidenceOfEvaluation(evaluation.trustId, evaluation.id),
    collab.read(documentName("evaluation", evaluation.id)),
  ]);
  const agenda = new Set(schedule?.agendaCriterionIds ?? []);
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  const people = await getUsers([
    ...new Set([...validation.validatorIds, ...entries.map((e) => e.by)]),
  ]);
  const role = roleAt(actor, resource);
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
        role: role ? ROLE_LABELS[role] : "",
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
