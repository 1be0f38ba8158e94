import { formatDay } from "../dates.ts";
import type { AreaApplicability } from "../framework/types.ts";
import type { Calibration } from "./calibration.ts";
import type { JudgementSource } from "./types.ts";

// How trust-wide insight words what it shows, in one place so that each page, its CSV and the
// trust overview report (PDF) say the same. The aggregations (heat-map.ts, stack.ts, trends.ts)
// put these words into what they return; the pages, CSVs and report print them.
//
// When agreed judgements count, a school with nothing counted may well have judged itself: what
// is missing is an agreed judgement, and the words say so.

/** Whose judgements count, in a file's name: "Trust overview report - … - agreed judgements.pdf". */
export const SOURCE_IN_FILE_NAMES: Record<JudgementSource, string> = {
  self: "self-evaluations",
  agreed: "agreed judgements",
  latest: "latest judgements",
};

/** Where an area does not apply to a school (early years, sixth form: only where it has them). */
export const NOT_APPLICABLE = "Not applicable";

/** Where nothing counts yet for `source`: "Not judged yet", or "Not agreed yet". */
export function notYetLabel(source: JudgementSource): string {
  return source === "agreed" ? "Not agreed yet" : "Not judged yet";
}

/** Under a level that rests on some of the criteria only: "2 of 4 judged" ("2 of 4 agreed"). */
export function partlyNote(judged: number, total: number, source: JudgementSource): string | null {
  return judged < total
    ? `${judged} of ${total} ${source === "agreed" ? "agreed" : "judged"}`
    : null;
}

/**
 * Where an area does not apply to the school looking at its own place, said instead of the
 * trust's distribution: "Not compared: this area is only for schools with a sixth form."
 */
export function notApplicableHere(appliesTo: AreaApplicability | undefined): string {
  const which = appliesTo === "earlyYears" ? "early years" : "a sixth form";
  return `Not compared: this area is only for schools with ${which}.`;
}

/** "Not applicable at 1 of the 4 schools." (null: the area applies at every school). */
export function notApplicableNote(notApplicable: number, schools: number): string | null {
  if (notApplicable === 0) return null;
  if (schools === 1) return `${NOT_APPLICABLE} at the one school.`;
  return `${NOT_APPLICABLE} at ${notApplicable} of the ${schools} schools.`;
}

/**
 * Said in place of an area's chart while no school has a level in it: "No school has judged
 * Inclusion yet", or "No school has an agreed judgement for Inclusion yet" (`inCycles`: across
 * the cycles of the trends).
 */
export function nothingYetNote(
  areaTitle: string,
  source: JudgementSource,
  inCycles = false,
): string {
  const when = inCycles ? " in these cycles yet" : " yet";
  return source === "agreed"
    ? `No school has an agreed judgement for ${areaTitle}${when}: the chart appears with the first agreed judgement.`
    : `No school has judged ${areaTitle}${when}: the chart appears with the first judgement.`;
}

/** "judged", or "agreed" when agreed judgements count. */
const judgedWord = (source: JudgementSource) => (source === "agreed" ? "agreed" : "judged");

// ---- the Overlay ------------------------------------------------------------------------------

/**
 * The Overlay's Difference column for one criterion: "Not applicable" where it applies to none of
 * the evaluations, "Only one judged" ("None judged yet") where fewer than two judged it, so that
 * one judgement is never read as agreement, else "Same" or "Differs by 2 levels".
 */
export function overlayDifference(
  row: { applicable: number; judged: number; spread: number },
  source: JudgementSource,
): string {
  if (row.applicable === 0) return NOT_APPLICABLE;
  if (row.judged === 0) return `None ${judgedWord(source)} yet`;
  if (row.judged === 1) return `Only one ${judgedWord(source)}`;
  if (row.spread > 0) return `Differs by ${row.spread} ${row.spread === 1 ? "level" : "levels"}`;
  return "Same";
}

/**
 * How many criteria differ, counting only those two or more of the evaluations judged (they are
 * the ones that can differ): "1 of 8 criteria judged by two or more of these evaluations
 * differs…", "None of the 8 criteria…", with the criteria not compared said apart.
 */
