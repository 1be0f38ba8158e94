import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  criterionHref,
  filterRows,
  parsePlanQuery,
  sortRows,
  todayInEngland,
} from "../components/plan/action-plan.ts";
import { actionsOwnedByActor } from "../components/plan/action-rows.server.ts";
import {
  ActionFilters,
  DueCell,
  SortHeader,
  StatusCell,
} from "../components/plan/action-table.tsx";
import { requireActor } from "../utils/auth.server.ts";
import { TableScroll } from "../components/table-scroll.tsx";
import { JOINT_STATUS_LABELS } from "../components/workspace/workspace-content.tsx";
import { formatDay } from "../../models/dates.ts";
import { jointActionsOf } from "../workspace.server.ts";

export const meta: MetaFunction = () => [{ title: "My actions · Quality marks" }];

const OPEN = new Set(["notStarted", "inProgress"]);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const query = parsePlanQuery(new URL(request.url).searchParams);
  const all = await actionsOwnedByActor(actor, todayInEngland());
  const joint = await jointActionsOf(actor);
  // Unless sorted otherwise: overdue first, then open actions by due date, then the rest.
  const byUrgency = sortRows(all, "due", "asc").sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(OPEN.has(b.status)) - Number(OPEN.has(a.status)),
  );
  return json({
    joint,
    query,
    total: all.length,
    open: all.filter((r) => OPEN.has(r.status)).length,
    overdue: all.filter((r) => r.overdue).length,
    rows: sortRows(
      filterRows(query.sort ? all : byUrgency, { owner: "", status: query.status }),
      query.sort,
      query.dir,
    ),
  });
}

export default function MyActions() {
  const data = useLoaderData<typeof loader>();
  const { query, rows } = data;
  return (
    <div className="page wide">
      <h1>My actions</h1>
      <p className="lede">
        {data.total === 0 && data.joint.length > 0
          ? "Your actions from joint workspaces are below."
          : data.total === 0
            ? "Nobody has given you an action yet. When a colleague names you as the owner of an action in an evaluation's plan, it appears here with its due date."
            : `${data.open} open of ${data.total}${data.overdue ? `, ${data.overdue} overdue` : ""}, across the evaluations you work on (as last saved).`}
      </p>
      {data.total ? <ActionFilters query={query} owners={null} /> : null}
      {data.total ? (
        <TableScroll label="Actions you own">
          <table className="table plan-table">
            <caption className="visually-hidden">Actions you own</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Evaluation</th>
                <th scope="col">Criterion</th>
                <SortHeader query={query} column="due">
                  Due
                </SortHeader>
                <SortHeader query={query} column="status">
                  Status
                </SortHeader>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={`${r.evaluationId}/${r.id}`}
                  className={r.overdue ? "row-overdue" : undefined}
                >
                  <th scope="row">
                    {r.what.trim() || <span className="muted">Not described yet</span>}
                  </th>
                  <td>
                    <Link to={`/evaluations/${r.evaluationId}/actions`}>{r.evaluationTitle}</Link>
                    <span className="muted"> · {r.schoolName}</span>
                  </td>
                  <td>
                    <Link to={criterionHref(r)} title={r.criterionStatement}>
                      {r.criterionCode || "—"}
                    </Link>
                  </td>
                  <DueCell due={r.due} />
                  <StatusCell row={r} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {data.total > 0 && rows.length === 0 ? <p>None of your actions match this filter.</p> : null}
      {data.joint.length ? (
        <section aria-labelledby="joint-heading" className="stack">
          <h2 id="joint-heading">Joint actions in workspaces</h2>
          <TableScroll label="Joint actions you own">
            <table className="table">
              <caption className="visually-hidden">Joint actions you own</caption>
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Workspace</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {data.joint.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.title}</th>
                    <td>
                      <Link to={`/workspaces/${a.workspaceId}`}>{a.workspaceTitle}</Link>
                    </td>
                    <td>{a.dueDate ? formatDay(a.dueDate) : "No date"}</td>
                    <td>{JOINT_STATUS_LABELS[a.status] ?? a.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
    </div>
  );
}
