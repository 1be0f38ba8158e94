import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { startRenewal } from "../validation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { fieldsOf, readForm, run } from "../utils/command.server.ts";

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
  const form = await readForm(request);
  const input = fieldsOf(form, { extra: { awardId: params.awardId ?? "" } });
  const done = await run(() => startRenewal({ actor, collab: context.collab }, input));
  if (done instanceof Response) return done;
  throw redirect(`/evaluations/${done.evaluationId}`);
}
