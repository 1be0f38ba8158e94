import { createHash } from "node:crypto";
import type { FrameworkContent } from "./types.ts";

/**
 * Framework content as the database keeps it (no undefined fields), in one text: each object's
 * keys in sorted order, so two contents are the same exactly when their texts are.
 */
function storedText(content: FrameworkContent): string {
  return JSON.stringify(content, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : value,
  );
}

/**
 * True when a draft's content is exactly what a published version holds: publishing it would
 * make no new version, and the frameworks list says the draft matches that version.
 */
export function sameContent(a: FrameworkContent, b: FrameworkContent): boolean {
  return storedText(a) === storedText(b);
}

/**
 * A short fingerprint of some content: two contents have the same fingerprint exactly when
 * `sameContent` says they are the same. Recorded for each stored draft and each newest version,
 * so the frameworks list compares drafts with versions without reading either (ADR 069).
 */
export function contentFingerprint(content: FrameworkContent): string {
  return createHash("sha256").update(storedText(content)).digest("base64url");
}
