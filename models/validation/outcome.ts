import { formatDay } from "../dates.ts";
import { InvalidFieldsError, InvalidInputError } from "../errors.ts";
import type { FrameworkContent } from "../framework/types.ts";
import { expiryFrom, type OutcomeResult, type RecordEntry } from "./record-state.ts";

type OutcomeEntry = Extract<RecordEntry, { kind: "outcome" }>;
export type OutcomeFields = Omit<OutcomeEntry, "seq" | "at" | "kind" | "by">;

export const OUTCOME_LABELS: Record<OutcomeResult, string> = {
  accredited: "Accredited",
  notYetAccredited: "Not yet accredited",
  deferred: "Deferred",
  validated: "Validated",
};

/**
 * Whether validating against this framework can end in an award. A self-evaluation framework has
 * no accreditation rule: its validation agrees the judgements and ends "validated", never with a
 * certificate.
 */
export function grantsAwards(content: Pick<FrameworkContent, "accreditationRule">): boolean {
  return content.accreditationRule.type !== "none";
}

/** The outcomes a validator may record for this framework, in the order offered. */
export function outcomesFor(content: Pick<FrameworkContent, "accreditationRule">): OutcomeResult[] {
  return grantsAwards(content)
    ? ["accredited", "notYetAccredited", "deferred"]
    : ["validated", "deferred"];
}

export interface OutcomeInput {
  result: OutcomeResult;
  tier: string | null;
  startDate: string | null;
  mustImprove: string;
  conditions: string;
  reviewDate: string | null;
  reason: string;
}

/** How far ahead of the decision an award may start: a year (a later start is a slip). */
export const AWARD_START_MONTHS_AHEAD = 12;
/** How far before the decision an award may start without a submission earlier still. */
export const AWARD_START_DAYS_BEFORE = 30;

function dayBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * The days an award may start on, both inclusive (YYYY-MM-DD). From 30 days before `today`, or
 * from the day the school submitted what was validated (`submittedOn`) if that was earlier, but
 * never more than a year before today: so a certificate never starts, or expires, long before
 * the decision. Until a year after `today`.
 */
export function awardStartWindow(today: string, submittedOn: string | null) {
  const yearAgo = expiryFrom(today, -AWARD_START_MONTHS_AHEAD);
  let earliest = dayBefore(today, AWARD_START_DAYS_BEFORE);
  if (submittedOn && submittedOn < earliest) earliest = submittedOn;
  if (earliest < yearAgo) earliest = yearAgo;
  return { earliest, latest: expiryFrom(today, AWARD_START_MONTHS_AHEAD) };
}

/**
 * The outcome as it will be recorded, or an InvalidFieldsError naming every field to fix, each
 * with its own message (shown beside it). Accredited needs a start date within
 * `awardStartWindow` (the expiry follows from the framework's validity); not yet accredited
 * needs what must improve; deferred needs conditions and a review date after today (the school
 * is looked at again then: a date already passed is a slip); a reason is required where the
 * result differs from the framework's recommendation. `today` and `submittedOn` are days in
 * England (YYYY-MM-DD).
 */
export function checkOutcome(
  input: OutcomeInput,
  context: {
    content: FrameworkContent;
    recommended: boolean | null;
    today: string;
    /** The day the school submitted what was validated (null: never submitted). */
    submittedOn?: string | null;
  },
): OutcomeFields {
  const { content } = context;
  if (!outcomesFor(content).includes(input.result)) {
    throw new InvalidInputError(
      grantsAwards(content)
        ? "Choose the outcome."
        : "This framework is a self-evaluation: it is validated, not accredited.",
      "result",
    );
  }
  const errors: Record<string, string> = {};
  const tiers = (content.awardTiers ?? []).map((t) => t.name);
  let expiryDate: string | null = null;
  if (input.result === "accredited") {
    const window = awardStartWindow(context.today, context.submittedOn ?? null);
    // Both are YYYY-MM-DD, so comparing the strings compares the days.
    if (!input.startDate) errors.startDate = "Give the date the award starts.";
    else if (input.startDate < window.earliest)
      errors.startDate = `The award cannot start that long before the decision: choose ${formatDay(window.earliest)} or later.`;
    else if (input.startDate > window.latest)
      errors.startDate = `The award cannot start more than a year ahead: choose a date by ${formatDay(window.latest)}.`;
    else expiryDate = expiryFrom(input.startDate, content.validityMonths);
    if (input.tier && !tiers.includes(input.tier))
      errors.tier = "Choose one of the framework's tiers.";
  }
  if (input.result === "notYetAccredited" && input.mustImprove.trim().length < 5)
    errors.mustImprove = input.mustImprove.trim()
      ? "Say what must improve in a few words (at least 5 characters)."
      : "Say what must improve.";
  if (input.result === "deferred") {
    if (input.conditions.trim().length < 5)
      errors.conditions = input.conditions.trim()
        ? "State the conditions in a few words (at least 5 characters)."
        : "State the conditions.";
    if (!input.reviewDate) errors.reviewDate = "Give a review date.";
    else if (input.reviewDate <= context.today)
      errors.reviewDate = "The review date must be in the future.";
  }
  const differs =
    grantsAwards(content) &&
    context.recommended !== null &&
    context.recommended !== (input.result === "accredited");
  if (differs && input.reason.trim().length < 5)
    errors.reason = input.reason.trim()
      ? "The reason is too short: say in a few words (at least 5 characters) why this differs from the recommendation."
      : "This differs from the recommendation: give the reason.";
  if (Object.keys(errors).length) throw new InvalidFieldsError(errors);
  return {
    result: input.result,
    tier: input.result === "accredited" ? input.tier : null,
    startDate: input.result === "accredited" ? input.startDate : null,
    expiryDate,
    mustImprove: input.result === "notYetAccredited" ? input.mustImprove.trim() : "",
    conditions: input.result === "deferred" ? input.conditions.trim() : "",
    reviewDate: input.result === "deferred" ? input.reviewDate : null,
    reason: input.reason.trim(),
  };
}

/** Whether two outcomes say the same thing (a repeat of a decision, not a correction). */
export function sameOutcome(a: OutcomeFields, b: OutcomeFields): boolean {
  return (
    a.result === b.result &&
    a.tier === b.tier &&
    a.startDate === b.startDate &&
    a.mustImprove === b.mustImprove &&
    a.conditions === b.conditions &&
    a.reviewDate === b.reviewDate &&
    a.reason === b.reason
  );
}
