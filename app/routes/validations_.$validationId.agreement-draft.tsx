import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { saveAgreementDraft } from "../validation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { fieldsOf, readForm, run } from "../utils/command.server.ts";

/**
 * The validator's draft of an agreement (level and rationale, not yet recorded), saved as they
 * type in the meeting (POST only; the meeting page's loader reads it back). JSON for the page's
 * own fetch calls (app/components/meeting/use-agreement-draft.ts): 403/404 for anyone but the
 * assigned validator, 400 with the field's message for bad input.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request, { intent: "draft" });
  const ctx = { actor, collab: context.collab };
  const extra = { validationId: params.validationId ?? "" };
  const kept = await run(() => saveAgreementDraft(ctx, fieldsOf(form, { extra })), "draft");
  if (kept instanceof Response) return kept;
  return json({
    intent: "draft",
    done: true,
    draft: kept && { updatedAt: kept.updatedAt.toISOString() },
  });
}
