import type { CollabAccess } from "../../collab/access.ts";
import { documentName } from "../../collab/document-name.ts";
import { readRichText } from "../../collab/shapes/rich-text.ts";
import { MINUTES_FIELD } from "../../app/components/meeting/whiteboard-shape.ts";
import {
  submissionUnderReview,
  submittedLevelOf,
} from "../../app/components/meeting/meeting.server.ts";
import {
  changedNote,
  changedSinceSubmission,
  NOT_SUBMITTED_NOTE,
  reviewedLevel,
} from "../../app/components/meeting/submitted-judgement.ts";
import { listAwardsOfEvaluation } from "../../models/award/award.ts";
import { getCycle } from "../../models/cycle/cycle.ts";
import { formatDay, formatMoment } from "../../models/dates.ts";
import { NotFoundError } from "../../models/errors.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import { scaleOf } from "../../models/framework/applicable.ts";
import type { Criterion, FrameworkContent } from "../../models/framework/types.ts";
import { loadValidation } from "../../models/permissions/loaders.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { getTrust } from "../../models/trust/trust.ts";
import { getUsers } from "../../models/user/user.ts";
import { frameworkOfValidation } from "../../models/validation/framework-of.ts";
import { findMeetingSchedule } from "../../models/validation/meeting.ts";
import { OUTCOME_LABELS } from "../../models/validation/outcome.ts";
import { listRecordEntries } from "../../models/validation/record.ts";
import { recordState, type RecordEntry } from "../../models/validation/record-state.ts";
import type { PrintedAgreement, ValidationReportData } from "./report-data.ts";

type Outcome = Extract<RecordEntry, { kind: "outcome" }>;

type Scale = readonly { key: string; label: string; colour: string }[];

/** The level at `key` as the first of `scales` that has it names it (null: none has it). */
function printed(key: string | null | undefined, ...scales: Scale[]) {
  for (const scale of scales) {
    const level = scale.find((l) => l.key === key);
    if (level) return { label: level.label, colour: level.colour };
  }
  return null;
}

/** Each criterion's scale levels in `content`, by criterion. */
function levelsByCriterionIn(content: FrameworkContent) {
  return new Map(
    content.areas.flatMap((area) => {
      const { levels } = scaleOf(content, area);
      return area.criteria.map((c) => [c.id, levels] as const);
    }),
  );
}

/** The outcome's details as sentences (only those it has). */
function outcomeLines(outcome: Outcome): string[] {
  const lines: string[] = [];
  if (outcome.tier) lines.push(`Tier: ${outcome.tier}`);
  if (outcome.startDate && outcome.expiryDate)
    lines.push(`Valid from ${formatDay(outcome.startDate)} to ${formatDay(outcome.expiryDate)}`);
  if (outcome.mustImprove) lines.push(`What must improve: ${outcome.mustImprove}`);
  if (outcome.conditions)
    lines.push(
      `Conditions: ${outcome.conditions}${outcome.reviewDate ? ` (review by ${formatDay(outcome.reviewDate)})` : ""}`,
    );
  if (outcome.reason) lines.push(`Reason: ${outcome.reason}`);
  return lines;
}

const times = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Who took part, from what the validation record says each person did (the meeting keeps no
 * attendance, ADR 015): the assigned validators, and anyone else who agreed a judgement or
 * recorded an outcome (a validator since replaced), each with their part; and the school's
 * people who confirmed agreed judgements. Corrections count: whoever made one took part.
 */
function whoTookPart(
  validatorIds: string[],
  entries: RecordEntry[],
  outcome: Outcome | null,
  name: (id: string) => string,
): { validators: string[]; forTheSchool: string[] } {
  type Deeds = { agreed: Set<string>; confirmed: Set<string>; outcomes: number };
  const deeds = new Map<string, Deeds>();
  const of = (id: string) => {
    const held = deeds.get(id) ?? { agreed: new Set(), confirmed: new Set(), outcomes: 0 };
    deeds.set(id, held);
    return held;
  };
  for (const entry of entries) {
    if (entry.kind === "agreed") of(entry.by).agreed.add(entry.criterionId);
    else if (entry.kind === "confirmed") of(entry.by).confirmed.add(entry.criterionId);
    else of(entry.by).outcomes++;
  }
  const described = (id: string) => {
    const did = deeds.get(id);
    const parts = [
      did?.agreed.size ? `agreed ${times(did.agreed.size, "judgement", "judgements")}` : "",
      did?.confirmed.size
        ? `confirmed ${times(did.confirmed.size, "agreed judgement", "agreed judgements")}`
        : "",
      outcome?.by === id
        ? "recorded the outcome"
        : did?.outcomes
          ? "recorded an outcome since corrected"
          : "",
    ].filter(Boolean);
    return parts.length ? `${name(id)} (${parts.join("; ")})` : name(id);
  };
  const validating = new Set(validatorIds);
  for (const [id, did] of deeds) if (did.agreed.size || did.outcomes) validating.add(id);
  return {
    validators: [...validating].map(described),
    forTheSchool: [...deeds]
      .filter(([id, did]) => did.confirmed.size > 0 && !validating.has(id))
      .map(([id]) => described(id)),
  };
}

/**
 * Everything the validation report prints, for someone who may read the validation: the agreed
 * judgements with their rationale and who agreed and confirmed them, the outcome and award, who
 * took part as the record names them (the validators, the school's people who confirmed), and
 * the meeting's minutes. The meeting does not record who observed it, so the report says so
 * rather than guessing. The school's judgement is the one the validators reviewed,
 * as the pages show it (ADRs 062, 063): as submitted, named as the scale named it then, with what
 * it is now wherever the school has changed it since; live, and said so, if never submitted.
 * Its areas, criteria and levels are those of the framework version the submission was made
 * against (frameworkOfValidation), whatever version the evaluation has moved to since.
 */
