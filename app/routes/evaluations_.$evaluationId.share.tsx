import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatMoment } from "../../models/dates.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField } from "../components/field.tsx";
import { requireActor } from "../utils/auth.server.ts";
import {
  failed,
  fieldsOf,
  orNotFound,
  readForm,
  run,
  type ActionResult,
} from "../utils/command.server.ts";
import { shareCriterion, sharePageData, withdrawShare } from "../workspace.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Share ${data?.criterion.code ?? "a criterion"} to a workspace · Quality marks` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const criterionId = new URL(request.url).searchParams.get("criterion") ?? "";
  return json(
    await orNotFound(sharePageData(actor, context.collab, params.evaluationId ?? "", criterionId)),
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ctx = { actor, collab: context.collab };
  const evaluationId = params.evaluationId ?? "";
  if (intent === "share") {
    const criterionId = new URL(request.url).searchParams.get("criterion") ?? "";
    const done = await run(
      () =>
        shareCriterion(
          ctx,
          fieldsOf(form, { extra: { evaluationId, criterionId }, lists: ["evidenceIds"] }),
        ),
      intent,
    );
    return done instanceof Response
      ? done
      : json<ActionResult>({
          intent,
          done: "Shared: the workspace now has a copy of this criterion as it is now.",
        });
  }
  if (intent === "withdraw") {
    const done = await run(() => withdrawShare(ctx, fieldsOf(form)), intent);
    return done instanceof Response ? done : json<ActionResult>({ intent, done: "Withdrawn." });
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}

/**
 * Shares one criterion of the school's evaluation to a joint workspace: a read-only copy of its
 * narrative and the chosen evidence, stamped with the school, the person and the date.
 */
export default function ShareCriterionPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.intent === "share" ? (result.fieldErrors ?? {}) : {};
  const back = `/evaluations/${data.evaluation.id}?criterion=${encodeURIComponent(data.criterion.id)}`;
  return (
    <div className="page">
      <Breadcrumbs trail={[{ label: data.evaluation.title, to: back }]} />
      <h1>{`Share ${data.criterion.code} to a workspace`}</h1>
      <p className="lede">{data.criterion.statement}</p>
      {result?.done ? (
        <p role="status" className="notice">
          {result.done}
        </p>
      ) : null}
      <FormError message={result?.formError} />
      {data.workspaces.length === 0 ? (
        <p className="muted">
          You are not a member of a joint workspace your school takes part in.{" "}
          <Link to="/workspaces">See joint workspaces</Link>.
        </p>
      ) : (
        <Form method="post" className="panel stack" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="share" />
          <p className="hint">
            The other schools see a copy of the narrative and the evidence you choose, as they are
            now: later edits to your evaluation do not change it. You can withdraw it.
          </p>
          <SelectField label="Workspace" name="workspaceId" error={errors.workspaceId}>
            {data.workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.title}
              </option>
            ))}
          </SelectField>
          <fieldset aria-describedby={errors.evidenceIds ? "evidence-error" : undefined}>
            <legend>Evidence to include</legend>
            {data.evidence.length === 0 ? (
              <p className="muted">
                This criterion has no evidence items: the narrative is shared.
              </p>
            ) : (
              data.evidence.map((e) => (
                <label key={e.id} className="checkbox">
                  <input type="checkbox" name="evidenceIds" value={e.id} /> {e.title}
                </label>
              ))
            )}
            {errors.evidenceIds ? (
              <p className="field-error" id="evidence-error">
                {errors.evidenceIds}
              </p>
            ) : null}
          </fieldset>
          <button className="button" disabled={busy}>
            Share to the workspace
          </button>
        </Form>
      )}
      <section aria-labelledby="shared-heading" className="stack">
        <h2 id="shared-heading">Shared now</h2>
        {data.shares.length === 0 ? (
          <p className="muted">This criterion is not shared anywhere.</p>
        ) : (
          <ul>
            {data.shares.map((s) => (
              <li key={s.id}>
                <Link to={`/workspaces/${s.workspaceId}`}>{s.workspaceTitle}</Link>
                {` · ${formatMoment(s.sharedAt)} `}
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="workspaceId" value={s.workspaceId} />
                  <input type="hidden" name="shareId" value={s.id} />
                  <button className="button button-secondary button-small" disabled={busy}>
                    Withdraw
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
