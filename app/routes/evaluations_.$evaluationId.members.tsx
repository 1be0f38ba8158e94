import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listActionOwners } from "../components/plan/action-rows.server.ts";
import { can, evaluationResource, findEvaluationById } from "../models.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";

/** The school's team as JSON ([{ id, name }]), for choosing who owns an action. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const evaluation = await findEvaluationById(params.evaluationId ?? "");
  if (!evaluation || !can(actor, "read", await evaluationResource(evaluation))) throw notFound();
  const members = await listActionOwners(evaluation.trustId, evaluation.schoolId);
  return json(members, { headers: { "Cache-Control": "private, no-store" } });
}
