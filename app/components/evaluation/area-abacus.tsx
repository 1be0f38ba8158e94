import { Link } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type * as Y from "yjs";
import type { Criterion, ScaleLevel } from "../../../models/framework/types.ts";
import {
  indicatorRatingsOf,
  judgementsOf,
  ratingKey,
  setJudgement,
  type Rating,
} from "../../../collab/shapes/evaluation.ts";
import { useStructuredEdits } from "./structured-edits.tsx";
import { useSettledChoice } from "./use-settled-choice.ts";

/** Every criterion's judgement and indicator ratings in an area, live. */
interface AreaState {
  judgements: Record<string, string>;
  ratings: Record<string, Rating>;
}

function readAreaState(doc: Y.Doc, criteria: Criterion[]): AreaState {
  const judgements = judgementsOf(doc);
  const ratings = indicatorRatingsOf(doc);
  const j: Record<string, string> = {};
  const r: Record<string, Rating> = {};
  for (const c of criteria) {
    const level = judgements.get(c.id);
    if (level) j[c.id] = level;
    for (const i of c.indicators ?? []) {
      const rating = ratings.get(ratingKey(c.id, i.id));
      if (rating) r[ratingKey(c.id, i.id)] = rating;
    }
  }
  return { judgements: j, ratings: r };
}

function useAreaState(doc: Y.Doc | null, criteria: Criterion[]) {
  // Read at once too (not only in the effect), so the page as served shows the judgements.
  const [state, setState] = useState<AreaState>(() =>
    doc ? readAreaState(doc, criteria) : { judgements: {}, ratings: {} },
  );
  useEffect(() => {
    if (!doc) return;
    const judgements = judgementsOf(doc);
    const ratings = indicatorRatingsOf(doc);
    const read = () => setState(readAreaState(doc, criteria));
    read();
    judgements.observe(read);
    ratings.observe(read);
    return () => {
      judgements.unobserve(read);
      ratings.unobserve(read);
    };
  }, [doc, criteria]);
  return state;
}

/**
 * The overview of an area as an abacus: a row per criterion, the scale's levels across, and a
 * bead at each row's judgement. Move a bead by dragging it, clicking a level, or with the arrow
 * keys (it is a slider; position 0 is "not judged"); the descriptor under the bead shows. The
 * judgement is written once the person settles (releasing the bead, Enter, a pause, leaving the
 * slider), never at every level passed.
 */
export function AreaAbacus(props: {
  doc: Y.Doc | null;
  criteria: Criterion[];
  levels: ScaleLevel[];
  readOnly: boolean;
  /** The server has not answered yet (for someone who may write). */
  connecting?: boolean;
  areaTitle: string;
  /** Where a criterion's label leads (its panel, opened). */
  linkTo?: (criterionId: string) => string;
  /** Presence: this person is working on a criterion's judgement (or nowhere: null). */
  focusProps?: (criterionId: string) => object;
}) {
  const { doc, criteria, levels, readOnly } = props;
  const { judgements, ratings } = useAreaState(doc, criteria);
  const { edit } = useStructuredEdits();
  const locked = readOnly || !doc;
  const columns = levels.length + 1;

  function setPosition(criterionId: string, position: number) {
    if (!doc || locked) return;
    const clamped = Math.max(0, Math.min(levels.length, position));
    edit(() => setJudgement(doc, criterionId, clamped === 0 ? null : levels[clamped - 1].key));
  }

  return (
    <section className="abacus" aria-label={`Overview of ${props.areaTitle}`}>
      {props.connecting ? (
        <p className="connecting-note">
          Connecting… You can work now: changes are kept in this browser and sent once connected.
        </p>
      ) : null}
      <div
        className="abacus-head"
        style={{ gridTemplateColumns: `minmax(10rem, 16rem) repeat(${columns}, 1fr)` }}
        aria-hidden="true"
      >
        <span />
        <span className="abacus-level">Not judged</span>
        {levels.map((l) => (
          <span key={l.key} className="abacus-level">
            {l.label}
          </span>
        ))}
      </div>
      {criteria.some((c) => c.indicators?.length) ? <RatingKey /> : null}
      {criteria.map((c) => (
        <AbacusRow
          key={c.id}
          criterion={c}
          levels={levels}
          level={judgements[c.id] ?? null}
          ratings={(c.indicators ?? []).map((i) => ({
            text: i.text,
            rating: ratings[ratingKey(c.id, i.id)] ?? null,
          }))}
          locked={locked}
          href={props.linkTo?.(c.id) ?? `#criterion-${c.id}`}
          focusProps={props.focusProps?.(c.id) ?? {}}
          onMove={(position) => setPosition(c.id, position)}
        />
      ))}
    </section>
  );
}

