import { randomBytes } from "node:crypto";
import { z } from "zod";
import { JUDGEMENT_SOURCES } from "./insight/types.ts";

/**
 * Small zod pieces every command's input schema shares, so the same field is checked and
 * explained the same way everywhere.
 */
export const objectId = (message = "This link is not valid.") =>
  z.string().regex(/^[0-9a-f]{24}$/, message);

/** An id from a framework (area, criterion, level key): short, plain characters only. */
export const contentKey = (message = "Choose one of the options.") =>
  z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, message);

/** An ISO date (yyyy-mm-dd) from a date field, or null when left empty. */
export const optionalDate = (message = "Enter a date like 2027-03-31.") =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, message)
        .nullable(),
    );

/** A sequence number or id the page based a decision on (optional: missing means "current"). */
export const basedOn = () =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v))
    .pipe(
      z
        .string()
        .regex(/^[0-9a-f]{24}$|^\d{1,9}$|^none$/, "Reload the page and try again.")
        .optional(),
    );

/**
 * Whose judgement counts (trust-wide insight: the self-evaluation, the agreed one, the latest),
 * as the page that sent the form counted; the latest when the form does not say (a page from
 * before the form carried it).
 */
export const judgementSource = (message = "Choose whose judgement counts.") =>
  z
    .string({ message })
    .optional()
    .transform((v) => v || "latest")
    .pipe(z.enum(JUDGEMENT_SOURCES, { message }));

/**
 * A fresh id for one showing of a form that creates something: sent back with the form, it lets
 * the server create the thing once however many times the form arrives (double-click, retry).
 */
export function newRequestId(): string {
  return randomBytes(12).toString("hex");
}

/** The hidden field that carries a form's request id. */
export const requestId = () => z.string().regex(/^[0-9a-f]{24}$/, "Reload the page and try again.");
