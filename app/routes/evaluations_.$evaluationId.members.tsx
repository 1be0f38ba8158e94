import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listActionOwners } from "../components/plan/action-rows.server.ts";
import { loadEvaluation } from "../evaluation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { toPageIfOpened } from "../utils/page-open.server.ts";

/** The school's team as JSON ([{ id, name }]), for choosing who owns an action. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { evaluation } = await orNotFound(loadEvaluation(actor, params.evaluationId ?? ""));
  toPageIfOpened(request, `/evaluations/${evaluation.id}`);
  const members = await listActionOwners(evaluation.trustId, evaluation.schoolId);
  return json(members, { headers: { "Cache-Control": "private, no-store" } });
}
