import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { saveAgreementDraft } from "../validation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { fieldsOf, readForm, run } from "../utils/command.server.ts";

/**
 * The validator's draft of an agreement (level and rationale, not yet recorded), saved as they
 * type in the meeting (POST only; the meeting page's loader reads it back). JSON for the page's
 * own fetch calls (app/components/meeting/use-agreement-draft.ts): 403/404 for anyone but the
 * assigned validator, 400 with the field's message for bad input. The 404 says, as JSON, why the
 * draft was not kept (a validator unassigned with the meeting open sees it beside the field),
 * without saying whether the validation exists.
 */
const NOT_YOURS = "You are not a validator of this validation, so the draft was not saved.";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request, { intent: "draft" });
  const ctx = { actor, collab: context.collab };
  const extra = { validationId: params.validationId ?? "" };
  let kept: Awaited<ReturnType<typeof saveAgreementDraft>> | Response;
  try {
    kept = await run(() => saveAgreementDraft(ctx, fieldsOf(form, { extra })), "draft");
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 404)
      return json({ intent: "draft", formError: NOT_YOURS }, { status: 404 });
    throw thrown;
  }
  if (kept instanceof Response) return kept;
  return json({
    intent: "draft",
    done: true,
    draft: kept && { updatedAt: kept.updatedAt.toISOString() },
  });
}
