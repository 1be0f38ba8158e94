import { json } from "@remix-run/node";
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

/**
 * A form refused before any command ran (not a form, a stale CSRF token, fields that do not
 * parse). Thrown by the form helpers; every action's refusal is *returned* as its answer
 * (server/form-refusals.ts), because Remix would show a thrown response as the error page
 * instead of the message next to the field.
 */
export class FormRefusal extends Error {
  constructor(
    readonly result: ActionResult,
    readonly status: number,
  ) {
    super(result.formError ?? "The form was refused.");
    this.name = "FormRefusal";
  }

  get response(): Response {
    return failed(this.result, this.status);
  }
}
