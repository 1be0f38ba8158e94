import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { findReadableAward, mayRenew, RenewalError, startRenewal } from "../award.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";
import { requireCsrf } from "../utils/csrf.server.ts";

/** Nothing to show here: the button lives on the certificate page and the register. */
export async function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/awards/${params.awardId ?? ""}/certificate`);
}

/**
 * "Start renewal" (the school's leaders, the trust's admins): a new evaluation against the
 * framework's latest version, pre-filled from the one that earned the award; then open it.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  await requireCsrf(request, await request.formData());
  const award = await findReadableAward(actor, params.awardId ?? "");
  if (!award) throw notFound();
  if (!mayRenew(actor, award))
    throw new Response("Only the school's leaders and the trust's admins can start a renewal.", {
      status: 403,
    });
  if (award.superseded)
    throw new Response("This award has been superseded: renew from the later one.", {
      status: 409,
    });
  const renewal = await startRenewal(award, actor, context.collab).catch((error: unknown) => {
    throw error instanceof RenewalError ? new Response(error.message, { status: 409 }) : error;
  });
  throw redirect(`/evaluations/${renewal.evaluationId}`);
}