export function overlaySummary(
  counts: { differing: number; comparable: number; total: number },
  source: JudgementSource,
): string {
  const { differing, comparable, total } = counts;
  const byTwo =
    source === "agreed"
      ? "agreed in two or more of these evaluations"
      : "judged by two or more of these evaluations";
  const rest = total - comparable;
  // Said only where some are compared (with none, the first sentence says it all).
  const notCompared =
    rest === 0
      ? ""
      : rest === 1
        ? ` One other criterion is not compared: fewer than two of these evaluations ${judgedWord(source)} it, or it does not apply.`
        : ` The other ${rest} criteria are not compared: fewer than two of these evaluations ${judgedWord(source)} them, or they do not apply.`;
  if (comparable === 0) return `No criterion is ${byTwo} yet, so there is nothing to compare.`;
  const criteria = comparable === 1 ? "criterion" : "criteria";
  if (differing === 0) {
    const none =
      comparable === 1
        ? `The 1 criterion ${byTwo} does not differ`
        : `None of the ${comparable} criteria ${byTwo} differ`;
    return `${none}: wherever two or more of them judged a criterion, they placed it at the same level.${notCompared}`;
  }
  return differing === 1
    ? `1 of ${comparable} ${criteria} ${byTwo} differs; it is marked “≠” in the charts and “Differs” in the tables.${notCompared}`
    : `${differing} of ${comparable} ${criteria} ${byTwo} differ; they are marked “≠” in the charts and “Differs” in the tables.${notCompared}`;
}

// ---- the Stack --------------------------------------------------------------------------------

/**
 * Under an area of the Stack, the schools whose level for the area overall rests on some of its
 * criteria only (as the heat map marks them): "1 school's level for the area rests on some of
 * its criteria only: Riverside (1 of 4 judged)." (null: none).
 */
export function stackPartlyNote(schools: { name: string; partly: string }[]): string | null {
  if (schools.length === 0) return null;
  const named = partlyNamed(schools);
  return schools.length === 1
    ? `1 school's level for the area rests on some of its criteria only: ${named}.`
    : `${schools.length} schools' levels for the area rest on some of their criteria only: ${named}.`;
}

/** The schools counted on part of an area, by name: "Riverside (1 of 4 judged), Oakfield (2 of 4 judged)". */
export function partlyNamed(schools: { name: string; partly: string }[]): string {
  return schools.map((s) => `${s.name} (${s.partly})`).join(", ");
}

/**
 * The heading of the Stack CSV's column naming, for a count of the area overall, the schools
 * counted there on some of the area's criteria only (partlyNamed).
 */
export const STACK_PARTLY_HEADING = "Counted on some of the area's criteria only";

/** Under a count of the area overall: "1 partly judged" ("1 partly agreed"). */
export function partlyCount(count: number, source: JudgementSource): string {
  return `${count} partly ${judgedWord(source)}`;
}

/**
 * What every area's chart of the Stack is measured against, the same in every area: the schools
 * in the cycle (`schools`), of which the area applies at `applicable`. Said as the chart's
 * description and the table's caption, so that a bar's length reads the same everywhere.
 */
export function stackScaleNote(schools: number, applicable: number): string {
  const all =
    schools === 1
      ? "Every bar is measured against the one school in this cycle"
      : `Every bar is measured against the ${schools} schools in this cycle, in every area`;
  const here =
    applicable === schools
      ? ""
      : applicable === 0
        ? "; this area applies at none of them"
        : `; this area applies at ${applicable} of them`;
  return `${all}${here}.`;
}

// ---- the Trends -------------------------------------------------------------------------------

/**
 * What every area's chart of the Trends is measured against, the same in every area: the most
 * schools in any one of the cycles. Said as the chart's description and the table's caption.
 */
export function trendsScaleNote(schools: number): string {
  return schools === 1
    ? "Every bar is measured against the one school of the largest cycle, in every area."
    : `Every bar is measured against the ${schools} schools of the largest cycle, in every area.`;
}

/**
 * Said in place of the charts while the framework has been sent to schools in one cycle only:
 * a trend needs two. "Trends need two cycles of this framework; this trust has one so far:
 * Self-evaluation 2026–27. Until the next cycle, here is where the schools stand in it."
 */
export function trendsNeedTwoCycles(cycleName: string): string {
  return `Trends need two cycles of this framework; this trust has one so far: ${cycleName}. Until the next cycle, here is where the schools stand in it.`;
}

// ---- centres of expertise ---------------------------------------------------------------------

/** How the judgements that count are named after "by": "by agreed judgements". */
const BY_SOURCE: Record<JudgementSource, string> = {
  self: "by the schools' self-evaluations",
  agreed: "by agreed judgements",
  latest: "by the latest judgements (agreed where there is one)",
};

