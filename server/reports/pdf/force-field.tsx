import { G, Line, Polygon, Svg, Text, View } from "@react-pdf/renderer";
import { forceTotals, NOT_DESCRIBED, undescribedNote } from "../../../collab/shapes/plan.ts";
import { isDescribed } from "../../../models/evaluation/projection.ts";
import type { PrintedForce } from "../report-data.ts";
import { BODY_FONT } from "./fonts.ts";
import { HELPING, HINDERING, INK, MUTED, RULE } from "./styles.ts";

// Drawing units are points: the diagram is as wide as the page's text column.
const WIDTH = 500;
const CENTRE = WIDTH / 2;
const UNIT = 40; // one point of strength
const GAP = 8; // between an arrow's head and the centre line
const ROW = 34;
const TOP = 24;
const LABEL_CHARACTERS = 40;

const clip = (text: string) =>
  text.length > LABEL_CHARACTERS ? `${text.slice(0, LABEL_CHARACTERS - 1)}…` : text;

/** The totals line, printed under the diagram as text (what a reader and pdftotext see). */
export function totalsLine(forces: Pick<PrintedForce, "side" | "strength" | "text">[]): string {
  const totals = forceTotals(forces);
  const blank = forces.filter((f) => !isDescribed(f)).length;
  return `Helping total ${totals.helping} · Hindering total ${totals.hindering}${blank ? ` · ${undescribedNote(blank)}` : ""}`;
}

function Arrow({ force, row }: { force: PrintedForce; row: number }) {
  const helping = force.side === "helping";
  const colour = helping ? HELPING : HINDERING;
  const y = TOP + row * ROW + 22;
  const head = helping ? CENTRE - GAP : CENTRE + GAP;
  const tail = helping ? head - force.strength * UNIT : head + force.strength * UNIT;
  const pointing = helping ? 1 : -1;
  const label = `${force.priority ? "★ " : ""}${clip(force.text.trim() || NOT_DESCRIBED)}`;
  return (
    <G>
      <Text
        x={helping ? CENTRE - GAP - 3 : CENTRE + GAP + 3}
        y={y - 8}
        textAnchor={helping ? "end" : "start"}
        style={{ fontFamily: BODY_FONT, fontSize: 7.5 }}
        fill={INK}
      >
        {label}
      </Text>
      <Line x1={tail} y1={y} x2={head - pointing * 9} y2={y} stroke={colour} strokeWidth={4} />
      <Polygon
        points={`${head},${y} ${head - pointing * 11},${y - 6} ${head - pointing * 11},${y + 6}`}
        fill={colour}
      />
      <Text
        x={tail - pointing * 4}
        y={y + 3}
        textAnchor={helping ? "end" : "start"}
        style={{ fontFamily: BODY_FONT, fontSize: 8, fontWeight: "bold" }}
        fill={colour}
      >
        {String(force.strength)}
      </Text>
    </G>
  );
}

/**
 * A criterion's force-field as the live diagram draws it: helping forces on the left pointing
 * right, hindering forces on the right pointing left, each arrow as long as its strength,
 * priorities starred; each side's total printed under it, and every force listed in words.
 */
export function ForceFieldDiagram({ title, forces }: { title: string; forces: PrintedForce[] }) {
  const helping = forces.filter((f) => f.side === "helping");
  const hindering = forces.filter((f) => f.side === "hindering");
  const rows = Math.max(1, helping.length, hindering.length);
  const height = TOP + rows * ROW + 8;
  return (
    <View wrap={false} style={{ marginTop: 8 }}>
      <Text style={{ fontSize: 9, fontWeight: "bold", color: MUTED, marginBottom: 2 }}>
        {title}
      </Text>
      <Svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`}>
        <Text
          x={CENTRE - GAP}
          y={12}
          textAnchor="end"
          style={{ fontFamily: BODY_FONT, fontSize: 8.5, fontWeight: "bold" }}
          fill={HELPING}
        >
          Helping →
        </Text>
        <Text
          x={CENTRE + GAP}
          y={12}
          textAnchor="start"
          style={{ fontFamily: BODY_FONT, fontSize: 8.5, fontWeight: "bold" }}
          fill={HINDERING}
        >
          ← Hindering
        </Text>
        <Line x1={CENTRE} y1={2} x2={CENTRE} y2={height} stroke={RULE} strokeWidth={1.5} />
        {helping.map((f, i) => (
          <Arrow key={`h${i}`} force={f} row={i} />
        ))}
        {hindering.map((f, i) => (
          <Arrow key={`x${i}`} force={f} row={i} />
        ))}
      </Svg>
      <Text style={{ fontWeight: "bold", marginTop: 2 }}>{totalsLine(forces)}</Text>
      <Text style={{ fontSize: 8, color: MUTED }}>
        Arrow length shows strength (1–5). ★ marks a priority.
      </Text>
    </View>
  );
}

/** Every force of a criterion in words, beside the diagram (the diagram clips long ones). */
export function ForceList({ forces }: { forces: PrintedForce[] }) {
  return (
    <View style={{ marginTop: 3 }}>
      {forces.map((f, i) => (
        <Text key={i} style={{ fontSize: 9 }}>
          {`${f.side === "helping" ? "Helping" : "Hindering"} (${f.strength} of 5${f.priority ? ", priority" : ""}${f.inOurControl ? ", in our control" : ""}): ${f.text.trim() || "not described yet"}`}
        </Text>
      ))}
    </View>
  );
}
