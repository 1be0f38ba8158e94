import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type * as Y from "yjs";
import type { ScaleLevel } from "../../../models/framework/types.ts";
import { judgementsOf, setJudgement } from "../../../collab/shapes/evaluation.ts";
import { useStructuredEdits } from "./structured-edits.tsx";
import { useSettledChoice } from "./use-settled-choice.ts";

/** The criterion's current judgement, live from the document. */
export function useJudgement(doc: Y.Doc | null, criterionId: string): string | null {
  // Read at once (the page's served state is there during server rendering and hydration), so
  // the chosen level shows from the first paint and no second render is needed to show it.
  const [level, setLevel] = useState<string | null>(() =>
    doc ? (judgementsOf(doc).get(criterionId) ?? null) : null,
  );
  useEffect(() => {
    if (!doc) return;
    const judgements = judgementsOf(doc);
    const read = () => setLevel(judgements.get(criterionId) ?? null);
    read();
    judgements.observe(read);
    return () => judgements.unobserve(read);
  }, [doc, criterionId]);
  return level;
}

const ARROWS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"]);

/**
 * A judgement: one level of the scale, as native radio buttons, with the descriptor of the
 * chosen level beside it. A click writes it at once; arrowing through the levels writes only the
 * level the person settles on (a pause, Enter, or leaving the group). Until the server has said
 * this person may write, the levels say "Connecting…" rather than ignoring clicks. On a writer's
 * page as served (`early`), a level chosen before the live document is open, even before the
 * page's scripts have run, is held and written to it once it is.
 */
export function JudgementPicker(props: {
  doc: Y.Doc | null;
  criterionId: string;
  code: string;
  levels: ScaleLevel[];
  descriptors: Record<string, string>;
  readOnly: boolean;
  /** The server has not answered yet (for someone who may write). */
  connecting?: boolean;
  /** A writer's page before its live document is open: choices are held until it is. */
  early?: boolean;
}) {
  const { doc, criterionId, levels, descriptors, readOnly, connecting = false } = props;
  const early = props.early ?? false;
  const level = useJudgement(doc, criterionId);
  const { edit } = useStructuredEdits();
  const [held, setHeld] = useState<{ level: string | null } | null>(null);
  const choice = useSettledChoice<string | null>(held ? held.level : level, (next) => {
    if (early) setHeld({ level: next });
    else if (doc) edit(() => setJudgement(doc, criterionId, next));
  });
  // The live document is open: what was chosen before goes into it.
  useEffect(() => {
    if (early || !held || !doc) return;
    setHeld(null);
    edit(() => setJudgement(doc, criterionId, held.level));
  }, [early, held, doc, edit, criterionId]);
  const levelsBox = useRef<HTMLDivElement>(null);
  // A level clicked in the served page before its scripts ran: the browser checked it, and
  // React, taking over the page, keeps what it rendered. That click counts, as it looked to.
  // (The radios do not autocomplete, so the browser restores no old choice on reload.)
  useEffect(() => {
    const clicked = levelsBox.current?.querySelector<HTMLInputElement>("input:checked");
    if (clicked && clicked.value !== choice.shown) choice.propose(clicked.value, "now");
    // Once, as the page is taken over.
  }, []);
  const viaArrows = useRef(false);
  const name = useId();
  const disabled = (readOnly && !early) || !doc;
  const chosen = levels.find((l) => l.key === choice.shown) ?? null;

  function onKeyDown(event: KeyboardEvent) {
    if (ARROWS.has(event.key)) viaArrows.current = true;
    else if (event.key === " ") viaArrows.current = false;
    else if (event.key === "Enter") {
      event.preventDefault();
      choice.settle();
    }
  }

  return (
    <fieldset
      className="judgement"
      aria-describedby={`${name}-descriptor`}
      aria-busy={connecting || undefined}
      onKeyDown={onKeyDown}
      onPointerDown={() => (viaArrows.current = false)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) choice.settle();
      }}
    >
      <legend>Judgement for {props.code}</legend>
      {connecting ? (
        <p className="connecting-note" id={`${name}-connecting`}>
          Connecting… Changes are kept in this browser and sent once connected.
        </p>
      ) : null}
      {/* Its count picks the rows the levels share out evenly (app.css). */}
      <div className="levels" data-count={levels.length} ref={levelsBox}>
        {levels.map((l) => (
          <label
            key={l.key}
            className={`level${l.key === choice.shown ? " level-chosen" : ""}`}
            style={{ "--level-colour": l.colour } as React.CSSProperties}
          >
            <input
              type="radio"
              name={name}
              value={l.key}
              checked={l.key === choice.shown}
              autoComplete="off"
              disabled={disabled}
              aria-describedby={connecting ? `${name}-connecting` : undefined}
              onChange={() => {
                choice.propose(l.key, viaArrows.current ? "after a pause" : "now");
                viaArrows.current = false;
              }}
            />
            <span>{l.label}</span>
          </label>
        ))}
      </div>
      <p className="descriptor" id={`${name}-descriptor`} aria-live="polite">
        {chosen ? (
          <>
            <strong>{chosen.label}:</strong> {descriptors[chosen.key]}
          </>
        ) : (
          <span className="muted">
            Not judged yet. Read the descriptors below and choose the best fit.
          </span>
        )}
      </p>
    </fieldset>
  );
}
