import { confirmedJudgements, whyNotConfirmed, type RecordState } from "./record-state.ts";

/**
 * The judgements the framework's accreditation rule is applied to over a validation, and the
 * one place that decides them (the outcome form's recommendation and the server's check both
 * read it).
 *
 * The meeting's agenda holds the criteria where a validator's provisional judgement differs
 * from the school's submitted one; the others are settled before the meeting. So a criterion
 * counts:
 * - at its agreed level once the school has confirmed the agreement (whether on the agenda or not);
 * - at the school's submitted level when it is off the agenda, nothing was agreed on it, and
 *   every provisional judgement of it (at least one) is that very level: the validator agreed
 *   with the school before the meeting, and the school said it by submitting;
 * - otherwise not at all ("not agreed yet", or "agreed but not confirmed by the school yet").
 * Nothing is written: it is read from the record, the agenda, the submission and the
 * provisional judgements each time.
 */

/** The criteria taken as submitted (criterion id → level), before any agreement in the record. */
export function takenAsSubmitted(inputs: {
  /** The meeting's agenda (criterion ids). */
  agenda: readonly string[];
  /** The school's judgements as submitted (criterion id → level key). */
  submitted: Readonly<Record<string, string>>;
  /** The validators' provisional judgements. */
  provisional: readonly { criterionId: string; level: string }[];
}): Record<string, string> {
  const onAgenda = new Set(inputs.agenda);
  const levels = new Map<string, Set<string>>();
  for (const p of inputs.provisional) {
    const set = levels.get(p.criterionId) ?? new Set<string>();
    set.add(p.level);
    levels.set(p.criterionId, set);
  }
  const taken: Record<string, string> = {};
  for (const [criterionId, set] of levels) {
    const submitted = Object.hasOwn(inputs.submitted, criterionId)
      ? inputs.submitted[criterionId]
      : undefined;
    if (onAgenda.has(criterionId) || submitted === undefined) continue;
    if (set.size === 1 && set.has(submitted)) taken[criterionId] = submitted;
  }
  return taken;
}

/**
 * The judgements for the rule (criterion id → level) and why a criterion has none, given the
 * record and the criteria taken as submitted (`takenAsSubmitted`). An agreement recorded on a
 * criterion replaces its submitted level, and counts only once confirmed.
 */
export function judgementsForRule(
  state: RecordState,
  asSubmitted: Readonly<Record<string, string>>,
): { judgements: Record<string, string>; unjudged: (criterionId: string) => string } {
  const judgements: Record<string, string> = {};
  for (const [criterionId, level] of Object.entries(asSubmitted)) {
    if (!Object.hasOwn(state.agreed, criterionId)) judgements[criterionId] = level;
  }
  Object.assign(judgements, confirmedJudgements(state));
  return { judgements, unjudged: whyNotConfirmed(state) };
}
