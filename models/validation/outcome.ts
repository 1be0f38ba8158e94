import { InvalidInputError } from "../errors.ts";
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

/**
 * The outcome as it will be recorded, or an InvalidInputError naming the field to fix.
 * Accredited needs a start date (the expiry follows from the framework's validity); not yet
 * accredited needs what must improve; deferred needs conditions and a review date after today
 * (the school is looked at again then: a date already passed is a slip); a reason is required
 * where the result differs from the framework's recommendation. `today` is today's date in
 * England (YYYY-MM-DD).
 */
export function checkOutcome(
  input: OutcomeInput,
  context: { content: FrameworkContent; recommended: boolean | null; today: string },
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
  const tiers = (content.awardTiers ?? []).map((t) => t.name);
  let expiryDate: string | null = null;
  if (input.result === "accredited") {
    if (!input.startDate)
      throw new InvalidInputError("Give the date the award starts.", "startDate");
    if (input.tier && !tiers.includes(input.tier))
      throw new InvalidInputError("Choose one of the framework's tiers.", "tier");
    expiryDate = expiryFrom(input.startDate, content.validityMonths);
  }
  if (input.result === "notYetAccredited" && input.mustImprove.trim().length < 5)
    throw new InvalidInputError("Say what must improve.", "mustImprove");
  if (input.result === "deferred") {
    if (input.conditions.trim().length < 5)
      throw new InvalidInputError("State the conditions.", "conditions");
    if (!input.reviewDate) throw new InvalidInputError("Give a review date.", "reviewDate");
    // Both are YYYY-MM-DD, so comparing the strings compares the days.
    if (input.reviewDate <= context.today)
      throw new InvalidInputError("The review date must be in the future.", "reviewDate");
  }
  const differs =
    grantsAwards(content) &&
    context.recommended !== null &&
    context.recommended !== (input.result === "accredited");
  if (differs && input.reason.trim().length < 5)
    throw new InvalidInputError("This differs from the recommendation: give the reason.", "reason");
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
