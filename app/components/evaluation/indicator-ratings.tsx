import { useEffect, useState } from "react";
import {
  indicatorRatingsOf,
  ratingKey,
  setRating,
  type Rating,
} from "../../../collab/shapes/evaluation.ts";
import { useStructuredEdits } from "./structured-edits.tsx";
import type { CriterionWorkspace } from "./criterion-panel.tsx";

const RATINGS: { value: Rating; label: string }[] = [
  { value: "red", label: "Red" },
  { value: "amber", label: "Amber" },
  { value: "green", label: "Green" },
];

/** Red / amber / green for each of the criterion's indicators, live in the document. */
export function IndicatorRatings({ criterion, doc, readOnly }: CriterionWorkspace) {
  const [ratings, setRatings] = useState<Record<string, Rating>>({});
  const { edit } = useStructuredEdits();
  useEffect(() => {
    if (!doc) return;
    const map = indicatorRatingsOf(doc);
    const read = () => {
      const next: Record<string, Rating> = {};
      for (const i of criterion.indicators ?? []) {
        const value = map.get(ratingKey(criterion.id, i.id));
        if (value) next[i.id] = value;
      }
      setRatings(next);
    };
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [doc, criterion]);

  return (
    <div className="indicators">
      <h5>Indicators</h5>
      <ul className="indicator-list">
        {criterion.indicators?.map((indicator) => (
          <li key={indicator.id}>
            <fieldset className="rag">
              <legend>{indicator.text}</legend>
              {/* The three together: beside the indicator where they fit, else all under it. */}
              <span className="rag-options">
                {RATINGS.map((r) => (
                  <label
                    key={r.value}
                    className={`rag-option rag-${r.value}${ratings[indicator.id] === r.value ? " rag-chosen" : ""}`}
                  >
                    <input
                      type="radio"
                      name={`rag-${criterion.id}-${indicator.id}`}
                      value={r.value}
                      checked={ratings[indicator.id] === r.value}
                      disabled={readOnly || !doc}
                      onChange={() =>
                        doc && edit(() => setRating(doc, criterion.id, indicator.id, r.value))
                      }
                    />
                    {r.label}
                  </label>
                ))}
              </span>
            </fieldset>
          </li>
        ))}
      </ul>
    </div>
  );
}
