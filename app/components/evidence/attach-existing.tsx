import { useId, useState } from "react";
import type { EvidenceListItem } from "./types.ts";

/**
 * "Attach existing evidence": any other item of this evaluation, so one file or link serves
 * several criteria without being uploaded again.
 */
export function AttachExisting(props: {
  code: string;
  available: EvidenceListItem[];
  onAttach: (itemId: string) => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState("");
  if (props.available.length === 0) return null;
  const value = props.available.some((i) => i.id === chosen) ? chosen : "";
  return (
    <form
      className="evidence-form"
      style={{ display: "flex", flexDirection: "column", gap: "0.5rem" }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!value) return;
        props.onAttach(value);
        setChosen("");
      }}
    >
      <div className="field">
        <label htmlFor={id}>Attach existing evidence</label>
        <p className="hint" id={`${id}-hint`}>
          Evidence already added to other criteria of this evaluation.
        </p>
        <select
          id={id}
          aria-describedby={`${id}-hint`}
          value={value}
          onChange={(e) => setChosen(e.target.value)}
        >
          <option value="">Choose evidence…</option>
          {props.available.map((item) => (
            <option key={item.id} value={item.id}>
              {`${item.title} (${item.typeLabel})`}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="button"
        disabled={!value}
        aria-label={`Attach the chosen evidence to ${props.code}`}
      >
        Attach
      </button>
    </form>
  );
}
