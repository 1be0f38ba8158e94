import { VictoryAxis, VictoryBar, VictoryChart } from "victory";
import type { ScaleLevel } from "../../../models/framework/types.ts";

/**
 * How contributors' judgements of one criterion spread across the scale: a bar per level. The
 * chart is decorative for screen readers; the table beside it carries the same figures.
 */
export function SpreadChart({
  levels,
  counts,
  title,
}: {
  levels: ScaleLevel[];
  counts: number[];
  title: string;
}) {
  const data = levels.map((level, i) => ({ x: level.label, y: counts[i], fill: level.colour }));
  const max = Math.max(1, ...counts);
  return (
    <div className="spread-chart" aria-hidden="true" title={title}>
      <VictoryChart
        domainPadding={{ x: 24 }}
        height={180}
        width={420}
        padding={{ top: 10, bottom: 50, left: 40, right: 10 }}
      >
        <VictoryAxis style={{ tickLabels: { fontSize: 10, angle: 0 } }} />
        <VictoryAxis
          dependentAxis
          tickValues={Array.from({ length: max + 1 }, (_, i) => i)}
          tickFormat={(t: number) => String(t)}
          style={{ tickLabels: { fontSize: 10 } }}
        />
        <VictoryBar
          data={data}
          style={{ data: { fill: ({ datum }) => datum.fill } }}
          barRatio={0.7}
        />
      </VictoryChart>
    </div>
  );
}
