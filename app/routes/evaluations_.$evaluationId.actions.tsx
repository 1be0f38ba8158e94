import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from "../../collab/shapes/plan.ts";
import {
  criterionHref,
  filterRows,
  parsePlanQuery,
  sortRows,
  todayInEngland,
} from "../components/plan/action-plan.ts";
import { actionPlanOf } from "../components/plan/action-rows.server.ts";
import {
  ActionFilters,
  DueCell,
  SortHeader,
  StatusCell,
} from "../components/plan/action-table.tsx";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { can, getSchool, loadEvaluation, schoolResource } from "../evaluation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { formatMoment } from "../../models/dates.ts";
import { TableScroll } from "../components/table-scroll.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Action plan · ${data?.evaluation.title ?? "Evaluation"} · Quality marks` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { evaluation } = await orNotFound(loadEvaluation(actor, params.evaluationId ?? ""));
  const query = parsePlanQuery(new URL(request.url).searchParams);
  const [school, plan] = await Promise.all([
    getSchool(evaluation.trustId, evaluation.schoolId),
    actionPlanOf(evaluation, todayInEngland()),
  ]);
  return json({
    evaluation: { id: evaluation.id, title: evaluation.title },
    school: { id: evaluation.schoolId, name: school?.name ?? "" },
    canOpenSchool: school !== null && can(actor, "read", schoolResource(school)),
    savedAt: evaluation.projection.updatedAt.toISOString(),
    counts: evaluation.projection.actionCounts ?? null,
    total: plan.rows.length,
    overdue: plan.rows.filter((r) => r.overdue).length,
    owners: plan.owners,
    query,
    rows: sortRows(filterRows(plan.rows, query), query.sort, query.dir),
  });
}

export default function ActionPlan() {
  const data = useLoaderData<typeof loader>();
  const { query, rows } = data;
  const filtered = Boolean(query.owner || query.status);
  return (
    <div className="page wide">
      <Breadcrumbs
        trail={[
          { label: "Schools", to: "/home" },
          {
            label: data.school.name,
            to: data.canOpenSchool ? `/schools/${data.school.id}` : null,
          },
          { label: data.evaluation.title, to: `/evaluations/${data.evaluation.id}` },
        ]}
      />
      <h1>Action plan</h1>
      <p className="lede">
        Every action in {data.evaluation.title}, as last saved {formatMoment(data.savedAt)}.
      </p>
      {data.counts ? (
        <ul className="plan-counts" aria-label="Actions by status">
          {ACTION_STATUSES.map((s) => (
            <li key={s}>
              <strong>{data.counts![s]}</strong> {ACTION_STATUS_LABELS[s].toLowerCase()}
            </li>
          ))}
          {data.overdue ? (
            <li className="plan-counts-overdue">
              <strong>{data.overdue}</strong> overdue
            </li>
          ) : null}
        </ul>
      ) : null}
      <ActionFilters query={query} owners={data.owners} />
      {data.total === 0 ? (
        <p className="notice">
          No actions yet. Plan them in the evaluation, criterion by criterion, against the hindering
          factors of each force-field.
        </p>
      ) : (
        <TableScroll label="Actions">
          <table className="table plan-table">
            <caption className="visually-hidden">
              {filtered
                ? `Actions matching the filter: ${rows.length} of ${data.total}`
                : `All ${data.total} ${data.total === 1 ? "action" : "actions"}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Action</th>
                <SortHeader query={query} column="owner">
                  Owner
                </SortHeader>
                <SortHeader query={query} column="due">
                  Due
                </SortHeader>
                <SortHeader query={query} column="status">
                  Status
                </SortHeader>
                <th scope="col">Addresses</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.overdue ? "row-overdue" : undefined}>
                  <td>
                    <Link to={criterionHref(r)} title={r.criterionStatement}>
                      {r.criterionCode || "—"}
                    </Link>
                  </td>
                  <th scope="row">
                    {r.what.trim() || <span className="muted">Not described yet</span>}
                  </th>
                  <td>{r.ownerName ?? <span className="muted">No owner yet</span>}</td>
                  <DueCell due={r.due} />
                  <StatusCell row={r} />
                  <td>
                    {r.forceCount === 0 ? (
                      <span className="muted">None linked</span>
                    ) : r.addresses ? (
                      // The factors by name, as the force-field words them.
                      r.addresses.map((a) => a || "A factor not described yet").join("; ")
                    ) : (
                      // Saved before the projection kept their words: until the next save, a count.
                      `${r.forceCount} hindering ${r.forceCount === 1 ? "factor" : "factors"}`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {data.total > 0 && rows.length === 0 ? <p>No actions match this filter.</p> : null}
    </div>
  );
}
