import { z } from "zod";
import type { CollabAccess } from "../../collab/access.ts";
import { documentName } from "../../collab/document-name.ts";
import { announceStatusChange } from "../../collab/shapes/evaluation.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { ensureAward, supersedeAwards, type Award } from "../../models/award/award.ts";
import { todayInEngland } from "../../models/dates.ts";
import { ConflictError, NotFoundError } from "../../models/errors.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import { recommend } from "../../models/framework/accreditation.ts";
import { basedOn, objectId, optionalDate } from "../../models/input.ts";
import { loadValidation } from "../../models/permissions/loaders.ts";
import { checkOutcome, sameOutcome, type OutcomeFields } from "../../models/validation/outcome.ts";
import { decideOverRecord, listRecordEntries } from "../../models/validation/record.ts";
import { listSnapshotsOfEvaluation } from "../../models/snapshot/snapshot.ts";
import { latestSubmissionIn } from "../../models/snapshot/submit.ts";
import {
  frameworkOfValidation,
  type FrameworkOfValidation,
} from "../../models/validation/framework-of.ts";
import { findMeetingSchedule } from "../../models/validation/meeting.ts";
import { listProvisionalJudgements } from "../../models/validation/provisional.ts";
import { recordState, type RecordEntry } from "../../models/validation/record-state.ts";
import { judgementsForRule, takenAsSubmitted } from "../../models/validation/rule-judgements.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";
import { mirrorRecord } from "./mirror-record.ts";

const text = z.string().max(4000, "Keep this under 4,000 characters.").default("");

export const RecordOutcomeInput = z.object({
  validationId: objectId(),
  result: z.enum(["accredited", "notYetAccredited", "deferred", "validated"], {
    message: "Choose the outcome",
  }),
  tier: z
    .string()
    .max(100)
    .optional()
    .transform((v) => v || null),
  startDate: optionalDate(),
  mustImprove: text,
  conditions: text,
  reviewDate: optionalDate(),
  reason: text,
  /** The outcome the validator saw as the latest (its sequence number; 0: none yet). */
  basedOn: basedOn(),
});
export type RecordOutcomeInput = z.infer<typeof RecordOutcomeInput>;

type OutcomeEntry = Extract<RecordEntry, { kind: "outcome" }>;

const CHANGED =
  "Another outcome was recorded while you were deciding: check it, then record yours as a correction.";

/**
 * An assigned validator records the outcome (or a correction of it). Once per outcome it
 * corrects: 20 identical requests record one entry, make one award with one certificate code,
 * and move the evaluation once. An outcome taken over one the validator did not see is refused.
 * It is decided over every agreement stored before it, and none is stored after it (ADR 068).
 * The rule, tiers, validity and the award's name and version are those of the framework version
 * the validation is of (frameworkOfValidation, ADR 070), whatever version the evaluation has
 * moved to since: an agreement on a criterion that version lacks is kept but not counted.
 */
export async function recordOutcome(
  ctx: CommandContext,
  raw: Raw<typeof RecordOutcomeInput>,
): Promise<{ created: boolean; award: Award | null }> {
  const { validation } = await loadValidation(ctx.actor, idIn(raw, "validationId"), "agree");
  const input = parse(RecordOutcomeInput, raw);
  const evaluation = await getEvaluation(validation.trustId, validation.evaluationId);
  if (!evaluation) throw new NotFoundError();
  const [schedule, snapshots, provisional] = await Promise.all([
    findMeetingSchedule(validation.trustId, validation.id),
    listSnapshotsOfEvaluation(validation.trustId, validation.evaluationId),
    listProvisionalJudgements(validation.trustId, validation.id),
  ]);
  const submission = latestSubmissionIn(snapshots);
  const framework = await frameworkOfValidation(evaluation, submission);
  const { content } = framework;
  const asSubmitted = takenAsSubmitted({
    agenda: schedule?.agendaCriterionIds ?? [],
    submitted: Object.fromEntries(
      (submission?.projection.judgements ?? []).map((j) => [j.criterionId, j.level]),
    ),
    provisional,
  });
  const today = todayInEngland();
  const submittedOn = submission ? todayInEngland(submission.createdAt) : null;

  // Decided over the whole record, and stored right behind the entries it was decided over
  // (ADR 068): the rule's recommendation counts every agreement and confirmation before the
  // outcome, and none can be stored after it (they are refused once it is there).
  const decided = await decideOverRecord<OutcomeEntry>(
    validation.trustId,
    validation.id,
    (entries) => {
      const state = recordState(entries);
      const fields = checkOutcome(input, {
        content,
        recommended: recommend(content, judgementsForRule(state, asSubmitted).judgements).met,
        today,
        submittedOn,
      });
      const current = state.outcome;
      const currentSeq = String(current?.seq ?? 0);
      const after = input.basedOn ?? currentSeq;
      // The same decision again (a double-click, a retry): nothing new to record.
      if (current && sameOutcome(current, fields)) return { answer: current };
      if (after !== currentSeq) throw new ConflictError(CHANGED);
      return {
        append: { kind: "outcome", ...fields, by: ctx.actor.userId },
        guard: `outcome after ${after}`,
      };
    },
  );
  if ("answer" in decided) {
    // Make sure what follows from the decision is done.
    const award = await followUp(ctx.collab, validation, framework, decided.answer);
    return { created: false, award };
  }
  const entry = decided.appended;
  if (entry.kind !== "outcome") throw new ConflictError(CHANGED);
  const award = await followUp(ctx.collab, validation, framework, entry);
  await recordAudit({
    trustId: validation.trustId,
    actorId: ctx.actor.userId,
    action: "outcomeRecorded",
    subject: `validation:${validation.id}`,
    details: {
      result: entry.result,
      tier: entry.tier,
      expiryDate: entry.expiryDate,
      award: award?.code ?? null,
    },
  });
  await mirrorRecord(ctx.collab, validation);
  return { created: true, award };
}

/**
 * What follows from an outcome: the evaluation's status (open pages of the evaluation are told,
 * so they show it), and its award (made once per outcome entry) or the withdrawal of an earlier
 * one. Safe to repeat; does nothing for an outcome that a later correction has replaced.
 */
async function followUp(
  collab: CollabAccess,
  validation: Validation,
  framework: FrameworkOfValidation,
  outcome: OutcomeEntry & OutcomeFields,
): Promise<Award | null> {
  const latest = recordState(await listRecordEntries(validation.trustId, validation.id)).outcome;
  if (latest?.seq !== outcome.seq) return null;
  await setEvaluationStatus(
    validation.trustId,
    validation.evaluationId,
    outcome.result === "accredited" ? "accredited" : "validated",
    { from: ["submitted", "validated", "accredited"] },
  );
  let award: Award | null = null;
  if (outcome.result !== "accredited") await supersedeAwards(validation.id, validation.trustId);
  else
    award = await ensureAward({
      trustId: validation.trustId,
      schoolId: validation.schoolId,
      evaluationId: validation.evaluationId,
      validationId: validation.id,
      frameworkId: framework.version.frameworkId,
      frameworkName: framework.content.name,
      frameworkVersion: framework.version.version,
      tier: outcome.tier,
      startDate: outcome.startDate!,
      expiryDate: outcome.expiryDate!,
      outcomeSeq: outcome.seq,
    });
  // Once the status and the award are stored: the pages reload them.
  await collab.change(documentName("evaluation", validation.evaluationId), announceStatusChange);
  return award;
}
