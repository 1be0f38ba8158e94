import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { previewRenewal } from "../award.server.ts";
import { RenewForm } from "../components/award/renew-form.tsx";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { startRenewal } from "../validation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { fieldsOf, orNotFound, readForm, run } from "../utils/command.server.ts";

export const meta: MetaFunction = () => [{ title: "Start a renewal · Quality marks" }];

/**
 * The confirmation before a renewal starts: what it makes (its title, on which version, in
 * progress) and what it copies from the evaluation that earned the award. Or, once started, where
 * it is. Only for those who may renew.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const preview = await orNotFound(previewRenewal(actor, params.awardId ?? ""));
  return json(preview, { headers: { "Cache-Control": "private, no-store" } });
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

const criteria = (n: number) => `${n} ${n === 1 ? "criterion" : "criteria"}`;

export default function StartRenewalPage() {
  const { awardId, started, plan } = useLoaderData<typeof loader>();
  const certificate = `/awards/${awardId}/certificate`;
  return (
    <div className="page">
      <Breadcrumbs trail={[{ label: "Certificate", to: certificate }]} />
      <h1>Start a renewal</h1>
      {started ? (
        <p>
          The renewal of this award has already started:{" "}
          <Link to={`/evaluations/${started.id}`}>{started.title}</Link>.
        </p>
      ) : plan ? (
        <section className="panel stack renewal-confirmation" aria-labelledby="renewal-makes">
          <h2 id="renewal-makes">{`This creates “${plan.title}”`}</h2>
          <p>
            {`A new evaluation for ${plan.school} against version ${plan.version} of ${plan.mark}, in progress from today. It cannot be undone: once started, the renewal stays (starting it again opens this one).`}
          </p>
          {plan.from ? (
            <>
              <p>{`It starts from “${plan.from.title}”, the evaluation that earned this award:`}</p>
              <ul>
                <li>
                  {plan.agreedCount > 0
                    ? `judgements: the one agreed in validation for ${criteria(plan.agreedCount)}, the school's own for any other;`
                    : "judgements: the school's own (none was agreed in validation);"}
                </li>
                <li>narrative and evidence notes, forces and actions.</li>
              </ul>
              <p className="muted">
                Criteria reworded since keep their text but wait for a fresh judgement; criteria no
                longer in the framework are left out.
              </p>
            </>
          ) : (
            <p>
              {
                "It starts empty: the evaluation that earned this award is no longer available to copy from."
              }
            </p>
          )}
          <RenewForm awardId={awardId} cancelTo={certificate} />
        </section>
      ) : null}
    </div>
  );
}
