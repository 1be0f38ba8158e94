import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError } from "../components/field.tsx";
import { can, upgradeEvaluation, upgradePlan, versionMoveWait } from "../evaluation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { fieldsOf, orNotFound, readForm, run, type ActionResult } from "../utils/command.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const meta: MetaFunction = () => [
  { title: "Move to the newer framework version · Quality marks" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { evaluation, resource, current, latest, diff } = await orNotFound(
    upgradePlan({ actor, collab: context.collab }, params.evaluationId ?? ""),
  );
  return json({
    evaluation: { id: evaluation.id, title: evaluation.title },
    current: current.version,
    latest: latest.version,
    latestId: latest.id,
    upToDate: latest.version <= current.version,
    canUpgrade: can(actor, "upgrade", resource),
    // Why it cannot move now (being validated, ADR 071), said instead of a button that fails.
    waits: versionMoveWait(evaluation.status, latest.version),
    diff,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const evaluationId = params.evaluationId ?? "";
  const done = await run(() =>
    upgradeEvaluation(
      { actor, collab: context.collab },
      fieldsOf(form, { extra: { evaluationId } }),
    ),
  );
  if (done instanceof Response) return done;
  throw redirect(`/evaluations/${evaluationId}`);
}

function ChangeList({
  title,
  items,
  empty,
}: {
  title: string;
  items: { id: string; code: string; statement: string; before?: string }[];
  empty: string;
}) {
  return (
    <section aria-labelledby={`${title}-heading`}>
      <h2 id={`${title}-heading`}>{`${title} (${items.length})`}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list">
          {items.map((c) => (
            <li key={c.id}>
              <strong>{c.code}</strong> {c.statement}
              {c.before && c.before !== c.statement ? (
                <p className="muted">Was: {c.before}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function UpgradePreview() {
  const data = useLoaderData<typeof loader>();
  const refused = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page">
      <Breadcrumbs
        trail={[{ label: data.evaluation.title, to: `/evaluations/${data.evaluation.id}` }]}
      />
      <h1>
        {data.upToDate
          ? `Framework version v${data.current}`
          : `Move from v${data.current} to v${data.latest}`}
      </h1>
      {data.upToDate ? (
        <p>
          This evaluation already uses the newest version. When the trust publishes a newer one,
          this page shows what would change before anyone moves to it.
        </p>
      ) : (
        <>
          {data.canUpgrade && data.waits ? (
            <p className="notice" role="note">
              {data.waits} Until then, the validation works on the version the school submitted.
            </p>
          ) : null}
          <p className="lede">
            Judgements, narrative and evidence of the {data.diff.unchanged.length} unchanged
            criteria carry over. Reworded criteria keep their narrative and evidence, but their
            judgement is cleared for a fresh look. Removed criteria leave the evaluation.
          </p>
          <ChangeList title="Added" items={data.diff.added} empty="No criteria added." />
          <ChangeList title="Reworded" items={data.diff.reworded} empty="No criteria reworded." />
          <ChangeList title="Removed" items={data.diff.removed} empty="No criteria removed." />
          {!data.canUpgrade ? (
            <p className="notice">
              Only the school's leaders can move the evaluation to the new version.
            </p>
          ) : data.waits ? null : (
            <Form method="post">
              <FormError message={refused?.formError} />
              <CsrfInput />
              <input type="hidden" name="versionId" value={data.latestId} />
              <button type="submit" className="button" disabled={busy}>
                {busy ? "Moving…" : `Move to v${data.latest}`}
              </button>
            </Form>
          )}
        </>
      )}
    </div>
  );
}
