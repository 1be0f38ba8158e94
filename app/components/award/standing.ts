/**
 * Where an award stands today. "renewalDue": current, in the last months before its expiry;
 * "superseded": replaced by a corrected outcome or by the school's next award for the same mark.
 */
export type AwardStanding = "current" | "renewalDue" | "expired" | "superseded";

export const STANDING_LABELS: Record<AwardStanding, string> = {
  current: "Current",
  renewalDue: "Renewal due",
  expired: "Expired",
  superseded: "Superseded",
};

/** What a member of the public is told: renewal timing is the trust's business, not theirs. */
export function publicStanding(standing: AwardStanding): Exclude<AwardStanding, "renewalDue"> {
  return standing === "renewalDue" ? "current" : standing;
}
