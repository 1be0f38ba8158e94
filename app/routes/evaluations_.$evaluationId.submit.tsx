import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { submitEvaluation } from "../validation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { FormRefusal, fieldsOf, readForm, run } from "../utils/command.server.ts";
import { backWithRefusal, submitFormName, wantsPage } from "../utils/no-script-refusal.server.ts";

// Where to come back to: the area that was open (an area id, never a URL).
const BackTo = z.object({
  area: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .catch(undefined),
});

/**
 * POST only: a school leader submits the evaluation for validation. The live document (its
 * durable state) is frozen as a snapshot; the team carries on editing the live one. A refusal
 * is data for the page's script; a browser posting without scripts is sent back to the
 * evaluation instead, where the message shows by the submission form.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const evaluationId = params.evaluationId ?? "";
  let area: string | undefined;
  let done: Awaited<ReturnType<typeof submitEvaluation>> | Response;
  try {
    const form = await readForm(request);
    area = BackTo.parse({ area: form.get("area") ?? undefined }).area;
    const input = fieldsOf(form, { extra: { evaluationId } });
    done = await run(() => submitEvaluation({ actor, collab: context.collab }, input));
  } catch (error) {
    if (!(error instanceof FormRefusal)) throw error;
    done = error.response;
  }
  if (done instanceof Response) {
    if (!wantsPage(request)) return done;
    const back = new URLSearchParams(area ? { area } : {});
    return backWithRefusal(
      done,
      `/evaluations/${encodeURIComponent(evaluationId)}${area ? `?${back}` : ""}`,
      submitFormName(evaluationId),
    );
  }
  const search = new URLSearchParams(area ? { area, submitted: "1" } : { submitted: "1" });
  return redirect(`/evaluations/${evaluationId}?${search}`);
}

/**
 * Submitting is an action: a GET changes nothing. A browser's GET (a reload after a refused
 * submission without scripts, a typed or bookmarked address) goes on to the evaluation page,
 * where submitting happens; anything else is told 405, and that only POST is allowed. No record
 * is read: the evaluation page decides, as ever, who may see it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (/\btext\/html\b/.test(request.headers.get("accept") ?? ""))
    throw redirect(`/evaluations/${encodeURIComponent(params.evaluationId ?? "")}`, 303);
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
