import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { awardsOfSchool, todayInEngland } from "../award.server.ts";
import { AwardList } from "../components/award/award-list.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField, TextField } from "../components/field.tsx";
import { Progress } from "../components/progress.tsx";
import {
  can,
  listCycles,
  listEvaluationsOfSchool,
  progressOf,
  CYCLE_STATUS_LABELS,
  listLatestFrameworkVersions,
  loadSchool,
  newRequestId,
  startEvaluation,
} from "../school.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound, fieldsOf, readForm, run, type ActionResult } from "../utils/command.server.ts";
import { formatDay, formatMoment } from "../../models/dates.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.school.name ?? "School"} · Quality marks` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { school, resource } = await orNotFound(loadSchool(actor, params.schoolId ?? ""));
  const [evaluations, frameworks, cycles, awards] = await Promise.all([
    listEvaluationsOfSchool(school.trustId, school.id),
    listLatestFrameworkVersions(school.trustId),
    listCycles(school.trustId),
    awardsOfSchool(actor, school, todayInEngland()),
  ]);
  const cycleName = new Map(cycles.map((c) => [c.id, c.name]));
  const frameworkName = new Map(frameworks.map((f) => [f.frameworkId, f.content.name]));
  return json({
    school: { id: school.id, name: school.name },
    awards,
    canStart: can(actor, "startEvaluation", resource),
    requestId: newRequestId(),
    frameworks: frameworks.map((f) => ({ id: f.id, name: `${f.content.name} (v${f.version})` })),
    evaluations: evaluations.map((e) => ({
      id: e.id,
      title: e.title,
      framework: frameworkName.get(e.frameworkId) ?? "",
      cycle: e.cycleId ? (cycleName.get(e.cycleId) ?? null) : null,
      dueDate: e.dueDate?.toISOString() ?? null,
      overdue: progressOf(e).overdue,
      status: CYCLE_STATUS_LABELS[progressOf(e).status],
      judged: e.projection.judgedCount,
      total: e.projection.criteriaCount,
      createdAt: e.createdAt.toISOString(),
      // The team's last change (null: nobody has changed anything yet). Not when the record was
      // last written: that happens when someone only looks at the evaluation (ADR 053).
      lastSavedAt: e.projection.lastActivityAt?.toISOString() ?? null,
    })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const input = fieldsOf(form, {
    extra: { schoolId: params.schoolId ?? "" },
  });
  const done = await run(() => startEvaluation({ actor, collab: context.collab }, input));
  if (done instanceof Response) return done;
  throw redirect(`/evaluations/${done.evaluation.id}`);
}

export default function SchoolPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const submitting = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  return (
    <div className="page">
      <Breadcrumbs trail={[{ label: "Schools", to: "/home" }]} />
      <h1>{data.school.name}</h1>
      <section aria-labelledby="evaluations-heading">
        <h2 id="evaluations-heading">Self-evaluations</h2>
        {data.evaluations.length === 0 ? (
          <p className="muted empty-state">
            {data.canStart
              ? "No self-evaluations yet. Start one below, or wait for the trust to send one in a cycle."
              : "No self-evaluations yet. The school's leaders start them, or the trust sends one in a cycle."}
          </p>
        ) : (
          <ul className="card-list">
            {data.evaluations.map((e) => (
              <li key={e.id} className="card">
                <h3>
                  <Link to={`/evaluations/${e.id}`}>{e.title}</Link>
                </h3>
                <p className="muted">
                  {e.framework}
                  {e.cycle ? ` · distributed by the trust in “${e.cycle}”` : ""}
                </p>
                {e.dueDate ? (
                  <p className={e.overdue ? "overdue-flag" : undefined}>
                    Due {formatDay(e.dueDate)}
                    {e.overdue ? " · Overdue" : ""}
                  </p>
                ) : null}
                <p>
                  <span className="badge">{e.status}</span>{" "}
                  <span className="muted">
                    {e.lastSavedAt ? (
                      <>
                        Last saved{" "}
                        <time dateTime={e.lastSavedAt}>{formatMoment(e.lastSavedAt)}</time>
                      </>
                    ) : (
                      <>
                        Created <time dateTime={e.createdAt}>{formatMoment(e.createdAt)}</time>
                      </>
                    )}
                  </span>
                </p>
                <Progress judged={e.judged} total={e.total} label={`${e.title} progress`} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="awards-heading">
        <h2 id="awards-heading">Awards</h2>
        {data.awards.length ? (
          <AwardList awards={data.awards} school={data.school.name} />
        ) : (
          <p className="muted empty-state">
            No awards yet. An award and its certificate appear here when a validator records the
            outcome “accredited” for one of the school's evaluations.
          </p>
        )}
      </section>
      {data.canStart && data.frameworks.length === 0 ? (
        <section aria-labelledby="start-heading" className="panel">
          <h2 id="start-heading">Start a self-evaluation</h2>
          <p className="muted">
            No framework is published yet. The trust's admins publish frameworks; once one is
            published, you can start a self-evaluation here.
          </p>
        </section>
      ) : null}
      {data.canStart && data.frameworks.length > 0 ? (
        <section aria-labelledby="start-heading" className="panel">
          <h2 id="start-heading">Start a self-evaluation</h2>
          <Form method="post" className="stack" noValidate>
            <CsrfInput />
            <input type="hidden" name="requestId" value={data.requestId} />
            <FormError message={result?.formError} />
            <TextField
              label="Name"
              name="title"
              defaultValue="Self-evaluation 2026–27"
              required
              error={errors.title}
            />
            <SelectField
              label="Framework"
              name="frameworkVersionId"
              required
              error={errors.frameworkVersionId}
            >
              {data.frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button" disabled={submitting}>
              {submitting ? "Starting…" : "Start evaluation"}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
