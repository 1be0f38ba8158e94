/**
 * The validation record as an append-only list of entries, and what it currently says. A
 * correction is a new entry; nothing is ever edited, so the history stays visible.
 */
/** "validated" is the outcome of a self-evaluation framework, which has no award to give. */
export type OutcomeResult = "accredited" | "notYetAccredited" | "deferred" | "validated";

export type RecordEntry =
  | {
      seq: number;
      kind: "agreed";
      criterionId: string;
      level: string;
      rationale: string;
      by: string;
      at: string;
    }
  | {
      seq: number;
      kind: "confirmed";
      criterionId: string;
      agreedSeq: number;
      by: string;
      at: string;
    }
  | {
      seq: number;
      kind: "outcome";
      result: OutcomeResult;
      tier: string | null;
      startDate: string | null;
      expiryDate: string | null;
      mustImprove: string;
      conditions: string;
      reviewDate: string | null;
      reason: string;
      by: string;
      at: string;
    };

export interface AgreedJudgement {
  criterionId: string;
  level: string;
  rationale: string;
  agreedSeq: number;
  agreedBy: string;
  /** When it was agreed (ISO). */
  agreedAt: string;
  /** Confirmed by the school's leader (for this very agreement, not an earlier one). */
  confirmedBy: string | null;
  /** When it was confirmed (ISO), so people read "Confirmed by Sam Taylor, 14:05". */
  confirmedAt: string | null;
  /** Earlier agreements on the same criterion, oldest first. */
  history: { level: string; rationale: string; seq: number }[];
}

export interface RecordState {
  agreed: Record<string, AgreedJudgement>;
  outcome: Extract<RecordEntry, { kind: "outcome" }> | null;
  /** Earlier outcomes, corrected by later ones. */
  outcomeHistory: Extract<RecordEntry, { kind: "outcome" }>[];
}

export function recordState(entries: RecordEntry[]): RecordState {
  const state: RecordState = { agreed: {}, outcome: null, outcomeHistory: [] };
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (entry.kind === "agreed") {
      const previous = state.agreed[entry.criterionId];
      state.agreed[entry.criterionId] = {
        criterionId: entry.criterionId,
        level: entry.level,
        rationale: entry.rationale,
        agreedSeq: entry.seq,
        agreedBy: entry.by,
        agreedAt: entry.at,
        confirmedBy: null,
        confirmedAt: null,
        history: previous
          ? [
              ...previous.history,
              { level: previous.level, rationale: previous.rationale, seq: previous.agreedSeq },
            ]
          : [],
      };
    } else if (entry.kind === "confirmed") {
      const agreed = state.agreed[entry.criterionId];
      if (agreed && agreed.agreedSeq === entry.agreedSeq && !agreed.confirmedBy) {
        agreed.confirmedBy = entry.by;
        agreed.confirmedAt = entry.at;
      }
    } else {
      if (state.outcome) state.outcomeHistory.push(state.outcome);
      state.outcome = entry;
    }
  }
  return state;
}

/** The agreed judgements as a plain map, for the accreditation rule. Only confirmed ones count. */
export function confirmedJudgements(state: RecordState): Record<string, string> {
  return Object.fromEntries(
    Object.values(state.agreed)
      .filter((a) => a.confirmedBy)
      .map((a) => [a.criterionId, a.level]),
  );
}

/**
 * Why a criterion has no confirmed agreed judgement, in the words the recommendation uses where
 * it would say "not judged": the school may well have judged it, but the meeting has not agreed
 * it yet, or the school has not confirmed the agreement yet.
 */
export function whyNotConfirmed(state: RecordState): (criterionId: string) => string {
  return (criterionId) =>
    state.agreed[criterionId] ? "agreed but not confirmed by the school yet" : "not agreed yet";
}

/** The award's expiry: `months` after the start date (same day of the month, clamped). */
export function expiryFrom(startDate: string, months: number): string {
  const [y, m, d] = startDate.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
