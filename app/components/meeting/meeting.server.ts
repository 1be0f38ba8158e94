// What the meeting and prepare routes' loaders gather. Server-only.
import { colourFor } from "../../../collab/context.ts";
import { documentName } from "../../../collab/document-name.ts";
import { NotFoundError } from "../../../models/errors.ts";
import { getEvaluation, type Evaluation } from "../../../models/evaluation/evaluation.ts";
import { scaleOf } from "../../../models/framework/applicable.ts";
import { listMembershipsOfTrust } from "../../../models/membership/membership.ts";
import {
  can,
  CONFIRMING_ROLES,
  discussionAbilitiesOf,
  roleLabelAt,
} from "../../../models/permissions/can.ts";
import {
  discussionResource,
  loadMeeting,
  meetingResource,
  validationResource,
} from "../../../models/permissions/loaders.ts";
import type { Actor } from "../../../models/permissions/roles.ts";
import { getSchool } from "../../../models/school/school.ts";
import { getUsers } from "../../../models/user/user.ts";
import { formatDay, formatMoment, todayInEngland } from "../../../models/dates.ts";
import { listSnapshotsOfEvaluation } from "../../../models/snapshot/snapshot.ts";
import { latestSubmissionIn } from "../../../models/snapshot/submit.ts";
import {
  levelAsTaken,
  levelNamesIn,
  type NamedLevel,
} from "../../../models/snapshot/level-names.ts";
import {
  DEFAULT_MEETING_MINUTES,
  defaultAgenda,
  meetingHasStarted,
  toLondonLocal,
} from "../../../models/validation/meeting.ts";
import { meetingInvite } from "../../../models/validation/meeting-invite.ts";
import { inviteFileName } from "../../../models/meeting/invite.ts";
import { outcomesFor } from "../../../models/validation/outcome.ts";
import { listAgreementDrafts } from "../../../models/validation/agreement-draft.ts";
import { listProvisionalJudgements } from "../../../models/validation/provisional.ts";
import { listRecordEntries } from "../../../models/validation/record.ts";
import {
  frameworkOfValidation,
  versionsIfMoved,
  type FrameworkOfValidation,
} from "../../../models/validation/framework-of.ts";
import { recordState } from "../../../models/validation/record-state.ts";
import { takenAsSubmitted } from "../../../models/validation/rule-judgements.ts";
import { whiteboardLicence } from "./whiteboard-licence.server.ts";
import { reviewedJudgement, reviewedLevel } from "./submitted-judgement.ts";
import type { ServerDraft } from "./agreement-draft.ts";
import type { MeetingCriterion } from "./types.ts";

const byCriterion = (judgements: { criterionId: string; level: string }[]) =>
  new Map(judgements.map((j) => [j.criterionId, j.level]));

/**
 * What the validator reviews (ADR 062): the evaluation's latest submission (null if it was never
 * submitted) and its judgements by criterion. The snapshots are one read through the
 * `evaluationId` index, without their states (ADRs 034, 051): the judgements are in the row's
 * projection, which, like the live one, holds only judgements at levels of the scale, and their
 * levels' names as the scale named them then are in the row's judgements (ADR 063).
 */
export async function submissionUnderReview(evaluation: Evaluation) {
  const latest = latestSubmissionIn(
    await listSnapshotsOfEvaluation(evaluation.trustId, evaluation.id),
  );
  return {
    submission: latest && {
      id: latest.id,
      on: formatDay(todayInEngland(latest.createdAt), "short"),
      at: formatMoment(latest.createdAt),
      createdBy: latest.createdBy,
    },
    submittedJudgements: byCriterion(latest?.projection.judgements ?? []),
    /** The submitted judgements' levels as named then, where the snapshot kept names. */
    submittedNames: latest ? levelNamesIn(latest) : new Map<string, NamedLevel>(),
    /** The submission's row (null: never submitted): the framework version it was made against. */
    snapshot: latest,
  };
}

/**
 * Each criterion's levels and descriptors as the framework version the submission was made
 * against has them (frameworkOfValidation), where that is not the evaluation's version now (it
 * moved on since): the descriptors the school judged itself by (ADR 062). Empty when they are
 * the same version.
 */
