import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { ForbiddenError, NotFoundError } from "../../models/errors.ts";
import { loadEvaluation } from "../../models/permissions/loaders.ts";
import { apiActor, apiRefusal } from "../utils/access-token.server.ts";

/**
 * The read API (ADR 019): one evaluation's projection (judgements, counts, the plan's totals)
 * as JSON, for a personal access token (`Authorization: Bearer`) or a signed-in session. Loaded
 * and checked like the page; "not there" and "not yours" are both 404.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await apiActor(request, context.clientAddress);
  if (actor instanceof Response) return actor;
  try {
    const { evaluation } = await loadEvaluation(actor, params.evaluationId ?? "");
    return json(
      {
        id: evaluation.id,
        title: evaluation.title,
        status: evaluation.status,
        trustId: evaluation.trustId,
        schoolId: evaluation.schoolId,
        frameworkVersionId: evaluation.frameworkVersionId,
        dueDate: evaluation.dueDate,
        document: `evaluation.${evaluation.id}`,
        projection: evaluation.projection,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      return apiRefusal(404, "Not found");
    }
    throw error;
  }
}
