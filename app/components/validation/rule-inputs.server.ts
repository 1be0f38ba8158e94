// Server-only: what the accreditation rule takes as submitted, read for a validation's pages.
import { findMeetingSchedule } from "../../../models/validation/meeting.ts";
import { listProvisionalJudgements } from "../../../models/validation/provisional.ts";
import { takenAsSubmitted } from "../../../models/validation/rule-judgements.ts";

/**
 * The criteria the rule counts at the school's submitted level (rule-judgements.ts), from the
 * meeting's agenda and the validators' provisional judgements: for those who may read them.
 */
export async function asSubmittedFor(
  validation: { id: string; trustId: string },
  submitted: Record<string, string>,
): Promise<Record<string, string>> {
  const [schedule, provisional] = await Promise.all([
    findMeetingSchedule(validation.trustId, validation.id),
    listProvisionalJudgements(validation.trustId, validation.id),
  ]);
  return takenAsSubmitted({
    agenda: schedule?.agendaCriterionIds ?? [],
    submitted,
    provisional,
  });
}
