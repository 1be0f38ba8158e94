import type { z } from "zod";
import { InvalidFieldsError } from "../../models/errors.ts";

/**
 * What a command is called with: fields as a form (or a test) sends them. A command checks who
 * is asking first (through a loader), and only then parses the rest, so someone who may not act
 * learns nothing from the validation messages.
 */
export type Raw<S extends z.ZodType> = Partial<z.input<S>> | Record<string, unknown>;

/** The parsed input, or InvalidFieldsError with the first problem of each field. */
export function parse<S extends z.ZodType>(schema: S, raw: Raw<S>): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  throw new InvalidFieldsError(fieldErrors);
}

/** A field's value as a string (for the id a loader looks up; a loader refuses a malformed one). */
export function idIn(raw: Record<string, unknown>, key: string): string {
  const value = raw[key];
  return typeof value === "string" ? value : "";
}
