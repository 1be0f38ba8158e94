import {
  VictoryAxis,
  VictoryBar,
  VictoryChart,
  VictoryContainer,
  VictoryLabel,
  VictoryScatter,
  VictoryStack,
} from "victory";
import type { ReactNode } from "react";
import type { LevelView } from "../../../models/insight/types.ts";
import { fitCategoryLabels, textWidth, wholeTicks } from "./chart-axes.ts";
import { SERIES_STYLE } from "./series.ts";
import { useBoxWidth } from "../../utils/use-box-width.ts";

// The insight charts (Victory), drawn in the browser only: each sits beside a table carrying the
// same figures in words, and writes its counts on the bars, so no reading depends on colour.
// Each is drawn at the width its box has on screen (up to its own), so on a phone its text is as
// large as on a laptop, not a wide drawing shrunk to fit.

const AXIS_TEXT = { fontSize: 11, fontFamily: "inherit", fill: "#3d4752" };
const AXIS_LINE = { stroke: "#c9d1d9" };
const GRID = { stroke: "#e1e7ee", strokeWidth: 1 };
/** A label turned to fit a narrow axis: parallel to its neighbours, ending at its tick. */
const ANGLED_LABEL = <VictoryLabel angle={-45} textAnchor="end" verticalAnchor="middle" />;

/**
 * Draws `children` at the width of this box on screen, up to `most` (a wider box scales the
 * drawing up a little, as before): a chart's text is drawn at its own size on a phone.
 */
function AtBoxWidth({ most, children }: { most: number; children: (width: number) => ReactNode }) {
  const [box, width] = useBoxWidth<HTMLDivElement>();
  return <div ref={box}>{width ? children(Math.min(width, most)) : null}</div>;
}

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
export function StackChart(props: StackChartProps) {
  return <AtBoxWidth most={640}>{(width) => <StackDrawing {...props} width={width} />}</AtBoxWidth>;
}

interface StackChartProps {
  title: string;
  desc: string;
  levels: LevelView[];
  rows: StackChartRow[];
  max: number;
  onOpen: (rowId: string, levelKey: string) => void;
}

