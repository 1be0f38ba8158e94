import {
  forceTotals,
  NOT_DESCRIBED,
  undescribedNote,
  type Force,
} from "../../../collab/shapes/plan.ts";
import { isDescribed } from "../../../models/evaluation/projection.ts";
import { useBoxWidth } from "../../utils/use-box-width.ts";

// Drawing units (the SVG scales to its container).
const WIDTH = 680;
const CENTRE = WIDTH / 2;
const UNIT = 52; // length of one point of strength
const GAP = 10; // between an arrow's head and the centre line
const ROW = 46;
const TOP = 34;
const BOTTOM = 40;
const LABEL_CHARACTERS = 36;

// The stacked drawing, for a box narrower than the wide one needs (a phone, the meeting's item
// column): helping factors above hindering ones, each label on lines of its own above its
// arrow, on its own side of the centre line like the arrow.
const NARROW_WIDTH = 300;
const NARROW_CENTRE = NARROW_WIDTH / 2;
const NARROW_UNIT = 24;
const NARROW_GAP = 8;
const NARROW_LINE = 16;
/** Where a label starts, from the centre line: the arrow's head and a little air. */
const NARROW_LABEL_OFFSET = NARROW_GAP + 4;
/** What fits between the centre line and the edge (134 units), at about 7 units a character. */
const NARROW_CHARACTERS = 18;
const NARROW_LINES = 4;
/**
 * Below this width (CSS px) of the diagram's box the wide drawing would not fit: its minimum
 * width (34rem, app.css) and the box's padding on both sides (0.5rem each).
 */
const STACK_BELOW = 34 * 16 + 2 * 8;

