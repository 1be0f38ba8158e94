import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import * as Y from "yjs";
import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { readJudgements } from "../../collab/shapes/evaluation.ts";
import { NotSubmittableError, readPlan, submitEvaluation } from "../history.server.ts";
import { can, findEvaluationById } from "../models.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";
import { requireCsrf } from "../utils/csrf.server.ts";

// Where to come back to: the area that was open (an area id, never a URL).
const backTo = z.object({
  area: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .catch(undefined),
});

/**
 * POST only: a school leader submits the evaluation for validation. The live document (its
 * durable state) is frozen as a snapshot; the team carries on editing the live one.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  await requireCsrf(request, form);
  const { area } = backTo.parse({ area: form.get("area") ?? undefined });
  const evaluation = await findEvaluationById(params.evaluationId ?? "");
  const resource = evaluation && {
    type: "evaluation" as const,
    trustId: evaluation.trustId,
    schoolId: evaluation.schoolId,
    validatorIds: evaluation.validatorIds,
  };
  if (!evaluation || !resource || !can(actor, "read", resource)) throw notFound();
  if (!can(actor, "submit", resource)) {
    return json(
      { formError: "Only the school's leaders can submit this evaluation for validation." },
      { status: 403 },
    );
  }
  const doc = await context.collab.read(documentName("evaluation", evaluation.id));
  try {
    await submitEvaluation(evaluation, {
      state: Y.encodeStateAsUpdate(doc),
      judgements: readJudgements(doc),
      plan: readPlan(doc),
      submittedBy: actor.userId,
    });
  } catch (error) {
    if (error instanceof NotSubmittableError)
      return json({ formError: error.message }, { status: 409 });
    throw error;
  } finally {
    doc.destroy();
  }
  const search = new URLSearchParams(area ? { area, submitted: "1" } : { submitted: "1" });
  return redirect(`/evaluations/${evaluation.id}?${search}`);
}

export async function loader() {
  // Submitting is an action: there is nothing to show here.
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
