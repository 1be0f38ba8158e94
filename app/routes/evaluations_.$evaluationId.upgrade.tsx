import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { documentName } from "../../collab/document-name.ts";
import { applyVersionUpgrade } from "../../collab/shapes/evaluation.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import {
  can,
  diffVersions,
  evaluationResource,
  findEvaluationById,
  findSchoolById,
  getFrameworkVersion,
  latestVersionOf,
  moveToVersion,
  pruneJudgements,
} from "../models.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";
import { requireCsrf } from "../utils/csrf.server.ts";

export const meta: MetaFunction = () => [
  { title: "Move to the newer framework version · Quality marks" },
];

/** The evaluation, its current and newest framework versions, and what would change. */
async function plan(request: Request, evaluationId: string | undefined) {
  const actor = await requireActor(request);
  const evaluation = await findEvaluationById(evaluationId ?? "");
  const resource = evaluation && (await evaluationResource(evaluation));
  if (!evaluation || !resource || !can(actor, "read", resource)) throw notFound();
  const [current, latest, school] = await Promise.all([
    getFrameworkVersion(evaluation.trustId, evaluation.frameworkVersionId),
    latestVersionOf(evaluation.trustId, evaluation.frameworkId),
    findSchoolById(evaluation.schoolId),
  ]);
  if (!current || !latest || !school) throw notFound();
  return {
    actor,
    evaluation,
    resource,
    current,
    latest,
    school,
    diff: diffVersions(current.content, latest.content),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, evaluation, resource, current, latest, diff } = await plan(
    request,
    params.evaluationId,
  );
  return json({
    evaluation: { id: evaluation.id, title: evaluation.title },
    current: current.version,
    latest: latest.version,
    upToDate: latest.version <= current.version,
    canUpgrade: can(actor, "upgrade", resource),
    diff,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, evaluation, resource, current, latest, school, diff } = await plan(
    request,
    params.evaluationId,
  );
  await requireCsrf(request, await request.formData());
  if (!can(actor, "upgrade", resource))
    throw new Response("Only the school's leaders can change the framework version.", {
      status: 403,
    });
  if (latest.version <= current.version) throw redirect(`/evaluations/${evaluation.id}`);
  const moved = await moveToVersion(evaluation, school, latest);
  await pruneJudgements(evaluation.trustId, evaluation.id, Object.keys(moved.levelsByCriterion));
  await context.collab.change(documentName("evaluation", evaluation.id), (doc) =>
    applyVersionUpgrade(doc, {
      frameworkVersionId: latest.id,
      criterionIds: Object.keys(moved.levelsByCriterion),
      clearJudgementsOf: [...diff.removed, ...diff.reworded].map((c) => c.id),
    }),
  );
  throw redirect(`/evaluations/${evaluation.id}`);
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
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/evaluations/${data.evaluation.id}`}>{data.evaluation.title}</Link> /
      </p>
      <h1>
        Move from v{data.current} to v{data.latest}
      </h1>
      {data.upToDate ? (
        <p>This evaluation already uses the newest version.</p>
      ) : (
        <>
          <p className="lede">
            Judgements, narrative and evidence of the {data.diff.unchanged.length} unchanged
            criteria carry over. Reworded criteria keep their narrative and evidence, but their
            judgement is cleared for a fresh look. Removed criteria leave the evaluation.
          </p>
          <ChangeList title="Added" items={data.diff.added} empty="No criteria added." />
          <ChangeList title="Reworded" items={data.diff.reworded} empty="No criteria reworded." />
          <ChangeList title="Removed" items={data.diff.removed} empty="No criteria removed." />
          {data.canUpgrade ? (
            <Form method="post">
              <CsrfInput />
              <button type="submit" className="button" disabled={busy}>
                {busy ? "Moving…" : `Move to v${data.latest}`}
              </button>
            </Form>
          ) : (
            <p className="notice">
              Only the school's leaders can move the evaluation to the new version.
            </p>
          )}
        </>
      )}
    </div>
  );
}
