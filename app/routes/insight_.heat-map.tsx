import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { CYCLE_STATUS_LABELS, type CycleStatus } from "../../models/cycle/status.ts";
import { choiceSearch, queryOf } from "../../models/insight/query.ts";
import { InsightHeader, NoFramework } from "../components/insight/insight-header.tsx";
import { SidewaysTable } from "../components/insight/sideways-table.tsx";
import { ReportForm } from "../components/report/report-form.tsx";
import { heatFiltersOf, heatMapView, loadInsightScope, reportOffer } from "../insight.server.ts";
import styles from "../styles/insight.css";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Heat map · Insight · Quality marks" }];

const PHASES = [
  ["primary", "Primary"],
  ["secondary", "Secondary"],
  ["allThrough", "All-through"],
  ["special", "Special"],
] as const;
const STATUSES = Object.keys(CYCLE_STATUS_LABELS) as CycleStatus[];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const scope = await orNotFound(loadInsightScope(actor, queryOf(url)));
  const filters = heatFiltersOf(url);
  return json({
    choice: scope.choice,
    filters,
    heat: await heatMapView(scope, filters),
    report: scope.choice.cycleId
      ? reportOffer("trust", scope.choice.cycleId, scope.choice.source)
      : null,
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Heat = NonNullable<Data["heat"]>;

const TREND_WORDS = {
  up: { mark: "↑", words: "higher than the previous cycle" },
  down: { mark: "↓", words: "lower than the previous cycle" },
  same: { mark: "=", words: "the same as the previous cycle" },
} as const;

function Filters({ data }: { data: Data }) {
  const id = useId();
  const { filters } = data;
  return (
    <Form method="get" className="insight-filters" aria-label="Filter the heat map">
      <input type="hidden" name="framework" value={data.choice.frameworkId ?? ""} />
      <input type="hidden" name="cycle" value={data.choice.cycleId} />
      <input type="hidden" name="source" value={data.choice.source} />
      {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.dir ? <input type="hidden" name="dir" value={filters.dir} /> : null}
      <div className="field">
        <label htmlFor={`${id}-area`}>Columns</label>
        <select id={`${id}-area`} name="area" defaultValue={filters.areaId ?? ""}>
          <option value="">Every area</option>
          {data.heat!.areas.map((a) => (
            <option key={a.id} value={a.id}>{`The criteria of ${a.title}`}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-phase`}>Phase</label>
        <select id={`${id}-phase`} name="phase" defaultValue={filters.phase ?? ""}>
          <option value="">Any phase</option>
          {PHASES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Validation status</label>
        <select id={`${id}-status`} name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {CYCLE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-award`}>Award</label>
        <select id={`${id}-award`} name="award" defaultValue={filters.award ?? ""}>
          <option value="">With or without</option>
          <option value="yes">Holds the award</option>
          <option value="no">Does not hold it yet</option>
        </select>
      </div>
      <button type="submit" className="button">
        Filter
      </button>
    </Form>
  );
}

function SortLink({
  data,
  columnId,
  label,
}: {
  data: Data;
  columnId: string | null;
  label: string;
}) {
  const heat = data.heat!;
  const active = heat.sort === columnId;
  const dir = active && heat.dir === "asc" && columnId ? "desc" : "asc";
  const { filters } = data;
  const href = choiceSearch(data.choice, {
    area: filters.areaId,
    phase: filters.phase,
    status: filters.status,
    award: filters.award,
    sort: columnId,
    dir: columnId ? dir : null,
  });
  const words = columnId
    ? dir === "asc"
      ? `Sort by ${label}, schools needing support first`
      : `Sort by ${label}, strongest first`
    : "Sort by school name";
  return (
    <Link to={href} className="sort-link" aria-label={words} title={words}>
      {label}
      {active && columnId ? (heat.dir === "asc" ? " ▲" : " ▼") : ""}
    </Link>
  );
}

function HeatTable({ data, heat }: { data: Data; heat: Heat }) {
  const caption = heat.area
    ? `Each school's level in the criteria of ${heat.area.title}`
    : "Each school's level in each area";
  return (
    <SidewaysTable
      label={caption}
      className="heat-sideways"
      hint={`Scroll the table sideways for more ${heat.area ? "criteria" : "areas"}; the school names stay in view.`}
    >
      <table className="table heat-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={heat.sort === null ? "ascending" : undefined}>
              <SortLink data={data} columnId={null} label="School" />
            </th>
            {heat.columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                aria-sort={
                  heat.sort === c.id ? (heat.dir === "asc" ? "ascending" : "descending") : undefined
                }
              >
                <SortLink data={data} columnId={c.id} label={c.code || c.title} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heat.rows.map((row) => (
            <tr key={row.schoolId}>
              <th scope="row">
                {row.schoolName}
                <span className="heat-meta">
                  {`${row.phaseLabel} · ${row.statusLabel}${row.awarded ? " · holds the award" : ""}`}
                </span>
              </th>
              {row.cells.map((cell, i) => {
                const column = heat.columns[i];
                const trend = cell.trend ? TREND_WORDS[cell.trend] : null;
                const where = `${row.schoolName}, ${column.code ? `${column.code} ` : ""}${column.title}`;
                if (!cell.applicable)
                  return (
                    <td key={cell.columnId} className="heat-cell heat-na">
                      {cell.text}
                    </td>
                  );
                return (
                  <td
                    key={cell.columnId}
                    className={cell.level ? "heat-cell" : "heat-cell heat-empty"}
                    style={cell.level ? { background: cell.level.colour } : undefined}
                  >
                    <Link
                      to={`/evaluations/${row.evaluationId}?area=${encodeURIComponent(cell.areaId)}`}
                      aria-label={`${where}: ${cell.text}${trend ? `, ${trend.words}` : ""}. Open the evaluation at this area.`}
                    >
                      {cell.text}
                      {trend ? <span aria-hidden="true">{` ${trend.mark}`}</span> : null}
                    </Link>
                    {cell.partly ? <span className="heat-partial">{cell.partly}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </SidewaysTable>
  );
}

export default function HeatMap() {
  const data = useLoaderData<typeof loader>();
  const heat = data.heat;
  const csv = `/insight/heat-map.csv${choiceSearch(data.choice, {
    area: data.filters.areaId,
    phase: data.filters.phase,
    status: data.filters.status,
    award: data.filters.award,
    sort: data.filters.sort,
    dir: data.filters.dir,
  })}`;
  return (
    <div className="page wide">
      <h1>Heat map</h1>
      <p className="lede">
        Each school&apos;s level in each area, to see where support would help. An area&apos;s level
        is the lowest of its judged criteria. Open a cell to go to that school&apos;s evaluation at
        that area.
      </p>
      <InsightHeader
        choice={data.choice}
        view="heat-map"
        extra={data.filters.areaId ? { area: data.filters.areaId } : undefined}
      />
      {!heat ? (
        <NoFramework />
      ) : (
        <>
          <Filters data={data} />
          <p className="muted">
            ↑ higher, ↓ lower, = the same as the school&apos;s previous cycle.{" "}
            {heat.area ? <Link to={choiceSearch(data.choice)}>Back to every area</Link> : null}
          </p>
          {heat.rows.length === 0 ? (
            <p className="empty-state">
              {heat.schoolsInScope === 0
                ? "No school has an evaluation in this cycle yet. Schools appear here as soon as they start theirs."
                : "No school matches these filters. Choose “Any” in a filter to see more schools."}
            </p>
          ) : (
            <>
              <p>{`${heat.rows.length} of ${heat.schoolsInScope} ${heat.schoolsInScope === 1 ? "school" : "schools"} shown.`}</p>
              <HeatTable data={data} heat={heat} />
            </>
          )}
          <p>
            <a href={csv} download>
              Download the heat map (CSV)
            </a>
          </p>
          {data.report ? (
            <ReportForm offer={data.report} label="Download trust overview report (PDF)" />
          ) : null}
        </>
      )}
    </div>
  );
}
