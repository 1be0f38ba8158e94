import { useHydrated } from "../../utils/use-hydrated.ts";
import TrendCharts from "./trend-chart.client.tsx";
import type { TrendArea, TrendView } from "./view.ts";
import { TableScroll } from "../table-scroll.tsx";

/** The text alternative of an area's charts: criteria down the side, cycles across. */
function TrendTable({ area, points }: { area: TrendArea; points: TrendView["points"] }) {
  return (
    <TableScroll label={`Judgements in ${area.title}, cycle by cycle`}>
      <table className="table trend-table">
        <caption className="visually-hidden">{`Judgements in ${area.title}, cycle by cycle`}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            {points.map((p, i) => (
              <th scope="col" key={i}>
                {p.label}
                <div className="muted">{`${p.date}, ${p.source === "submission" ? "as submitted" : "as last saved"}`}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {area.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <span className="code">{c.code}</span> {c.statement}
              </th>
              {c.labels.map((label, i) => (
                <td key={i}>{label ?? <span className="muted">Not judged</span>}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * Each criterion's judgement across this school's cycles of the framework, area by area: a
 * chart per criterion (drawn in the browser) and the same figures as a table.
 */
export function JudgementTrend({ trend }: { trend: TrendView }) {
  const hydrated = useHydrated();
  const judged = trend.areas.some((a) => a.criteria.some((c) => c.labels.some((l) => l !== null)));
  // Empty charts say nothing: until a criterion is judged, say how the trend comes about.
  if (trend.points.length === 0 || !judged)
    return (
      <p className="muted empty-state">
        No judgements recorded yet. Each criterion's trend appears here once the team judges it, and
        grows with each cycle.
      </p>
    );
  return (
    <>
      {trend.areas.map((area) => (
        <section key={area.id} className="trend-area" aria-labelledby={`trend-${area.id}`}>
          <h3 id={`trend-${area.id}`}>{area.title}</h3>
          {hydrated ? <TrendCharts area={area} points={trend.points} /> : null}
          <details className="trend-details">
            <summary>{`${area.title} as a table`}</summary>
            <TrendTable area={area} points={trend.points} />
          </details>
        </section>
      ))}
    </>
  );
}
