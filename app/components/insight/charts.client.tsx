import {
  VictoryAxis,
  VictoryBar,
  VictoryChart,
  VictoryContainer,
  VictoryLabel,
  VictoryScatter,
  VictoryStack,
} from "victory";
import type { LevelView } from "../../../models/insight/types.ts";
import { SERIES_STYLE } from "./series.ts";

// The insight charts (Victory), drawn in the browser only: each sits beside a table carrying the
// same figures in words, and writes its counts on the bars, so no reading depends on colour.

const AXIS_TEXT = { fontSize: 11, fontFamily: "inherit", fill: "#3d4752" };
const AXIS_LINE = { stroke: "#c9d1d9" };
const GRID = { stroke: "#e1e7ee", strokeWidth: 1 };

export interface StackChartRow {
  id: string;
  code: string;
  overall: boolean;
  counts: number[];
}

/**
 * One area of the Stack: a bar per row (the area overall, then each criterion), segments in the
 * framework's level colours with the count written in each; a segment opens its schools. Every
 * area's chart runs to the same `max` (the schools in the cycle), which `desc` says, so a bar's
 * length reads the same in every area.
 */
export function StackChart({
  title,
  desc,
  levels,
  rows,
  max: axisMax,
  onOpen,
}: {
  title: string;
  desc: string;
  levels: LevelView[];
  rows: StackChartRow[];
  max: number;
  onOpen: (rowId: string, levelKey: string) => void;
}) {
  const max = Math.max(1, axisMax, ...rows.map((r) => r.counts.reduce((a, b) => a + b, 0)));
  const height = 50 + rows.length * 30;
  return (
    <VictoryChart
      horizontal
      width={640}
      height={height}
      domainPadding={{ x: 14 }}
      domain={{ y: [0, max] }}
      padding={{ top: 10, bottom: 36, left: 70, right: 16 }}
      containerComponent={<VictoryContainer title={title} desc={desc} />}
    >
      <VictoryAxis
        tickValues={rows.map((_, i) => i + 1)}
        tickFormat={(t: number) => (rows[t - 1]?.overall ? "Overall" : (rows[t - 1]?.code ?? ""))}
        style={{ tickLabels: AXIS_TEXT, axis: AXIS_LINE }}
      />
      <VictoryAxis
        dependentAxis
        tickFormat={(t: number) => (Number.isInteger(t) ? String(t) : "")}
        style={{ tickLabels: AXIS_TEXT, axis: AXIS_LINE, grid: GRID }}
      />
      <VictoryStack>
        {levels.map((level, li) => (
          <VictoryBar
            key={level.key}
            barWidth={20}
            data={rows.map((r, i) => ({
              x: i + 1,
              y: r.counts[li],
              rowId: r.id,
              levelKey: level.key,
            }))}
            labels={({ datum }: { datum: { y: number } }) => (datum.y > 0 ? String(datum.y) : "")}
            labelComponent={
              <VictoryLabel
                dx={-4}
                textAnchor="end"
                style={{ fill: "#ffffff", fontSize: 11, fontWeight: 700 }}
              />
            }
            style={{ data: { fill: level.colour, cursor: "pointer" } }}
            events={[
              {
                target: "data",
                eventHandlers: {
                  onClick: (
                    _event: unknown,
                    props: { datum: { rowId: string; levelKey: string } },
                  ) => {
                    onOpen(props.datum.rowId, props.datum.levelKey);
                    return [];
                  },
                },
              },
            ]}
          />
        ))}
      </VictoryStack>
    </VictoryChart>
  );
}

export interface OverlayChartRow {
  code: string;
  differs: boolean;
  /** Rank per series (-1: not judged). */
  ranks: number[];
}

/** One area of the Overlay: criteria down the side, the area's levels across, a marker per series. */
export function OverlayChart({
  title,
  levels,
  rows,
  seriesCount,
}: {
  title: string;
  levels: LevelView[];
  rows: OverlayChartRow[];
  seriesCount: number;
}) {
  const height = 50 + rows.length * 30;
  return (
    <VictoryChart
      width={640}
      height={height}
      domain={{ x: [-0.5, levels.length - 0.5], y: [0.5, rows.length + 0.5] }}
      padding={{ top: 10, bottom: 40, left: 60, right: 16 }}
      containerComponent={
        <VictoryContainer title={title} desc="The same levels are in the table below." />
      }
    >
      <VictoryAxis
        tickValues={levels.map((_, i) => i)}
        tickFormat={(t: number) => levels[t]?.label ?? ""}
        style={{ tickLabels: { ...AXIS_TEXT, fontSize: 10 }, axis: AXIS_LINE, grid: GRID }}
      />
      <VictoryAxis
        dependentAxis
        invertAxis
        tickValues={rows.map((_, i) => i + 1)}
        tickFormat={(t: number) => {
          const row = rows[t - 1];
          return row ? `${row.differs ? "≠ " : ""}${row.code}` : "";
        }}
        style={{ tickLabels: AXIS_TEXT, axis: AXIS_LINE }}
      />
      {Array.from({ length: seriesCount }, (_, s) => {
        const style = SERIES_STYLE[s];
        // Series side by side within a row, so equal levels do not hide one another.
        const offset = (s - (seriesCount - 1) / 2) * 0.12;
        return (
          <VictoryScatter
            key={s}
            size={6}
            symbol={style.symbol}
            data={rows
              .map((r, i) => ({ x: r.ranks[s], y: i + 1 + offset }))
              .filter((d) => d.x >= 0)}
            style={{ data: { fill: style.colour, stroke: "#ffffff", strokeWidth: 1 } }}
          />
        );
      })}
    </VictoryChart>
  );
}

/** One area across cycles: a stacked bar per cycle, counts written in each segment. */
export function TrendChart({
  title,
  levels,
  points,
}: {
  title: string;
  levels: LevelView[];
  points: { cycleName: string; counts: number[] }[];
}) {
  const max = Math.max(1, ...points.map((p) => p.counts.reduce((a, b) => a + b, 0)));
  return (
    <VictoryChart
      width={480}
      height={260}
      domainPadding={{ x: 30 }}
      domain={{ y: [0, max] }}
      padding={{ top: 10, bottom: 50, left: 40, right: 16 }}
      containerComponent={
        <VictoryContainer title={title} desc="The same counts are in the table below." />
      }
    >
      <VictoryAxis
        tickValues={points.map((_, i) => i + 1)}
        tickFormat={(t: number) => points[t - 1]?.cycleName ?? ""}
        style={{ tickLabels: { ...AXIS_TEXT, fontSize: 10 }, axis: AXIS_LINE }}
      />
      <VictoryAxis
        dependentAxis
        tickFormat={(t: number) => (Number.isInteger(t) ? String(t) : "")}
        style={{ tickLabels: AXIS_TEXT, axis: AXIS_LINE, grid: GRID }}
      />
      <VictoryStack>
        {levels.map((level, li) => (
          <VictoryBar
            key={level.key}
            barWidth={36}
            data={points.map((p, i) => ({ x: i + 1, y: p.counts[li] }))}
            labels={({ datum }: { datum: { y: number } }) => (datum.y > 0 ? String(datum.y) : "")}
            labelComponent={
              <VictoryLabel dy={14} style={{ fill: "#ffffff", fontSize: 11, fontWeight: 700 }} />
            }
            style={{ data: { fill: level.colour } }}
          />
        ))}
      </VictoryStack>
    </VictoryChart>
  );
}
