import { useFetcher } from "@remix-run/react";
import { CsrfInput } from "../csrf-input.tsx";
import {
  evidenceRoute,
  formatSize,
  type EvidenceActionData,
  type EvidenceListItem,
} from "./types.ts";

const ROW_STYLE = {
  display: "flex",
  flexWrap: "wrap",
  justifyContent: "space-between",
  alignItems: "baseline",
  gap: "0.25rem 1rem",
} as const;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function DeleteButton({
  evaluationId,
  item,
  uses,
}: {
  evaluationId: string;
  item: EvidenceListItem;
  uses: number;
}) {
  const fetcher = useFetcher<EvidenceActionData>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form
      method="post"
      action={evidenceRoute(evaluationId)}
      className="inline-form"
      onSubmit={(event) => {
        const where =
          uses > 1 ? ` It supports ${uses} criteria and will be removed from all of them.` : "";
        if (!window.confirm(`Delete “${item.title}” from this evaluation?${where}`))
          event.preventDefault();
      }}
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="itemId" value={item.id} />
      <button
        type="submit"
        className="button-link danger-link"
        style={{ color: "var(--danger)" }}
        disabled={busy}
        aria-label={`Delete ${item.title} from the evaluation`}
      >
        {busy ? "Deleting…" : "Delete"}
      </button>
    </fetcher.Form>
  );
}

/** The evidence attached to one criterion: open or download each, and (for writers) detach or delete it. */
export function EvidenceList(props: {
  evaluationId: string;
  code: string;
  items: EvidenceListItem[];
  usesOf: (itemId: string) => number;
  readOnly: boolean;
  onDetach: (itemId: string) => void;
}) {
  if (props.items.length === 0) return <p className="muted">No files or links attached yet.</p>;
  return (
    <ul className="evidence-list plain-list">
      {props.items.map((item) => {
        const uses = props.usesOf(item.id);
        return (
          <li key={item.id} className="evidence-item" style={ROW_STYLE}>
            <div>
              {item.kind === "link" && item.url ? (
                <a href={item.url} target="_blank" rel="noopener noreferrer">
                  {item.title}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                <a href={item.downloadUrl ?? undefined} download>
                  {item.title}
                  <span className="visually-hidden"> (download)</span>
                </a>
              )}{" "}
              <span className="badge">{item.typeLabel}</span>
              <span className="muted">
                {" "}
                {item.kind === "link" && item.url ? hostOf(item.url) : formatSize(item.size)}
                {item.addedBy ? ` · added by ${item.addedBy}` : ""}
                {uses > 1 ? ` · supports ${uses} criteria` : ""}
              </span>
            </div>
            {props.readOnly ? null : (
              <div className="evidence-item-actions" style={{ display: "flex", gap: "1rem" }}>
                <button
                  type="button"
                  className="button-link"
                  onClick={() => props.onDetach(item.id)}
                  aria-label={`Detach ${item.title} from ${props.code}`}
                >
                  Detach
                </button>
                <DeleteButton evaluationId={props.evaluationId} item={item} uses={uses} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
