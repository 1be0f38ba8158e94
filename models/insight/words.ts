import type { JudgementSource } from "./types.ts";

// How trust-wide insight words what it shows, in one place so that each page, its CSV and the
// trust overview report (PDF) say the same. The aggregations (heat-map.ts, stack.ts, trends.ts)
// put these words into what they return; the pages, CSVs and report print them.
//
// When agreed judgements count, a school with nothing counted may well have judged itself: what
// is missing is an agreed judgement, and the words say so.

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