function descriptorsAsSubmitted(
  framework: FrameworkOfValidation,
): Map<string, NonNullable<MeetingCriterion["asSubmitted"]>> {
  const versions = versionsIfMoved(framework);
  if (!versions) return new Map();
  const { content } = framework;
  return new Map(
    content.areas.flatMap((area) => {
      const { levels } = scaleOf(content, area);
      return area.criteria.map(
        (c) =>
          [
            c.id,
            {
              ...versions,
              levels,
              descriptors: c.descriptors,
            },
          ] as const,
      );
    }),
  );
}

/** A criterion's judgement as submitted, named as its scale named it then (ADR 063). */
export function submittedLevelOf(
  review: Awaited<ReturnType<typeof submissionUnderReview>>,
  criterionId: string,
  levelsNow: readonly NamedLevel[],
): NamedLevel | null {
  const key = review.submittedJudgements.get(criterionId);
  return key === undefined
    ? null
    : levelAsTaken(review.submittedNames, criterionId, key, levelsNow);
}

/**
 * The meeting, its evaluation and the criteria as this school's evaluation has them: each
 * criterion's judgement now and as last submitted (what the validator reviews, ADR 062).
 */
async function loadMeetingPage(actor: Actor, validationId: string, action: "read" | "schedule") {
  const { validation, schedule, resource } = await loadMeeting(actor, validationId, action);
  const evaluation = await getEvaluation(validation.trustId, validation.evaluationId);
  if (!evaluation) throw new NotFoundError();
  const review = await submissionUnderReview(evaluation);
  const framework = await frameworkOfValidation(evaluation, review.snapshot);
  // The live meeting works on the evaluation's criteria now, the submitted version's beside them.
  const { school } = framework;
  const { content } = framework.current;
  const { submission, submittedJudgements } = review;
  const asSubmitted = descriptorsAsSubmitted(framework);
  const schoolJudgements = byCriterion(evaluation.projection.judgements);
  // Every criterion of the evaluation, in its order: the agenda can change while the page is open.
  const criteria: MeetingCriterion[] = content.areas.flatMap((area) => {
    const levels = scaleOf(content, area).levels;
    return area.criteria
      .filter((c) => Object.hasOwn(evaluation.levelsByCriterion, c.id))
      .map((c) => ({
        criterion: c,
        areaId: area.id,
        areaTitle: area.title,
        levels,
        schoolJudgement: schoolJudgements.get(c.id) ?? null,
        submittedJudgement: submittedJudgements.get(c.id) ?? null,
        submittedLevel: submittedLevelOf(review, c.id, levels),
        asSubmitted: asSubmitted.get(c.id) ?? null,
      }));
  });
  // Decisions in the record mean the meeting was held, even before its booked time.
  const entries = await listRecordEntries(validation.trustId, validation.id);
  const held = entries.length > 0;
  const provisionalVisible = can(
    actor,
    "readProvisional",
    meetingResource(validation, schedule, new Date(), held),
  );
  // With when each was saved (the prepare page's proposals); the pages get them without.
  const provisionalSaved = provisionalVisible
    ? await listProvisionalJudgements(validation.trustId, validation.id)
    : [];
  const provisional = provisionalSaved.map((p) => ({
    validatorId: p.validatorId,
    criterionId: p.criterionId,
    level: p.level,
  }));
  return {
    validation,
    resource,
    evaluation,
    school,
    framework,
    submittedJudgements,
    criteria,
    submission,
    schedule,
    held,
    entries,
    provisionalVisible,
    provisional,
    provisionalSaved,
  };
}

/** The names of the people a meeting's record and presence can mention. */
async function namesFor(
  trustId: string,
  schoolId: string,
  validatorIds: string[],
  authors: string[],
) {
  // The school's own people (whoever confirms) and the validators; not the whole trust.
  const memberships = await listMembershipsOfTrust(trustId);
  const ids = new Set([
    ...validatorIds,
    ...authors,
    ...memberships.filter((m) => m.schoolId === schoolId).map((m) => m.userId),
  ]);
  const people = await getUsers([...ids]);
  return {
    names: Object.fromEntries(people.map((u) => [u.id, u.name])),
    /** Who may confirm an agreed judgement (can.ts "confirm"), named to the others. */
    confirmers: memberships
      .filter((m) => m.schoolId === schoolId && CONFIRMING_ROLES.includes(m.role))
      .map((m) => m.userId),
  };
}