/** A label broken into lines of `NARROW_CHARACTERS`, by words (a longer word over several). */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest; ) {
      const room = NARROW_CHARACTERS - (line ? line.length + 1 : 0);
      if (rest.length <= room) {
        line = line ? `${line} ${rest}` : rest;
        rest = "";
      } else if (line) {
        lines.push(line);
        line = "";
      } else {
        lines.push(rest.slice(0, NARROW_CHARACTERS));
        rest = rest.slice(NARROW_CHARACTERS);
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A force's words as the diagram draws them: starred when a priority. */
const labelOf = (force: Force) =>
  `${force.priority ? "★ " : ""}${force.text.trim() || NOT_DESCRIBED}`;

/** Whether the drawing has room for the whole label (else it is shortened, and listed in full). */
const fits = (label: string, narrow: boolean) =>
  narrow ? wrap(label).length <= NARROW_LINES : label.length <= LABEL_CHARACTERS;

/** Where a shortened label ends: "…" and the number of its entry in the list under the drawing. */
function shortened(text: string, room: number, note: number): string {
  const mark = ` [${note}]`;
  return `${text.slice(0, room - 1 - mark.length).trimEnd()}…${mark}`;
}

/**
 * The forces whose labels the drawing shortens, each with the number of its entry in the list
 * of them in full under the drawing (helping first, as drawn): what a touch screen cannot hover.
 */
function notesOf(forces: Force[], narrow: boolean): Map<string, number> {
  const notes = new Map<string, number>();
  for (const side of ["helping", "hindering"] as const)
    for (const force of forces)
      if (force.side === side && !fits(labelOf(force), narrow)) notes.set(force.id, notes.size + 1);
  return notes;
}

/** The sentence a screen reader hears for the whole diagram. */
export function diagramSummary(
  code: string,
  forces: Pick<Force, "side" | "strength" | "text">[],
): string {
  const totals = forceTotals(forces);
  const blank = forces.filter((f) => !isDescribed(f)).length;
  return `Force-field diagram for ${code}. Helping total ${totals.helping}, hindering total ${totals.hindering}.${blank ? ` ${undescribedNote(blank)}` : ""}`;
}

/** An arrow's shaft and head at height `y`, from `tail` to `head`, with its strength by the tail. */
function Shaft({ force, y, head, tail }: { force: Force; y: number; head: number; tail: number }) {
  const helping = force.side === "helping";
  const pointing = helping ? 1 : -1;
  return (
    <>
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
    </>
  );
}

/** One force as an arrow: helping forces push right from the left, hindering ones push left from the right. */
function Arrow({ force, row, note }: { force: Force; row: number; note?: number }) {
  const helping = force.side === "helping";
  const length = force.strength * UNIT;
  const y = TOP + row * ROW + 30;
  const head = helping ? CENTRE - GAP : CENTRE + GAP;
  const tail = helping ? head - length : head + length;
  const whole = labelOf(force);
  return (
    <g className={`ffd-arrow ffd-${force.side}${force.priority ? " ffd-priority" : ""}`}>
      <text
        className="ffd-label"
        x={helping ? CENTRE - GAP - 4 : CENTRE + GAP + 4}
        y={y - 10}
        textAnchor={helping ? "end" : "start"}
      >
        {note ? <title>{whole}</title> : null}
        {note ? shortened(whole, LABEL_CHARACTERS, note) : whole}
      </text>
      <Shaft force={force} y={y} head={head} tail={tail} />
    </g>
  );
}

/** One force in the stacked drawing: its label's lines at `top`, its arrow below them. */
function NarrowArrow({
  force,
  top,
  lines,
  shortenedFrom,
}: {
  force: Force;
  top: number;
  lines: string[];
  /** The whole label, when `lines` shortens it (a tooltip for a pointer). */
  shortenedFrom?: string;
}) {
  const helping = force.side === "helping";
  const y = top + lines.length * NARROW_LINE + 8;
  const head = helping ? NARROW_CENTRE - NARROW_GAP : NARROW_CENTRE + NARROW_GAP;
  const tail = helping ? head - force.strength * NARROW_UNIT : head + force.strength * NARROW_UNIT;
  // By the centre line, reading away from it: never across it into the other side.
  const x = helping ? NARROW_CENTRE - NARROW_LABEL_OFFSET : NARROW_CENTRE + NARROW_LABEL_OFFSET;
  return (
    <g className={`ffd-arrow ffd-${force.side}${force.priority ? " ffd-priority" : ""}`}>
      <text className="ffd-label" x={x} y={top} textAnchor={helping ? "end" : "start"}>
        {shortenedFrom ? <title>{shortenedFrom}</title> : null}
        {lines.map((line, i) => (
          <tspan key={i} x={x} dy={i === 0 ? 0 : NARROW_LINE}>
            {line}
          </tspan>
        ))}
      </text>
      <Shaft force={force} y={y} head={head} tail={tail} />
    </g>
  );
}

/** Helping factors above hindering ones, so the whole force-field fits a phone's width. */
function StackedDrawing({
  code,
  forces,
  notes,
}: {
  code: string;
  forces: Force[];
  notes: Map<string, number>;
}) {
  const totals = forceTotals(forces);
  const parts: JSX.Element[] = [];
  let y = 20;
  for (const side of ["helping", "hindering"] as const) {
    const helping = side === "helping";
    // A side's heading and its "None yet" stand by the centre line, on that side of it.
    const byCentre = (key: string, className: string, text: string) => (
      <text
        key={`${side}-${key}`}
        className={className}
        x={helping ? NARROW_CENTRE - NARROW_GAP : NARROW_CENTRE + NARROW_GAP}
        y={y}
        textAnchor={helping ? "end" : "start"}
      >
        {text}
      </text>
    );
    parts.push(byCentre("heading", "ffd-heading", helping ? "Helping →" : "← Hindering"));
    y += 22;
    const list = forces.filter((f) => f.side === side);
    if (!list.length) {
      parts.push(byCentre("none", "ffd-empty", "None yet"));
      y += 22;
    }
    for (const force of list) {
      const whole = labelOf(force);
      const note = notes.get(force.id);
      const lines = wrap(whole).slice(0, NARROW_LINES);
      if (note)
        lines[NARROW_LINES - 1] = shortened(lines[NARROW_LINES - 1], NARROW_CHARACTERS, note);
      parts.push(
        <NarrowArrow
          key={force.id}
          force={force}
          top={y}
          lines={lines}
          shortenedFrom={note ? whole : undefined}
        />,
      );
      y += lines.length * NARROW_LINE + 26;
    }
    y += 6;
  }
  const height = y + 30;
  return (
    <svg
      role="img"
      aria-label={diagramSummary(code, forces)}
      viewBox={`0 0 ${NARROW_WIDTH} ${height}`}
      className="ffd-svg ffd-svg-stacked"
      preserveAspectRatio="xMidYMin meet"
    >
      <line className="ffd-centre" x1={NARROW_CENTRE} y1={6} x2={NARROW_CENTRE} y2={height - 30} />
      {parts}
      <text className="ffd-total" x={NARROW_CENTRE - NARROW_GAP} y={height - 10} textAnchor="end">
        Helping total {totals.helping}
      </text>
      <text className="ffd-total" x={NARROW_CENTRE + NARROW_GAP} y={height - 10} textAnchor="start">
        Hindering total {totals.hindering}
      </text>
    </svg>
  );
}

/**
 * A criterion's force-field drawn live: a central line, helping forces on the left pointing
 * right, hindering forces on the right pointing left, each arrow as long as its strength,
 * priorities starred, and each side totalled; in a narrow box (a phone) helping factors are
 * drawn above hindering ones instead, so nothing scrolls sideways. A label too long for the
 * drawing is shortened there and listed in full under it. Screen readers get the summary as the
 * image's name and every force in a table.
 */
export function ForceFieldDiagram({ code, forces }: { code: string; forces: Force[] }) {
  // Measured before the first paint (no wide drawing flashes on a phone); on the server, and
  // before scripts run, the wide drawing (its box scrolls sideways).
  const [figure, width] = useBoxWidth<HTMLElement>();
  const narrow = width !== null && width < STACK_BELOW;
  const notes = notesOf(forces, narrow);
  const helping = forces.filter((f) => f.side === "helping");
  const hindering = forces.filter((f) => f.side === "hindering");
  const totals = forceTotals(forces);
  const rows = Math.max(1, helping.length, hindering.length);
  const height = TOP + rows * ROW + BOTTOM;
  const footer = TOP + rows * ROW + 26;
  return (
    // Focusable: before scripts stack it on a phone the diagram scrolls sideways, and a keyboard
    // must be able to scroll it.
    <figure ref={figure} className="ffd" tabIndex={0} aria-label={`Force-field diagram of ${code}`}>
      {narrow ? (
        <StackedDrawing code={code} forces={forces} notes={notes} />
      ) : (
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
            <Arrow key={f.id} force={f} row={i} note={notes.get(f.id)} />
          ))}
          {hindering.map((f, i) => (
            <Arrow key={f.id} force={f} row={i} note={notes.get(f.id)} />
          ))}
          <text className="ffd-total" x={CENTRE - GAP} y={footer} textAnchor="end">
            Helping total {totals.helping}
          </text>
          <text className="ffd-total" x={CENTRE + GAP} y={footer} textAnchor="start">
            Hindering total {totals.hindering}
          </text>
        </svg>
      )}
      {notes.size ? (
        <div className="ffd-full">
          <p className="ffd-full-heading">Shortened in the diagram, in full:</p>
          <ul className="plain-list">
            {[...helping, ...hindering]
              .filter((f) => notes.has(f.id))
              .map((f) => (
                <li key={f.id}>
                  {`[${notes.get(f.id)}] ${f.side === "helping" ? "Helping" : "Hindering"}: ${f.text.trim()}`}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      <figcaption className="ffd-legend">
        <span aria-hidden="true">Arrow length shows strength (1–5). ★ marks a priority.</span>
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