/**
 * Why a school is a centre of expertise in an area, in the words of the page, the explanation
 * of a pairing and the trust overview report: "holds this award", "agreed 3 Mar 2027" (every
 * judgement counted in the area was agreed), "its self-evaluation" (none was), or "its
 * self-evaluation, partly agreed 3 Mar 2027". A centre's level rests on the whole area
 * (expertise.ts centreRank), so there is no part to speak of.
 */
export function centreBasis(centre: {
  awarded: boolean;
  agreedAt: Date | null;
  /** Of the area's judgements that counted, how many were agreed in validation. */
  agreed: number;
  counted: number;
}): string {
  if (centre.awarded) return "holds this award";
  const when = formatDay(centre.agreedAt, "short");
  if (centre.agreed > 0 && centre.agreed >= centre.counted) return `agreed ${when}`;
  if (centre.agreed === 0) return "its self-evaluation";
  return `its self-evaluation, partly agreed ${when}`;
}

/** How "judged" reads for whose judgement counts, in the centre rule. */
const JUDGED_BY: Record<JudgementSource, string> = {
  self: "judged in the school's self-evaluation",
  agreed: "agreed in validation",
  latest: "judged (agreed in validation where it has been)",
};

/**
 * The rule for a centre of expertise, named on the page (expertise.ts centreRank decides it):
 * `levels`, the levels that make a centre per scale ("Strong standard or Exceptional").
 */
export function centreRuleNote(levels: string[], source: JudgementSource): string {
  const which = levels.length ? `: ${levels.join("; ")}` : "";
  return (
    `A school is a centre of expertise in an area when every criterion of the area is ${JUDGED_BY[source]}, ` +
    `and the area's level (the lowest of them) is above the expected level and one of the two highest${which}. ` +
    "Holding the award is said beside a centre, but is not enough on its own. " +
    "A school needs support in an area when its level there is below the expected level. " +
    "Areas judged Met or Not met have no centres."
  );
}

/** Where nothing counts at all for `source` in the cycle, said in place of centres and pairings. */
function nothingCountsNote(source: JudgementSource): string {
  return source === "agreed"
    ? "Nothing has been agreed in validation in this cycle yet, so no school is a centre of expertise or needs support by agreed judgements. Choose the school's self-evaluation or the latest available under “Whose judgement counts” to work from the schools' own judgements."
    : "No school has judged itself in this cycle yet: centres of expertise and pairings appear as schools make their judgements.";
}

/**
 * Said where no pairing can be suggested, honest about whose judgement counts (`anyCounted`:
 * whether any school has a judgement that counts for `source`).
 */
export function noPairingNote(source: JudgementSource, anyCounted: boolean): string {
  if (!anyCounted) return nothingCountsNote(source);
  return `No pairing to suggest ${BY_SOURCE[source]}: either no school is below the expected level in an area, or no other school is a centre of expertise there yet.`;
}

/** Said where no school is a centre of expertise, honest about whose judgement counts. */
export function noCentreNote(source: JudgementSource, anyCounted: boolean): string {
  if (!anyCounted) return nothingCountsNote(source);
  const when =
    source === "agreed"
      ? "validation agrees on every criterion of it"
      : source === "self"
        ? "its self-evaluation judges every criterion of it"
        : "every criterion of it is judged (agreed where there is one)";
  return `No centre of expertise ${BY_SOURCE[source]} yet: a school becomes one in an area when ${when} and places it above the expected level, at one of the two highest levels.`;
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The calibration summary as sentences, each count with its noun in the right number:
 * "1 judgement compared, across 1 school.", "… 1 level apart on average."
 */
export function calibrationSentences(
  c: Pick<
    Calibration,
    "compared" | "same" | "above" | "below" | "oneLevel" | "twoOrMore" | "meanDifference"
  >,
  schools: number,
): string[] {
  const pct = (n: number) => (c.compared ? Math.round((n / c.compared) * 100) : 0);
  return [
    `${counted(c.compared, "judgement", "judgements")} compared, across ${counted(schools, "school", "schools")}.`,
    `${c.same} (${pct(c.same)}%) ${c.same === 1 ? "was" : "were"} the same as agreed.`,
    `${c.above} (${pct(c.above)}%) ${c.above === 1 ? "was" : "were"} higher than agreed, ${c.below} (${pct(c.below)}%) lower.`,
    `${c.oneLevel} differed by one level, ${c.twoOrMore} by two or more; ${counted(c.meanDifference, "level", "levels")} apart on average.`,
  ];
}