const RATING_WORDS: { rating: Rating | "none"; label: string }[] = [
  { rating: "green", label: "Green" },
  { rating: "amber", label: "Amber" },
  { rating: "red", label: "Red" },
  { rating: "none", label: "Not rated" },
];

/** What the dots beside a criterion mean: its indicators' ratings, one dot each, in order. */
function RatingKey() {
  return (
    <p className="abacus-key">
      <span>Dots: each indicator&rsquo;s rating, in order.</span>
      {RATING_WORDS.map(({ rating, label }) => (
        <span key={rating} className="abacus-key-item">
          <span className={`rag-dot rag-dot-${rating}`} aria-hidden="true" /> {label}
        </span>
      ))}
    </p>
  );
}

function AbacusRow(props: {
  criterion: Criterion;
  levels: ScaleLevel[];
  level: string | null;
  ratings: { text: string; rating: Rating | null }[];
  locked: boolean;
  href: string;
  focusProps: object;
  onMove(position: number): void;
}) {
  const { criterion: c, levels, level, locked } = props;
  const stored = level ? levels.findIndex((l) => l.key === level) + 1 : 0;
  const choice = useSettledChoice(stored, props.onMove);
  const position = choice.shown;
  const chosen = position > 0 ? levels[position - 1] : null;
  const track = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  const columns = levels.length + 1;

  const positionAt = (clientX: number) => {
    const rect = track.current!.getBoundingClientRect();
    const at = Math.floor(((clientX - rect.left) / rect.width) * columns);
    return Math.max(0, Math.min(levels.length, at));
  };

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = {
      ArrowRight: position + 1,
      ArrowUp: position + 1,
      ArrowLeft: position - 1,
      ArrowDown: position - 1,
      Home: 0,
      End: levels.length,
    };
    if (event.key in moves) {
      event.preventDefault();
      choice.propose(Math.max(0, Math.min(levels.length, moves[event.key])));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choice.settle();
    }
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (locked) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(true);
    choice.propose(positionAt(event.clientX), "on settle");
  }

  function onPointerUp() {
    setDragging(false);
    choice.settle();
  }

  const descriptorId = `abacus-${c.id}-descriptor`;
  return (
    <div className="abacus-row" {...props.focusProps}>
      <div className="abacus-label">
        <Link to={props.href} preventScrollReset>
          <span className="code">{c.code}</span>{" "}
          {c.statement.length > 90 ? `${c.statement.slice(0, 88)}…` : c.statement}
        </Link>
        {props.ratings.length ? (
          <span
            className="abacus-rag"
            role="img"
            aria-label={`Indicators: ${props.ratings.map((r) => `${r.text}: ${r.rating ?? "not rated"}`).join("; ")}`}
          >
            {props.ratings.map((r, i) => (
              <span
                key={i}
                className={`rag-dot rag-dot-${r.rating ?? "none"}`}
                title={`${r.text}: ${r.rating ?? "not rated"}`}
              />
            ))}
          </span>
        ) : null}
      </div>
      <div>
        <div
          ref={track}
          className={`abacus-track${dragging ? " abacus-dragging" : ""}`}
          style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}
          onPointerDown={onPointerDown}
          onPointerMove={(e) => dragging && choice.propose(positionAt(e.clientX), "on settle")}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          {Array.from({ length: columns }, (_, i) => (
            <span key={i} className="abacus-cell" aria-hidden="true" />
          ))}
          <span
            role="slider"
            tabIndex={locked ? -1 : 0}
            aria-label={`Judgement for ${c.code}`}
            aria-valuemin={0}
            aria-valuemax={levels.length}
            aria-valuenow={position}
            aria-valuetext={chosen ? chosen.label : "Not judged"}
            aria-readonly={locked || undefined}
            aria-describedby={descriptorId}
            className="abacus-bead"
            style={{
              left: `calc(${(position + 0.5) * (100 / columns)}% - 0.8rem)`,
              backgroundColor: chosen?.colour ?? "#6b7280",
            }}
            onKeyDown={locked ? undefined : onKeyDown}
            onBlur={choice.settle}
          />
        </div>
        <p className="abacus-descriptor" id={descriptorId}>
          {chosen ? (
            <>
              <strong>{chosen.label}:</strong> {c.descriptors[chosen.key]}
            </>
          ) : (
            <span className="muted">Not judged yet.</span>
          )}
        </p>
      </div>
    </div>
  );
}
