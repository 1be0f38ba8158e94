import { Link } from "@remix-run/react";
import type { AwaitingValidatorRow } from "../../utils/awaiting-validator.server.ts";

/** Where a trust admin assigns validators: the evaluation's Validation tab, at its form. */
export function assignValidatorPath(evaluationId: string): string {
  return `/evaluations/${evaluationId}/validation#assign-heading`;
}

/**
 * The way to an evaluation's validators form: visible "Assign a validator", the school named for
 * screen readers after it, so the accessible name starts with the visible words (WCAG 2.5.3).
 */
export function AssignValidatorLink({
  evaluationId,
  school,
}: {
  evaluationId: string;
  school: string;
}) {
  return (
    <Link to={assignValidatorPath(evaluationId)}>
      Assign a validator<span className="visually-hidden">{` for ${school}`}</span>
    </Link>
  );
}

/** Submitted evaluations with no validator yet, each with the way to assign one. */
export function AwaitingValidatorList({ rows }: { rows: AwaitingValidatorRow[] }) {
  if (rows.length === 0) {
    return (
      <p className="muted empty-state">
        No submitted evaluation is waiting for a validator. When a school submits, it appears here
        until you assign one.
      </p>
    );
  }
  return (
    <ul className="card-list">
      {rows.map((r) => (
        <li key={r.evaluationId} className="card">
          <h3>
            <Link to={`/evaluations/${r.evaluationId}`}>{`${r.school}: ${r.title}`}</Link>
          </h3>
          <p className="muted">{r.framework}</p>
          <p>
            <span className="badge">Waiting for a validator</span>
          </p>
          {r.submittedAt ? (
            <p>
              Submitted <time dateTime={r.submittedAt}>{r.submittedWhen}</time>
            </p>
          ) : null}
          <p>
            <AssignValidatorLink evaluationId={r.evaluationId} school={r.school} />
          </p>
        </li>
      ))}
    </ul>
  );
}