/** Everything the live meeting page shows, for this person. */
export async function meetingPageData(actor: Actor, validationId: string) {
  const page = await loadMeetingPage(actor, validationId, "read");
  const { validation, resource, evaluation, school, schedule, entries } = page;
  // The outcome is decided against the version the validation is of (ADR 070), as the server
  // decides it (record-outcome.ts): its rule, tiers and validity, whatever version is live now.
  const { content } = page.framework;
  const record = validationResource(validation);
  const canWrite = can(actor, "write", resource);
  const canAgree = can(actor, "agree", record);
  // The validator's own unrecorded agreements, to carry on from another device (only theirs).
  const drafts = can(actor, "draftAgreement", record)
    ? await listAgreementDrafts(
        validation,
        actor.userId,
        page.criteria.map((c) => c.criterion.id),
      )
    : [];
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
      durationMinutes: schedule.durationMinutes,
    },
    started: meetingHasStarted(schedule),
    /** Decisions are in its record: it was held, whatever time it was booked for. */
    held: page.held,
    /** The agenda as scheduled (the live document has its running order). */
    agendaIds: schedule?.agendaCriterionIds ?? [],
    can: {
      write: canWrite,
      /** Prepare, reorder the agenda, bring everyone to an item. */
      lead: can(actor, "schedule", resource),
      agree: canAgree,
      confirm: can(actor, "confirm", record),
    },
    me: {
      userId: actor.userId,
      name: actor.name,
      colour: colourFor(actor.userId),
      role: roleLabelAt(actor, resource),
      observing: !canWrite,
    },
    discussion: discussionAbilitiesOf(actor, discussionResource(evaluation)),
    ...(await namesFor(
      validation.trustId,
      validation.schoolId,
      validation.validatorIds,
      entries.map((e) => e.by),
    )),
    provisionalVisible: page.provisionalVisible,
    provisional: page.provisional,
    entries,
    criteria: page.criteria,
    /** This person's drafts of agreements by criterion (agreement-draft.ts). */
    drafts: Object.fromEntries(
      drafts.map((d) => [
        d.criterionId,
        {
          level: d.level,
          rationale: d.rationale,
          basedOn: d.basedOn,
          updatedAt: d.updatedAt.toISOString(),
        },
      ]),
    ) as Record<string, ServerDraft>,
    /** The submission the school's judgements are shown as (null: never submitted, live). */
    submission: page.submission && {
      id: page.submission.id,
      on: page.submission.on,
      at: page.submission.at,
    },
    // What recording the outcome needs (the validator's form; everyone sees the outcome live).
    outcomeForm: canAgree
      ? {
          content,
          /** The version decided against, where the evaluation has moved on since. */
          moved: versionsIfMoved(page.framework),
          outcomes: outcomesFor(content),
          tiers: (content.awardTiers ?? []).map((t) => ({ id: t.id, name: t.name })),
          validityMonths: content.validityMonths,
          /** Criteria off the agenda the rule counts at the school's submitted level. */
          asSubmitted: takenAsSubmitted({
            agenda: schedule?.agendaCriterionIds ?? [],
            submitted: Object.fromEntries(page.submittedJudgements),
            provisional: page.provisional,
          }),
        }
      : null,
    whiteboard: whiteboardLicence(actor, validation.trustId),
  };
}

