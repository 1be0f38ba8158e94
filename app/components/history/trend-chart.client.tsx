import { VictoryAxis, VictoryChart, VictoryContainer, VictoryLine, VictoryScatter } from "victory";
import type { TrendArea, TrendCriterion, TrendView } from "./view.ts";

const AXIS_TEXT = { fontSize: 11, fontFamily: "inherit", fill: "#4a5561" };
const GRID = { stroke: "#e1e7ee", strokeWidth: 1 };

/** What the chart shows, in words: the accessible name of its picture. */
function describe(criterion: TrendCriterion, points: TrendView["points"]): string {
  return points
    .map((p, i) => `${p.label} (${p.date}): ${criterion.labels[i] ?? "not judged"}`)
    .join("; ");
}

/** One criterion's judgement across cycles: levels up the side, cycles along the bottom. */
function CriterionChart({
  area,
  criterion,
  points,
}: {
  area: TrendArea;
  criterion: TrendCriterion;
  points: TrendView["points"];
}) {
  const data = criterion.values
    .map((value, i) =>
      value === null ? null : { x: i + 1, y: value, colour: area.levels[value].colour },
    )
    .filter((d): d is { x: number; y: number; colour: string } => d !== null);
  const top = area.levels.length - 1;
  return (
    <VictoryChart
      width={340}
      height={190}
      padding={{ top: 12, bottom: 40, left: 128, right: 20 }}
      domain={{ x: [0.5, points.length + 0.5], y: [0, Math.max(top, 1)] }}
      domainPadding={{ y: 10 }}
      containerComponent={
        <VictoryContainer
          title={`${criterion.code} across cycles`}
          desc={describe(criterion, points)}
        />
      }
    >
      <VictoryAxis
        tickValues={points.map((_, i) => i + 1)}
        tickFormat={(t: number) => points[t - 1]?.date ?? ""}
        style={{ tickLabels: { ...AXIS_TEXT, padding: 6 }, axis: { stroke: "#c9d1d9" } }}
      />
      <VictoryAxis
        dependentAxis
        tickValues={area.levels.map((_, i) => i)}
        tickFormat={(t: number) => area.levels[t]?.label ?? ""}
        style={{
          tickLabels: { ...AXIS_TEXT, padding: 6 },
          grid: GRID,
          axis: { stroke: "#c9d1d9" },
        }}
      />
      {data.length > 1 ? (
        <VictoryLine data={data} style={{ data: { stroke: "#1f4e79", strokeWidth: 2 } }} />
      ) : null}
      <VictoryScatter
        data={data}
        size={6}
        style={{
          data: {
            fill: ({ datum }) => (datum as { colour: string }).colour,
            stroke: "#ffffff",
            strokeWidth: 1.5,
          },
        }}
      />
    </VictoryChart>
  );
}

/** Small multiples: one chart per criterion of the area. */
export default function TrendCharts({
  area,
  points,
}: {
  area: TrendArea;
  points: TrendView["points"];
}) {
  return (
    <ul className="trend-grid">
      {area.criteria.map((criterion) => (
        <li key={criterion.id} className="trend-cell">
          <figure>
            <figcaption>
              <span className="code">{criterion.code}</span>{" "}
              <span className="trend-statement">{criterion.statement}</span>
            </figcaption>
            <CriterionChart area={area} criterion={criterion} points={points} />
          </figure>
        </li>
      ))}
    </ul>
  );
}
