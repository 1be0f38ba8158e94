import { isDeepStrictEqual } from "node:util";
import type { FrameworkContent } from "./types.ts";

// Compared as stored: the database keeps no undefined fields.
const asStored = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/**
 * True when a draft's content is exactly what a published version holds: publishing it would
 * make no new version, and the frameworks list says the draft matches that version.
 */
export function sameContent(a: FrameworkContent, b: FrameworkContent): boolean {
  return isDeepStrictEqual(asStored(a), asStored(b));
}
