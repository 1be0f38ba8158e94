/**
 * Pure helpers for binding a plain <input>/<textarea> to a Y.Text: turn "the field now reads X"
 * into the smallest edit, and carry a caret across someone else's edit.
 */

/** One contiguous edit: delete `remove` characters at `index`, then insert `insert` there. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept), or
 * null when they are equal. `caret` is where the caret sits in `after` once the person's edit
 * is done: when the edit is ambiguous (typing "a" into "aa"), it places the change at the
 * caret, which is where the person made it, so a concurrent edit nearby merges where they
 * expect. An edit never splits a surrogate pair (an emoji stays whole).
 */
export function diffText(before: string, after: string, caret?: number | null): TextChange | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);

  let prefix = 0;
  let suffix = 0;
  const samePrefix = (n: number) => before.charCodeAt(n) === after.charCodeAt(n);
  const sameSuffix = (n: number) =>
    before.charCodeAt(before.length - 1 - n) === after.charCodeAt(after.length - 1 - n);
  if (caret == null) {
    while (prefix < shorter && samePrefix(prefix)) prefix++;
    while (suffix < shorter - prefix && sameSuffix(suffix)) suffix++;
  } else {
    // What is right of the caret is what the person kept, so the suffix may not reach past it.
    const suffixLimit = Math.max(0, Math.min(shorter, after.length - caret));
    while (suffix < suffixLimit && sameSuffix(suffix)) suffix++;
    while (prefix < shorter - suffix && samePrefix(prefix)) prefix++;
  }

  // Keep surrogate pairs together: never end the prefix after half of one…
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  // …nor start the suffix with the second half of one.
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;

  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** A Y.Text delta, as Yjs reports it in a YTextEvent (only the parts that move a caret). */
export type TextDelta = { retain?: number; insert?: unknown; delete?: number }[];

function insertLength(insert: unknown): number {
  return typeof insert === "string" ? insert.length : insert === undefined ? 0 : 1;
}

/**
 * Where an offset ends up after someone else's edit (`delta`). Text inserted before the offset
 * pushes it right, text deleted before it pulls it left; an insertion exactly at the offset
 * leaves it where it is (the other person's text appears after the caret).
 */
export function transformOffset(offset: number, delta: TextDelta): number {
  let position = 0;
  let result = offset;
  for (const op of delta) {
    if (position > offset) break;
    if (op.retain !== undefined) {
      position += op.retain;
    } else if (op.insert !== undefined) {
      // Retains and deletes count in the old text; an insertion does not move along it.
      if (position < offset) result += insertLength(op.insert);
    } else if (op.delete !== undefined) {
      if (position < offset) result -= Math.min(op.delete, offset - position);
      position += op.delete;
    }
  }
  return Math.max(0, result);
}
