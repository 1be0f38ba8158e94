import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import {
  ID_PATTERN,
  MAX_COMMENT_LENGTH,
  MAX_QUOTE_LENGTH,
} from "../../collab/shapes/discussion.ts";
import type { Anchor, Author } from "../../collab/shapes/discussion.ts";
import { InvalidInputError } from "../../models/errors.ts";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import type { Actor } from "../../models/permissions/roles.ts";

/**
 * What the discussion commands share: the fields of their forms, and the two facts every one
 * of them stamps or checks (the author is the signed-in person; a criterion must be one of
 * the evaluation's).
 */

export const EvaluationId = z.string().min(1, "Choose an evaluation.");

const idOf = (message: string) => z.string({ error: message }).regex(ID_PATTERN, message);

/** The id the browser made for a new thread or reply (see newRequestId). */
export const RequestId = idOf("This form is missing its request id. Reload the page.");

/** The id of an existing thread or comment. */
export const RecordId = idOf("That comment is not here any more. Reload the page.");

export const Body = z
  .string({ error: "Write your comment first." })
  .trim()
  .min(1, "Write your comment first.")
  .max(
    MAX_COMMENT_LENGTH,
    `Keep a comment to ${MAX_COMMENT_LENGTH.toLocaleString("en-GB")} characters.`,
  );

export const CriterionId = z
  .string({ error: "Choose a criterion." })
  .min(1, "Choose a criterion.")
  .max(100, "That criterion is not part of this evaluation.");

export const Quote = z
  .string()
  .max(MAX_QUOTE_LENGTH * 2, "The selected passage is too long.")
  .optional()
  .transform((quote) => (quote ?? "").trim().slice(0, MAX_QUOTE_LENGTH));

// A Yjs relative position as Y.relativePositionToJSON writes it: an item (or the end of a
// type), named by its client and clock. Anything else is refused before it is stored.
const UINT = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ItemId = z.strictObject({ client: UINT, clock: UINT });
const Position = z
  .strictObject({
    type: ItemId.optional(),
    tname: z.string().min(1).max(200).optional(),
    item: ItemId.optional(),
    assoc: z.number().int().min(-1).max(1).optional(),
  })
  .refine((p) => p.item !== undefined || p.type !== undefined || p.tname !== undefined);
const AnchorShape = z.strictObject({ start: Position, end: Position });

/** Anchors come from the browser's editor as JSON; this much is plenty for two positions. */
export const MAX_ANCHOR_JSON = 1000;
const BAD_ANCHOR = "The selected passage could not be read. Select it again.";

/** The passage a thread is anchored to, sent as JSON: absent or empty for the whole criterion. */
export const AnchorJson = z
  .string()
  .max(MAX_ANCHOR_JSON, BAD_ANCHOR)
  .optional()
  .transform((text, ctx): Anchor | null => {
    if (!text) return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.issues.push({ code: "custom", message: BAD_ANCHOR, input: text });
      return z.NEVER;
    }
    const anchor = AnchorShape.safeParse(value);
    if (!anchor.success) {
      ctx.issues.push({ code: "custom", message: BAD_ANCHOR, input: text });
      return z.NEVER;
    }
    return anchor.data;
  });

/** The author of whatever the person writes: always the signed-in person, never the form. */
export function authorOf(actor: Actor): Author {
  return { userId: actor.userId, name: actor.name };
}

/** Refuses a criterion that is not one of the evaluation's (own keys only: never `__proto__`). */
export function requireCriterion(evaluation: Evaluation, criterionId: string): void {
  const criteria = new Set(Object.keys(evaluation.levelsByCriterion));
  if (!criteria.has(criterionId))
    throw new InvalidInputError("That criterion is not part of this evaluation.", "criterionId");
}

export const discussionOf = (evaluation: Evaluation) => documentName("discussion", evaluation.id);