/** What the validator's preparation page shows: scheduling and the pre-review. */
export async function preparePageData(actor: Actor, validationId: string) {
  const page = await loadMeetingPage(actor, validationId, "schedule");
  const { validation, evaluation, school, schedule, criteria, provisional, submission } = page;
  const outcome = recordState(page.entries).outcome;
  // What the validator reviews: the school's judgements as submitted (live if never submitted).
  const reviewed = (c: MeetingCriterion) =>
    reviewedJudgement(submission, c.submittedJudgement, c.schoolJudgement);
  const reviewedLabel = (c: MeetingCriterion) =>
    reviewedLevel(submission, c.submittedLevel, c.schoolJudgement, c.levels)?.label ?? null;
  const differing = defaultAgenda(
    criteria.map((c) => c.criterion.id),
    Object.fromEntries(criteria.map((c) => [c.criterion.id, reviewed(c) ?? undefined])),
    provisional,
  );
  // A judgement saved to differ after the agenda was saved is proposed for it (ticked, unsaved)
  // on every load until the schedule is saved again: the tick that followed it (agenda-choice.ts)
  // is not lost to a reload, nor left out of the next save unseen.
  const reviewedById = new Map(criteria.map((c) => [c.criterion.id, reviewed(c)]));
  const differsSince = (id: string, since: Date) =>
    page.provisionalSaved.some(
      (p) => p.criterionId === id && p.level !== reviewedById.get(id) && p.updatedAt > since,
    );
  const proposedSince =
    schedule && !outcome ? differing.filter((id) => differsSince(id, schedule.updatedAt)) : [];
  const onAgenda = new Set([...(schedule?.agendaCriterionIds ?? differing), ...proposedSince]);
  const people = await getUsers([
    ...validation.validatorIds,
    ...(submission ? [submission.createdBy] : []),
  ]);
  const names = new Map(people.map((u) => [u.id, u.name]));
  return {
    validation: { id: validation.id },
    evaluation: { id: evaluation.id, title: evaluation.title },
    school: { id: school.id, name: school.name },
    me: actor.userId,
    scheduled: schedule !== null,
    /** When the outcome was recorded (ISO): the meeting was held, so it is not rescheduled. */
    outcomeRecordedAt: outcome?.at ?? null,
    defaults: {
      scheduledAt: schedule ? toLondonLocal(schedule.scheduledAt) : "",
      videoLink: schedule?.videoLink ?? "",
      durationMinutes: schedule?.durationMinutes ?? DEFAULT_MEETING_MINUTES,
    },
    /** What the agenda starts from: the saved agenda, or where judgements differ. */
    agenda: schedule?.agendaCriterionIds ?? differing,
    /** What is ticked when the page opens: `agenda`, and criteria that came to differ since it was saved. */
    proposed: criteria.map((c) => c.criterion.id).filter((id) => onAgenda.has(id)),
    /** Criteria where a validator's provisional judgement differs from the school's submitted one. */
    differing,
    /** The latest submission, and who made it (null: never submitted, judgements shown live). */
    submission: submission && {
      id: submission.id,
      on: submission.on,
      at: submission.at,
      by: names.get(submission.createdBy) ?? "someone no longer listed",
    },
    criteria: criteria.map((c) => ({
      id: c.criterion.id,
      code: c.criterion.code,
      statement: c.criterion.statement,
      areaId: c.areaId,
      areaTitle: c.areaTitle,
      levels: c.levels.map((l) => ({ key: l.key, label: l.label })),
      schoolJudgement: reviewed(c),
      schoolJudgementLabel: reviewedLabel(c),
      liveJudgement: c.schoolJudgement,
    })),
    provisional,
    names: Object.fromEntries(names),
  };
}

/**
 * The meeting's calendar invitation for someone who may read the meeting (NotFoundError
 * otherwise, and while it is not scheduled). `origin` is the site's own address.
 */
export async function meetingInviteFor(actor: Actor, validationId: string, origin: string) {
  const { validation, schedule } = await loadMeeting(actor, validationId, "read");
  if (!schedule) throw new NotFoundError();
  const school = await getSchool(validation.trustId, validation.schoolId);
  if (!school) throw new NotFoundError();
  return {
    filename: inviteFileName("validation-meeting", school.name, "school"),
    body: meetingInvite({
      validationId: validation.id,
      schedule,
      schoolName: school.name,
      meetingUrl: `${origin}/validations/${validation.id}/meeting`,
      host: new URL(origin).hostname,
    }),
  };
}
