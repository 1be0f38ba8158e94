import { forceTotals, type Force } from "../../../collab/shapes/plan.ts";

// Drawing units (the SVG scales to its container).
const WIDTH = 680;
const CENTRE = WIDTH / 2;
const UNIT = 52; // length of one point of strength
const GAP = 10; // between an arrow's head and the centre line
const ROW = 46;
const TOP = 34;
const BOTTOM = 40;
const LABEL_CHARACTERS = 36;

const clip = (text: string) =>
  text.length > LABEL_CHARACTERS ? `${text.slice(0, LABEL_CHARACTERS - 1)}…` : text;

/** The sentence a screen reader hears for the whole diagram. */
export function diagramSummary(code: string, forces: Pick<Force, "side" | "strength">[]): string {
  const totals = forceTotals(forces);
  return `Force-field diagram for ${code}. Helping total ${totals.helping}, hindering total ${totals.hindering}.`;
}

/** One force as an arrow: helping forces push right from the left, hindering ones push left from the right. */
function Arrow({ force, row }: { force: Force; row: number }) {
  const helping = force.side === "helping";
  const length = force.strength * UNIT;
  const y = TOP + row * ROW + 30;
  const head = helping ? CENTRE - GAP : CENTRE + GAP;
  const tail = helping ? head - length : head + length;
  const pointing = helping ? 1 : -1;
  const label = `${force.priority ? "★ " : ""}${clip(force.text.trim() || "(not described yet)")}`;
  return (
    <g className={`ffd-arrow ffd-${force.side}${force.priority ? " ffd-priority" : ""}`}>
      <text
        className="ffd-label"
        x={helping ? CENTRE - GAP - 4 : CENTRE + GAP + 4}
        y={y - 10}
        textAnchor={helping ? "end" : "start"}
      >
        {label}
      </text>
      <line x1={tail} y1={y} x2={head - pointing * 12} y2={y} className="ffd-shaft" />
      <polygon
        points={`${head},${y} ${head - pointing * 14},${y - 8} ${head - pointing * 14},${y + 8}`}
        className="ffd-head"
      />
      <text
        className="ffd-strength"
        x={tail - pointing * 6}
        y={y + 5}
        textAnchor={helping ? "end" : "start"}
      >
        {force.strength}
      </text>
    </g>
  );
}

/**
 * A criterion's force-field drawn live: a central line, helping forces on the left pointing
 * right, hindering forces on the right pointing left, each arrow as long as its strength,
 * priorities starred, and each side totalled. Screen readers get the summary as the image's
 * name and every force in a table.
 */
export function ForceFieldDiagram({ code, forces }: { code: string; forces: Force[] }) {
  const helping = forces.filter((f) => f.side === "helping");
  const hindering = forces.filter((f) => f.side === "hindering");
  const totals = forceTotals(forces);
  const rows = Math.max(1, helping.length, hindering.length);
  const height = TOP + rows * ROW + BOTTOM;
  const footer = TOP + rows * ROW + 26;
  return (
    // Focusable: on a phone the diagram scrolls sideways, and a keyboard must be able to scroll it.
    <figure className="ffd" tabIndex={0} aria-label={`Force-field diagram of ${code}`}>
      <svg
        role="img"
        aria-label={diagramSummary(code, forces)}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="ffd-svg"
        preserveAspectRatio="xMidYMin meet"
      >
        <text className="ffd-heading" x={CENTRE - GAP} y={20} textAnchor="end">
          Helping →
        </text>
        <text className="ffd-heading" x={CENTRE + GAP} y={20} textAnchor="start">
          ← Hindering
        </text>
        <line className="ffd-centre" x1={CENTRE} y1={6} x2={CENTRE} y2={height - 30} />
        {forces.length === 0 ? (
          <text className="ffd-empty" x={CENTRE} y={TOP + 28} textAnchor="middle">
            No factors yet
          </text>
        ) : null}
        {helping.map((f, i) => (
          <Arrow key={f.id} force={f} row={i} />
        ))}
        {hindering.map((f, i) => (
          <Arrow key={f.id} force={f} row={i} />
        ))}
        <text className="ffd-total" x={CENTRE - GAP} y={footer} textAnchor="end">
          Helping total {totals.helping}
        </text>
        <text className="ffd-total" x={CENTRE + GAP} y={footer} textAnchor="start">
          Hindering total {totals.hindering}
        </text>
      </svg>
      <figcaption className="ffd-legend" aria-hidden="true">
        Arrow length shows strength (1–5). ★ marks a priority.
      </figcaption>
      <table className="visually-hidden">
        <caption>Forces for {code}</caption>
        <thead>
          <tr>
            <th scope="col">Side</th>
            <th scope="col">Factor</th>
            <th scope="col">Strength</th>
            <th scope="col">Priority</th>
            <th scope="col">In our control</th>
          </tr>
        </thead>
        <tbody>
          {[...helping, ...hindering].map((f) => (
            <tr key={f.id}>
              <td>{f.side === "helping" ? "Helping" : "Hindering"}</td>
              <th scope="row">{f.text.trim() || "Not described yet"}</th>
              <td>{f.strength} of 5</td>
              <td>{f.priority ? "Yes" : "No"}</td>
              <td>{f.inOurControl ? "Yes" : "No"}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={5}>
              Helping total {totals.helping}, hindering total {totals.hindering}
            </td>
          </tr>
        </tfoot>
      </table>
    </figure>
  );
}
