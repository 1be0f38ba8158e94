import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { RecordState } from "../../../models/validation/record-state.ts";
import { labelOf, type AgendaItem, type Provisional } from "./types.ts";

/**
 * One criterion on the agenda: the school's judgement and the validator's side by side, the
 * descriptors of each level, the evidence the school attached, where its comment threads are,
 * and the agreed judgement as the record has it (live).
 */
export function AgendaItemView(props: {
  item: AgendaItem;
  evaluationId: string;
  provisional: Provisional[];
  agreed: RecordState["agreed"][string] | undefined;
  names: Record<string, string>;
  provisionalHidden: boolean;
  /** The criterion's comment threads, once the page is live (a link to them until then). */
  threads?: ReactNode;
}) {
  const { item, provisional, agreed } = props;
  const headingId = `agenda-${item.id}`;
  const validatorLevels = new Set(provisional.map((p) => p.level));
  return (
    <article className="agenda-item panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="code">{item.code}</span> {item.statement}
      </h3>
      <p className="muted">{item.areaTitle}</p>
      <dl className="judgements-side-by-side">
        <div>
          <dt>School's judgement</dt>
          <dd>{labelOf(item.levels, item.schoolJudgement)}</dd>
        </div>
        <div>
          <dt>Validator's judgement</dt>
          <dd>
            {props.provisionalHidden
              ? "Shown when the meeting starts"
              : provisional.length
                ? provisional
                    .map(
                      (p) =>
                        `${labelOf(item.levels, p.level)} (${props.names[p.validatorId] ?? "validator"})`,
                    )
                    .join("; ")
                : "Not judged"}
          </dd>
        </div>
        <div>
          <dt>Agreed judgement</dt>
          <dd>
            {agreed ? (
              <>
                <strong>{labelOf(item.levels, agreed.level)}</strong>
                {agreed.rationale ? ` · ${agreed.rationale}` : ""}
                <span className="muted">
                  {agreed.confirmedBy
                    ? ` · confirmed by ${props.names[agreed.confirmedBy] ?? "the school"}`
                    : " · awaiting the school's confirmation"}
                </span>
              </>
            ) : (
              <span className="muted">Not agreed yet</span>
            )}
          </dd>
        </div>
      </dl>
      <details>
        <summary>Descriptors</summary>
        <ul className="descriptor-list">
          {item.levels.map((l) => {
            const marks = [
              l.key === item.schoolJudgement ? "school" : null,
              validatorLevels.has(l.key) && !props.provisionalHidden ? "validator" : null,
            ].filter(Boolean);
            return (
              <li key={l.key} className={marks.length ? "descriptor-marked" : undefined}>
                <strong>{l.label}</strong>
                {marks.length ? <span className="muted">{` (${marks.join(" and ")})`}</span> : null}
                : {item.descriptors[l.key] ?? "—"}
              </li>
            );
          })}
        </ul>
      </details>
      <div>
        <h4>Evidence</h4>
        {item.evidence.length ? (
          <ul>
            {item.evidence.map((e) => (
              <li key={e.id}>
                {e.kind === "link" && e.url ? (
                  <a href={e.url} target="_blank" rel="noopener noreferrer">
                    {e.title}
                  </a>
                ) : (
                  <a href={`/evidence/${e.id}/download`} download>
                    {e.title}
                  </a>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No evidence attached.</p>
        )}
      </div>
      {props.threads ?? (
        <p>
          <Link to={`/evaluations/${props.evaluationId}?area=${item.areaId}#criterion-${item.id}`}>
            {`Comment threads on ${item.code}`}
          </Link>
        </p>
      )}
    </article>
  );
}
