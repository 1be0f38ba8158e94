import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { choiceSearch, queryOf } from "../../models/insight/query.ts";
import { StackChart } from "../components/insight/charts.client.tsx";
import { InsightHeader, LevelMark, NoFramework } from "../components/insight/insight-header.tsx";
import { ReportForm } from "../components/report/report-form.tsx";
import { StackedTable } from "../components/stacked-table.tsx";
import { loadInsightScope, reportOffer, stackView } from "../insight.server.ts";
import styles from "../styles/insight.css";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Stack · Insight · Quality marks" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const scope = await orNotFound(loadInsightScope(actor, queryOf(url)));
  const open = url.searchParams.get("open");
  return json({
    choice: scope.choice,
    open,
    stack: await stackView(scope, open),
    report: scope.choice.cycleId
      ? reportOffer("trust", scope.choice.cycleId, scope.choice.source)
      : null,
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Area = NonNullable<Data["stack"]>["areas"][number];

function AreaStack({ data, area }: { data: Data; area: Area }) {
  const hydrated = useHydrated();
  const navigate = useNavigate();
  const link = (rowId: string, levelKey: string) =>
    `${choiceSearch(data.choice, { open: `${rowId}|${levelKey}` })}#opened`;
  const headingId = `stack-${area.areaId}`;
  const opened = data.stack?.opened;
  const openedHere = opened && area.rows.some((r) => r.id === opened.rowId) ? opened : null;
  return (
    <section aria-labelledby={headingId} className="insight-area">
      <h2 id={headingId}>{area.title}</h2>
      {area.notApplicableNote ? <p className="muted">{area.notApplicableNote}</p> : null}
      {area.partlyNote ? <p className="stack-partly-note">{area.partlyNote}</p> : null}
      {/* Bars of nothing on an axis of one say less than a sentence. */}
      {area.nothingYet ? (
        <p className="empty-state">{area.nothingYet}</p>
      ) : hydrated ? (
        <div className="insight-chart">
          <StackChart
            title={`${area.title}: schools at each level`}
            levels={area.levels}
            rows={area.rows}
            max={area.scale.max}
            desc={`${area.scale.note} The same counts are in the table below.`}
            onOpen={(rowId, levelKey) => navigate(link(rowId, levelKey))}
          />
        </div>
      ) : null}
      <ul className="legend" aria-label={`Levels of ${area.title}`}>
        {area.levels.map((l) => (
          <li key={l.key}>
            <LevelMark label={l.label} colour={l.colour} />
          </li>
        ))}
      </ul>
      {/* On a phone each criterion is a card, its counts in a grid (insight.css). */}
      <StackedTable
        label={`${area.title}: schools at each level`}
        caption={`${area.title}: how many schools at each level. ${area.scale.note} Each count opens the list of those schools.`}
        className="stack-table"
        columns={[
          { label: "Criterion" },
          ...area.levels.map((l) => ({ label: l.label })),
          { label: area.notYet },
        ]}
        rows={area.rows.map((row) => ({
          key: row.id,
          className: row.overall ? "stack-overall" : undefined,
          cells: [
            row.overall ? (
              "The area overall"
            ) : (
              <>
                <span className="code">{row.code}</span> {row.label}
              </>
            ),
            ...[...row.counts, row.unjudged].map((count, i) => {
              const levelKey = area.levels[i]?.key ?? "unjudged";
              const levelLabel = area.levels[i]?.label ?? area.notYet.toLowerCase();
              // Of the area overall's count, those resting on part of the area.
              const partly = row.partly[i] ?? null;
              return (
                <>
                  {count > 0 ? (
                    <Link
                      to={link(row.id, levelKey)}
                      aria-label={`${count} ${count === 1 ? "school" : "schools"} at ${levelLabel} in ${row.overall ? area.title : row.code}${partly ? `, ${partly}` : ""}: show which`}
                    >
                      {count}
                    </Link>
                  ) : (
                    "0"
                  )}
                  {partly ? (
                    <span className="stack-partly" aria-hidden="true">
                      {partly}
                    </span>
                  ) : null}
                </>
              );
            }),
          ],
        }))}
      />
      {openedHere ? (
        <div className="panel" id="opened" tabIndex={-1}>
          <h3>{`${openedHere.rowLabel}: ${openedHere.level}`}</h3>
          <ul className="plain-list">
            {openedHere.schools.map((s) => (
              <li key={s.evaluationId}>
                <Link to={`/evaluations/${s.evaluationId}?area=${encodeURIComponent(area.areaId)}`}>
                  {s.name}
                </Link>
                {s.partly ? ` (${s.partly})` : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to={choiceSearch(data.choice)}>Close this list</Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}

export default function Stack() {
  const data = useLoaderData<typeof loader>();
  const stack = data.stack;
  return (
    <div className="page wide">
      <h1>Stack</h1>
      <p className="lede">
        For each area and criterion, how many schools sit at each level. Open a count (or a bar) to
        see which schools are there.
      </p>
      <InsightHeader choice={data.choice} view="stack" />
      {!stack ? (
        <NoFramework />
      ) : stack.schools === 0 ? (
        <p className="empty-state">
          No school has an evaluation in this cycle yet. The Stack fills in as schools make their
          judgements.
        </p>
      ) : (
        <>
          <p>
            {`${stack.schools} ${stack.schools === 1 ? "school" : "schools"}.`}{" "}
            <a href={`/insight/stack.csv${choiceSearch(data.choice)}`} download>
              Download the Stack (CSV)
            </a>
          </p>
          {data.report ? (
            <ReportForm offer={data.report} label="Download trust overview report (PDF)" />
          ) : null}
          {stack.areas.map((area) => (
            <AreaStack key={area.areaId} data={data} area={area} />
          ))}
        </>
      )}
    </div>
  );
}