export async function validationReportData(
  actor: Actor,
  collab: CollabAccess,
  params: { validationId: string },
  now = new Date(),
): Promise<ValidationReportData> {
  const { validation } = await loadValidation(actor, params.validationId);
  const evaluation = await getEvaluation(validation.trustId, validation.evaluationId);
  if (!evaluation) throw new NotFoundError();
  const [trust, cycle, entries, schedule, awards, meeting, { review, framework }] =
    await Promise.all([
      getTrust(validation.trustId),
      evaluation.cycleId ? getCycle(evaluation.trustId, evaluation.cycleId) : null,
      listRecordEntries(validation.trustId, validation.id),
      findMeetingSchedule(validation.trustId, validation.id),
      listAwardsOfEvaluation(validation.trustId, evaluation.id),
      collab.read(documentName("meeting", validation.id)),
      submissionUnderReview(evaluation).then(async (review) => ({
        review,
        framework: await frameworkOfValidation(evaluation, review.snapshot),
      })),
    ]);
  // Printed against the version the submission was made against (its criteria, levels and
  // descriptors); a level it lacks (agreed or judged since a move) is named as the scale now names it.
  const { school, version, content } = framework;
  const levelsNow = levelsByCriterionIn(framework.current.content);
  let minutes;
  try {
    minutes = readRichText(meeting.getXmlFragment(MINUTES_FIELD));
  } finally {
    meeting.destroy();
  }
  const state = recordState(entries);
  const { submission } = review;
  const people = new Map(
    (
      await getUsers([
        ...new Set([
          ...validation.validatorIds,
          ...entries.map((e) => e.by),
          ...(submission ? [submission.createdBy] : []),
        ]),
      ])
    ).map((u) => [u.id, u.name]),
  );
  const name = (id: string) => people.get(id) ?? "someone no longer in the trust";
  const schoolJudgements = new Map(
    evaluation.projection.judgements.map((j) => [j.criterionId, j.level]),
  );
  /** What the report prints of one criterion, on `levels` (its scale in the version it is of). */
  const agreement = (criterion: Criterion, levels: Scale): PrintedAgreement => {
    const scaleNow = levelsNow.get(criterion.id) ?? [];
    const agreed = state.agreed[criterion.id];
    // Agreed in the meeting: named as the version submitted against names it, if it can.
    const level = agreed ? printed(agreed.level, levels, scaleNow) : null;
    const live = schoolJudgements.get(criterion.id) ?? null;
    const submitted = review.submittedJudgements.get(criterion.id) ?? null;
    const reviewed = reviewedLevel(
      submission,
      submittedLevelOf(review, criterion.id, levels),
      live,
      levels,
    );
    return {
      code: criterion.code,
      statement: criterion.statement,
      schoolJudgement: reviewed && { label: reviewed.label, colour: reviewed.colour },
      schoolJudgementNow:
        submission && changedSinceSubmission(submission, submitted, live)
          ? changedNote(printed(live, scaleNow, levels)?.label ?? null, submission.on)
          : null,
      agreed:
        agreed && level
          ? {
              level,
              rationale: agreed.rationale,
              agreedBy: name(agreed.agreedBy),
              agreedAt: formatMoment(agreed.agreedAt),
              confirmedBy: agreed.confirmedBy ? name(agreed.confirmedBy) : null,
              confirmedAt: agreed.confirmedAt ? formatMoment(agreed.confirmedAt) : null,
            }
          : null,
    };
  };
  // The record keeps every agreement: one the meeting made on a criterion the evaluation gained
  // when it moved on (not in the version submitted against) is printed after the others.
  const { current } = framework;
  const listed = new Set(content.areas.flatMap((a) => a.criteria.map((c) => c.id)));
  const agreedSince = current.content.areas.flatMap((area) =>
    area.criteria
      .filter((c) => !listed.has(c.id) && state.agreed[c.id])
      .map((c) => agreement(c, scaleOf(current.content, area).levels)),
  );
  const award = awards.find((a) => a.validationId === validation.id && !a.superseded) ?? null;

  return {
    kind: "validation",
    trustName: trust?.name ?? "",
    schoolName: school.name,
    evaluationTitle: evaluation.title,
    frameworkName: version.content.name,
    frameworkVersion: version.version,
    cycleName: cycle?.name ?? null,
    generatedAt: formatDay(now),
    meetingAt: schedule ? `${formatMoment(schedule.scheduledAt)} (UK time)` : null,
    submitted: submission
      ? `${submission.at} by ${name(submission.createdBy)}`
      : NOT_SUBMITTED_NOTE,
    schoolJudgementTitle: submission
      ? "School's judgement as submitted"
      : "School's judgement (live)",
    ...whoTookPart(validation.validatorIds, entries, state.outcome, name),
    observers: null,
    areas: [
      ...content.areas.map((area) => ({
        title: area.title,
        criteria: area.criteria.map((c) => agreement(c, scaleOf(content, area).levels)),
      })),
      ...(agreedSince.length
        ? [
            {
              title: `Criteria added since submission (version ${current.version.version})`,
              criteria: agreedSince,
            },
          ]
        : []),
    ],
    outcome: state.outcome
      ? {
          result: OUTCOME_LABELS[state.outcome.result],
          lines: outcomeLines(state.outcome),
          recordedBy: name(state.outcome.by),
          recordedAt: formatMoment(state.outcome.at),
        }
      : null,
    award: award
      ? {
          markName: award.frameworkName,
          frameworkVersion: award.frameworkVersion,
          tier: award.tier,
          code: award.code,
          validUntil: formatDay(award.expiryDate),
        }
      : null,
    minutes,
  };
}
