import { json } from "@remix-run/node";
import type { z } from "zod";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from "../../models/errors.ts";
import { notFound } from "./auth.server.ts";
import { requireCsrf } from "./csrf.server.ts";
import type { FieldErrors } from "./forms.ts";

/**
 * What every form action answers with (useActionData): a message for the whole form, errors
 * next to fields, or what was done. `intent` says which form on the page it belongs to.
 */
export interface ActionResult {
  intent?: string;
  formError?: string | null;
  fieldErrors?: FieldErrors;
  done?: string | null;
}

export function failed(result: ActionResult, status: number): Response {
  return json<ActionResult>(
    { formError: null, fieldErrors: {}, done: null, ...result },
    { status },
  );
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * The submitted form, after the CSRF check. Anything that is not a form (JSON, plain text, a
 * broken body) is answered 400 with a message, never a 500.
 */
export async function readForm(request: Request, intent?: string): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!FORM_TYPES.test(type)) {
    throw failed({ intent, formError: "This page only accepts its own forms." }, 400);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw failed({ intent, formError: "The form did not arrive complete. Try again." }, 400);
  }
  await requireCsrf(request, form);
  return form;
}

/**
 * A form's fields as a plain object for a zod schema: the first value of each field, and every
 * value of the fields named in `lists`. Built on a null-prototype object, so a field called
 * `__proto__` or `constructor` is just a field.
 */
export function formFields(form: FormData, lists: string[] = []): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.create(null);
  for (const [key, value] of form) {
    if (lists.includes(key)) continue;
    if (!Object.hasOwn(fields, key)) fields[key] = value;
  }
  for (const key of lists) fields[key] = form.getAll(key).map(String);
  return fields;
}

/**
 * Parses a form with a command's input schema; a 400 with the first error of each field
 * otherwise. `extra` adds what the URL says (route params), which the form cannot override.
 */
export function parseInput<S extends z.ZodType>(
  form: FormData,
  schema: S,
  options: { extra?: Record<string, unknown>; lists?: string[]; intent?: string } = {},
): z.infer<S> {
  const fields = { ...formFields(form, options.lists), ...options.extra };
  const result = schema.safeParse(fields);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  throw failed({ intent: options.intent, fieldErrors, formError: null }, 400);
}

/**
 * Turns a refusal from a loader or command into the one answer for it: 404 page, or a form
 * error with 403 / 400 / 409. Anything else is a bug and is rethrown.
 */
export function refusal(error: unknown, intent?: string): Response {
  if (error instanceof Response) throw error;
  if (error instanceof NotFoundError) throw notFound();
  if (error instanceof ForbiddenError) return failed({ intent, formError: error.message }, 403);
  if (error instanceof InvalidInputError) {
    return error.field === "form"
      ? failed({ intent, formError: error.message }, 400)
      : failed({ intent, fieldErrors: { [error.field]: error.message } }, 400);
  }
  if (error instanceof ConflictError) return failed({ intent, formError: error.message }, 409);
  throw error;
}

/** Runs a command for a form action: its result, or the refusal as a response. */
export async function run<T>(command: () => Promise<T>, intent?: string): Promise<T | Response> {
  try {
    return await command();
  } catch (error) {
    return refusal(error, intent);
  }
}

/** For loaders: the loaded thing, or the 404 page (a refusal to read looks like nothing there). */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) throw notFound();
    throw error;
  }
}
