import {
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import {
  ConflictError,
  ForbiddenError,
  InvalidFieldsError,
  InvalidInputError,
  NotFoundError,
} from "../../models/errors.ts";
import { notFound } from "./auth.server.ts";
import { requireCsrf } from "./csrf.server.ts";
import { FormRefusal, failed, type ActionResult } from "./form-refusal.server.ts";

import type { z } from "zod";
import type { FieldErrors } from "./forms.ts";

export { FormRefusal, failed, type ActionResult };

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * The submitted form, after the CSRF check. Anything that is not a form (JSON, plain text, a
 * broken body) is answered 400 with a message, never a 500. A form with a file is read into
 * memory only up to `maxFileBytes` (413 beyond).
 */
export async function readForm(
  request: Request,
  options: { intent?: string; maxFileBytes?: number } = {},
): Promise<FormData> {
  const { intent, maxFileBytes } = options;
  const type = request.headers.get("content-type") ?? "";
  if (!FORM_TYPES.test(type)) {
    throw new FormRefusal({ intent, formError: "This page only accepts its own forms." }, 400);
  }
  let form: FormData;
  try {
    form =
      maxFileBytes && /^multipart\/form-data/i.test(type)
        ? await unstable_parseMultipartFormData(
            request,
            unstable_createMemoryUploadHandler({ maxPartSize: maxFileBytes }),
          )
        : await request.formData();
  } catch (error) {
    const tooLarge =
      error instanceof Error && /exceeded|too large|maxPartSize/i.test(error.message);
    throw new FormRefusal(
      {
        intent,
        formError: tooLarge
          ? `The file is larger than ${Math.round((maxFileBytes ?? 0) / 1024 / 1024)} MB.`
          : "The form did not arrive complete. Try again.",
      },
      tooLarge ? 413 : 400,
    );
  }
  await requireCsrf(request, form);
  return form;
}

/**
 * A form's fields as a plain object for a command: the first value of each field, every value
 * of the fields named in `lists`, and `extra` (what the URL says: route params), which the form
 * cannot override. Built on a null-prototype object, so a field called `__proto__` or
 * `constructor` is just a field.
 */
export function fieldsOf(
  form: FormData,
  options: { extra?: Record<string, unknown>; lists?: string[] } = {},
): Record<string, unknown> {
  const lists = options.lists ?? [];
  const fields: Record<string, unknown> = Object.create(null);
  for (const [key, value] of form) {
    if (lists.includes(key)) continue;
    if (!Object.hasOwn(fields, key)) fields[key] = value;
  }
  for (const key of lists) fields[key] = form.getAll(key).map(String);
  return Object.assign(fields, options.extra);
}

/**
 * Parses a form with a schema before anything else, answering 400 with the first error of each
 * field otherwise. Only for forms that come before there is anyone to check (signing in, the
 * second step of signing in); commands on someone's behalf parse after their loader has checked
 * who is asking (server/commands/input.ts).
 */
export function parseInput<S extends z.ZodType>(
  form: FormData,
  schema: S,
  options: { extra?: Record<string, unknown>; lists?: string[]; intent?: string } = {},
): z.infer<S> {
  const result = schema.safeParse(fieldsOf(form, options));
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  throw new FormRefusal({ intent: options.intent, fieldErrors, formError: null }, 400);
}

/**
 * Turns a refusal from a loader or command into the one answer for it: 404 page, or a form
 * error with 403 / 400 / 409. Anything else is a bug and is rethrown.
 */
export function refusal(error: unknown, intent?: string): Response {
  if (error instanceof FormRefusal) return error.response;
  if (error instanceof Response) throw error;
  if (error instanceof NotFoundError) throw notFound();
  if (error instanceof ForbiddenError) return failed({ intent, formError: error.message }, 403);
  if (error instanceof InvalidFieldsError) {
    const { form, ...fieldErrors } = error.fieldErrors;
    return failed({ intent, formError: form ?? null, fieldErrors }, 400);
  }
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
