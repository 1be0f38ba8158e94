import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/**
 * Parses a submitted form with a zod schema: either the typed data, or the first error of each
 * field keyed by field name, to show next to that field.
 */
export function parseForm<S extends z.ZodType>(
  form: FormData,
  schema: S,
): { data: z.infer<S>; errors: null } | { data: null; errors: FieldErrors } {
  const raw: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of form) if (!(key in raw)) raw[key] = value;
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { data: null, errors };
}
