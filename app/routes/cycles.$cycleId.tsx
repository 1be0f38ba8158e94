import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { StackedTable } from "../components/stacked-table.tsx";
import { Link, useLoaderData } from "@remix-run/react";
import { getFrameworkVersion, loadCycle } from "../framework.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { cycleRows } from "../utils/cycle-rows.server.ts";
import { assignsValidatorsAt } from "../utils/awaiting-validator.server.ts";
import { AssignValidatorLink } from "../components/validation/awaiting-validator-list.tsx";
import { formatDay, formatMoment } from "../../models/dates.ts";
import { ReportForm } from "../components/report/report-form.tsx";
import { reportOffer } from "../report.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cycle.name ?? "Cycle"} · Quality marks` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { cycle } = await orNotFound(loadCycle(actor, params.cycleId ?? ""));
  const trustId = cycle.trustId;
  const [rows, version] = await Promise.all([
    cycleRows(cycle),
    getFrameworkVersion(trustId, cycle.frameworkVersionId),
  ]);
  return json({
    cycle: { id: cycle.id, name: cycle.name, dueDate: cycle.dueDate?.toISOString() ?? null },
    framework: version ? `${version.content.name} (v${version.version})` : "",
    rows: rows.map((r) => ({
      ...r,
      canAssign: r.awaitingValidator && assignsValidatorsAt(actor, trustId, r.schoolId),
    })),
    report: reportOffer("trust", cycle.id),
  });
}

const date = (iso: string | null) => formatDay(iso, "short");

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Heading({ data }: { data: Data }) {
  const overdue = data.rows.filter((r) => r.overdue).length;
  return (
    <>
      <Breadcrumbs trail={[{ label: "Cycles", to: "/cycles" }]} />
      <h1>{data.cycle.name}</h1>
      <p className="lede">
        {data.framework} · due {date(data.cycle.dueDate)} · {data.rows.length}{" "}
        {data.rows.length === 1 ? "school" : "schools"}
        {overdue ? ` · ${overdue} overdue` : ""}
      </p>
    </>
  );
}

/** Who validates a school's evaluation, or that it waits for one (with the way to assign one). */
function ValidatorCell({ row }: { row: Data["rows"][number] }) {
  if (row.validators.length) return <>{row.validators.join(", ")}</>;
  if (!row.submitted) return <span className="muted">Not submitted yet</span>;
  if (!row.awaitingValidator) return <span className="muted">None</span>;
  return (
    <>
      <strong>Waiting for a validator</strong>
      {row.canAssign ? (
        <>
          <br />
          <AssignValidatorLink evaluationId={row.evaluationId} school={row.schoolName} />
        </>
      ) : null}
    </>
  );
}

export default function CycleOverview() {
  const data = useLoaderData<typeof loader>();
  if (data.rows.length === 0) {
    return (
      <div className="page">
        <Heading data={data} />
        <p className="empty-state">
          No schools are in this cycle yet. Open the framework and choose “Distribute” to send it to
          schools under this cycle's name. <Link to="/frameworks">Frameworks</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <Heading data={data} />
      <p>
        <a href={`/cycles/${data.cycle.id}/export.csv`} download>
          Download as CSV
        </a>
      </p>
      <ReportForm offer={data.report} label="Download trust overview report (PDF)" />
      <StackedTable
        label="Progress of each school"
        caption="Progress of each school in this cycle"
        columns={[
          { label: "School" },
          { label: "Status" },
          { label: "Progress" },
          { label: "Last activity" },
          { label: "Due" },
          { label: "Validator" },
        ]}
        rows={data.rows.map((r) => ({
          key: r.evaluationId,
          className: r.overdue ? "row-overdue" : undefined,
          cells: [
            <>
              <Link to={`/evaluations/${r.evaluationId}`}>{r.schoolName}</Link>
              {r.title !== data.cycle.name ? (
                <span className="muted cycle-row-title">{`“${r.title}”`}</span>
              ) : null}
            </>,
            <>
              {r.status}
              {r.overdue ? <strong className="overdue-flag"> · Overdue</strong> : null}
            </>,
            <>
              <progress max={100} value={r.percent} aria-label={`${r.schoolName} progress`} />{" "}
              {`${r.percent}%`}
            </>,
            r.lastActivityAt ? formatMoment(r.lastActivityAt) : "No activity yet",
            date(r.dueDate),
            <ValidatorCell key="validator" row={r} />,
          ],
        }))}
      />
    </div>
  );
}