function StackDrawing({
  title,
  desc,
  levels,
  rows,
  max: axisMax,
  onOpen,
  width,
}: StackChartProps & { width: number }) {
  const max = Math.max(1, axisMax, ...rows.map((r) => r.counts.reduce((a, b) => a + b, 0)));
  const height = 50 + rows.length * 30;
  const padding = { top: 10, bottom: 36, left: 70, right: 16 };
  return (
    <VictoryChart
      horizontal
      width={width}
      height={height}
      domainPadding={{ x: 14 }}
      domain={{ y: [0, max] }}
      padding={padding}
      containerComponent={<VictoryContainer title={title} desc={desc} />}
    >
      <VictoryAxis
        tickValues={rows.map((_, i) => i + 1)}
        tickFormat={(t: number) => (rows[t - 1]?.overall ? "Overall" : (rows[t - 1]?.code ?? ""))}
        style={{ tickLabels: AXIS_TEXT, axis: AXIS_LINE }}
      />
      <VictoryAxis
        dependentAxis
        tickValues={wholeTicks(max, width - padding.left - padding.right)}
        tickFormat={(t: number) => String(t)}
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

interface OverlayChartProps {
  title: string;
  levels: LevelView[];
  rows: OverlayChartRow[];
  seriesCount: number;
}

/** A marker's size, and how far apart the markers of one row are drawn (px: a marker and a gap). */
const MARKER_SIZE = 5;
const MARKER_STEP = 16;

/**
 * One area of the Overlay: criteria down the side, the area's levels across, a marker per series.
 * Each series has its own place within a row, so schools at the same level stand one above the
 * other, never one hiding another.
 */
export function OverlayChart(props: OverlayChartProps) {
  return (
    <AtBoxWidth most={640}>{(width) => <OverlayDrawing {...props} width={width} />}</AtBoxWidth>
  );
}

function OverlayDrawing({
  title,
  levels,
  rows,
  seriesCount,
  width,
}: OverlayChartProps & { width: number }) {
  const codeOf = (row: OverlayChartRow) => `${row.differs ? "≠ " : ""}${row.code}`;
  const codes = Math.max(...rows.map((r) => textWidth(codeOf(r), AXIS_TEXT.fontSize)));
  const right = 16;
  const fit = (left: number) =>
    fitCategoryLabels(
      levels.map((l) => l.label),
      (width - left - right) / levels.length,
      AXIS_TEXT.fontSize,
    );
  // Room for the criteria's codes, and for the first level's name reaching left of its tick.
  let left = Math.ceil(codes) + 18;
  let labels = fit(left);
  const reach = labels.overhang - (width - left - right) / levels.length / 2 + 4;
  if (reach > left) {
    left = Math.ceil(reach);
    labels = fit(left);
  }
  const rowHeight = Math.max(30, seriesCount * MARKER_STEP + 8);
  const padding = { top: 10, bottom: Math.ceil(labels.depth) + 6, left, right };
  return (
    <VictoryChart
      width={width}
      height={padding.top + padding.bottom + rows.length * rowHeight}
      domain={{ x: [-0.5, levels.length - 0.5], y: [0.5, rows.length + 0.5] }}
      padding={padding}
      containerComponent={
        <VictoryContainer title={title} desc="The same levels are in the table below." />
      }
    >
      <VictoryAxis
        tickValues={levels.map((_, i) => i)}
        tickFormat={(t: number) => labels.text[t] ?? ""}
        {...(labels.angled ? { tickLabelComponent: ANGLED_LABEL } : {})}
        style={{ tickLabels: AXIS_TEXT, axis: AXIS_LINE, grid: GRID }}
      />
      <VictoryAxis
        dependentAxis
        invertAxis
        tickValues={rows.map((_, i) => i + 1)}
        tickFormat={(t: number) => {
          const row = rows[t - 1];
          return row ? codeOf(row) : "";
        }}
        style={{ tickLabels: AXIS_TEXT, axis: AXIS_LINE }}
      />
      {Array.from({ length: seriesCount }, (_, s) => {
        const style = SERIES_STYLE[s];
        // The series' own place within each row, in rows (a row is `rowHeight` px tall).
        const offset = ((s - (seriesCount - 1) / 2) * MARKER_STEP) / rowHeight;
        return (
          <VictoryScatter
            key={s}
            size={MARKER_SIZE}
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

/**
 * One area across cycles: a stacked bar per cycle, counts written in each segment. Every area's
 * chart runs to the same `max` (the schools of the largest cycle), which `desc` says, so a count
 * stands as high in one area as in another.
 */
export function TrendChart(props: TrendChartProps) {
  return <AtBoxWidth most={480}>{(width) => <TrendDrawing {...props} width={width} />}</AtBoxWidth>;
}

interface TrendChartProps {
  title: string;
  desc: string;
  levels: LevelView[];
  points: { cycleName: string; counts: number[] }[];
  max: number;
}

/** The widest a cycle's bar is drawn, px (narrower where the cycles are many or the box small). */
const TREND_BAR = 36;

function TrendDrawing({
  title,
  desc,
  levels,
  points,
  max: axisMax,
  width,
}: TrendChartProps & { width: number }) {
  const max = Math.max(1, axisMax, ...points.map((p) => p.counts.reduce((a, b) => a + b, 0)));
  const height = 260;
  const right = 16;
  const top = 10;
  // A cycle a slot of its own, its name under the middle of its bar.
  const slotOf = (left: number) => (width - left - right) / Math.max(1, points.length);
  const fit = (left: number) =>
    fitCategoryLabels(
      points.map((p) => p.cycleName),
      slotOf(left),
      AXIS_TEXT.fontSize,
    );
  // Room for the counts up the side, and for the first cycle's name reaching left of its bar.
  let left = Math.ceil(textWidth(String(max), AXIS_TEXT.fontSize)) + 18;
  let labels = fit(left);
  const reach = labels.overhang - slotOf(left) / 2 + 4;
  if (reach > left) {
    left = Math.ceil(reach);
    labels = fit(left);
  }
  const bottom = Math.ceil(labels.depth) + 6;
  return (
    <VictoryChart
      width={width}
      height={height}
      domain={{ x: [0.5, points.length + 0.5], y: [0, max] }}
      padding={{ top, bottom, left, right }}
      containerComponent={<VictoryContainer title={title} desc={desc} />}
    >
      <VictoryAxis
        tickValues={points.map((_, i) => i + 1)}
        tickFormat={(t: number) => labels.text[t - 1] ?? ""}
        {...(labels.angled ? { tickLabelComponent: ANGLED_LABEL } : {})}
        style={{ tickLabels: AXIS_TEXT, axis: AXIS_LINE }}
      />
      <VictoryAxis
        dependentAxis
        tickValues={wholeTicks(max, height - top - bottom)}
        tickFormat={(t: number) => String(t)}
        style={{ tickLabels: AXIS_TEXT, axis: AXIS_LINE, grid: GRID }}
      />
      <VictoryStack>
        {levels.map((level, li) => (
          <VictoryBar
            key={level.key}
            barWidth={Math.min(TREND_BAR, slotOf(left) * 0.6)}
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
