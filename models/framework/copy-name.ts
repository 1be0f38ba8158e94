import { FRAMEWORK_LIMITS } from "./schema.ts";

const PREFIX = "Copy of ";
const ELLIPSIS = "…";

/**
 * The name a copy of a framework starts with: "Copy of" and the source's name, shortened with
 * an ellipsis when both would not fit the name's limit, so the copy can be published as it is.
 * Cut at a space when one is near the end, and never inside a character outside the basic
 * plane (an emoji), since the limit counts UTF-16 units as the checks do.
 */
export function copyName(source: string, max: number = FRAMEWORK_LIMITS.name): string {
  const whole = `${PREFIX}${source}`;
  if (whole.length <= max) return whole;
  const room = max - PREFIX.length - ELLIPSIS.length;
  let cut = source.slice(0, room);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(" ");
  if (space > room * 0.8) cut = cut.slice(0, space);
  return `${PREFIX}${cut.trimEnd()}${ELLIPSIS}`;
}
