import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { queryOf } from "../../models/insight/query.ts";
import { TrendChart } from "../components/insight/charts.client.tsx";
import { InsightHeader, LevelMark, NoFramework } from "../components/insight/insight-header.tsx";
import { TableScroll } from "../components/table-scroll.tsx";
import { loadInsightScope, trendsView } from "../insight.server.ts";
import styles from "../styles/insight.css";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Trends · Insight · Quality marks" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const scope = await orNotFound(loadInsightScope(actor, queryOf(new URL(request.url))));
  return json({ choice: scope.choice, trends: await trendsView(scope) });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Area = NonNullable<Data["trends"]>["areas"][number];

/** `oneCycle`: the framework's only cycle so far, whose figures stand in for a trend. */
function AreaTrend({ area, oneCycle }: { area: Area; oneCycle: string | null }) {
  const hydrated = useHydrated();
  const headingId = `trend-${area.areaId}`;
  const title = oneCycle
    ? `${area.title}: schools at each level in ${oneCycle}`
    : `${area.title}: schools at each level, cycle by cycle`;
  return (
    <section aria-labelledby={headingId} className="insight-area">
      <h2 id={headingId}>{area.title}</h2>
      {/* Lines along zero on an axis of one say less than a sentence; so does one bar a level,
          headed as a trend, while there is only one cycle (the table below has its figures). */}
      {area.nothingYet ? (
        <p className="empty-state">{area.nothingYet}</p>
      ) : oneCycle ? null : hydrated ? (
        <div className="insight-chart insight-chart-small">
          <TrendChart
            title={title}
            desc={`${area.scale.note} The same counts are in the table below.`}
            max={area.scale.max}
            levels={area.levels}
            points={area.points.map((p) => ({
              cycleName: p.cycleName,
              counts: p.counts.map((c) => c.count),
            }))}
          />
        </div>
      ) : null}
      <TableScroll label={title}>
        <table className="table">
          <caption className="visually-hidden">
            {oneCycle ? `${title}.` : `${title}. ${area.scale.note}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              {area.levels.map((l) => (
                <th key={l.key} scope="col">
                  <LevelMark label={l.label} colour={l.colour} />
                </th>
              ))}
              <th scope="col">{area.notYet}</th>
            </tr>
          </thead>
          <tbody>
            {area.points.map((p) => (
              <tr key={p.cycleId}>
                <th scope="row">{p.cycleName}</th>
                {p.counts.map((c) => (
                  <td key={c.level.key}>{c.count}</td>
                ))}
                <td>{p.unjudged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {area.points
        .filter((p) => p.notApplicableNote)
        .map((p) => (
          <p key={p.cycleId} className="muted">
            {area.points.length > 1
              ? `${p.cycleName}: ${p.notApplicableNote}`
              : p.notApplicableNote}
          </p>
        ))}
    </section>
  );
}

export default function Trends() {
  const data = useLoaderData<typeof loader>();
  const trends = data.trends;
  return (
    <div className="page wide">
      <h1>Trends</h1>
      <p className="lede">
        For each area, how the trust&apos;s schools were spread across the levels in each cycle,
        oldest first.
      </p>
      <InsightHeader choice={data.choice} view="trends" />
      {!trends ? (
        <NoFramework />
      ) : trends.cycles.length === 0 ? (
        <p className="empty-state">
          This framework has not been sent to schools in a cycle yet. Trends appear once it has, and
          grow with every cycle.
        </p>
      ) : (
        <>
          {trends.oneCycle ? <p className="empty-state">{trends.oneCycle}</p> : null}
          {trends.areas.map((area) => (
            <AreaTrend
              key={area.areaId}
              area={area}
              oneCycle={trends.oneCycle ? trends.cycles[0].name : null}
            />
          ))}
        </>
      )}
    </div>
  );
}
