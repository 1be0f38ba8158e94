import { useEffect, useId, useState } from "react";
import type * as Y from "yjs";
import type { ScaleLevel } from "../../../models/framework/types.ts";
import { judgementsOf } from "../../../collab/shapes/evaluation.ts";

/** The criterion's current judgement, live from the document. */
export function useJudgement(doc: Y.Doc | null, criterionId: string): string | null {
  const [level, setLevel] = useState<string | null>(null);
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

/**
 * A judgement: one level of the scale, as native radio buttons (arrow keys move between
 * levels), with the descriptor of the chosen level beside it.
 */
export function JudgementPicker(props: {
  doc: Y.Doc | null;
  criterionId: string;
  code: string;
  levels: ScaleLevel[];
  descriptors: Record<string, string>;
  readOnly: boolean;
  onFocus?: () => void;
}) {
  const { doc, criterionId, levels, descriptors, readOnly } = props;
  const level = useJudgement(doc, criterionId);
  const name = useId();
  const disabled = readOnly || !doc;
  const chosen = levels.find((l) => l.key === level) ?? null;
  return (
    <fieldset className="judgement" aria-describedby={`${name}-descriptor`}>
      <legend>Judgement for {props.code}</legend>
      <div className="levels">
        {levels.map((l) => (
          <label
            key={l.key}
            className={`level${l.key === level ? " level-chosen" : ""}`}
            style={{ "--level-colour": l.colour } as React.CSSProperties}
          >
            <input
              type="radio"
              name={name}
              value={l.key}
              checked={l.key === level}
              disabled={disabled}
              onFocus={props.onFocus}
              onChange={() => doc && judgementsOf(doc).set(criterionId, l.key)}
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
