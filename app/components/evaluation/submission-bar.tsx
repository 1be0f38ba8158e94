import { Link, useFetcher, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useHydrated } from "../../utils/use-hydrated.ts";
import { CYCLE_STATUS_IN_FULL, type CycleStatus } from "../../../models/cycle/status.ts";
import { CsrfInput } from "../csrf-input.tsx";

/** After validation the cycle has moved on: only these may be (re)submitted. */
const SUBMITTABLE: CycleStatus[] = ["notStarted", "inProgress", "submitted"];

// Layout only; colours and type come from the shared stylesheet's classes.
const BAR = {
  display: "flex",
  flexWrap: "wrap",
  alignItems: "center",
  gap: "0.75rem 1.5rem",
  margin: "0.75rem 0",
} as const;
const DIALOG = {
  maxWidth: "34rem",
  border: "1px solid var(--line)",
  borderRadius: "8px",
  padding: "1.25rem 1.5rem",
} as const;

/**
 * Where the evaluation stands, the school leader's "Submit for validation" (with a confirm
 * step: it freezes a snapshot everyone will see), and the way to its history.
 */
export function SubmissionBar({
  evaluationId,
  status,
  canSubmit,
  latestSubmissionId,
  unjudged,
}: {
  evaluationId: string;
  status: CycleStatus;
  canSubmit: boolean;
  /** The latest submission this page knows of: a retry of this very submission makes no second. */
  latestSubmissionId: string;
  /** The criteria not judged yet (live), named in the confirmation so nobody submits by mistake. */
  unjudged: { id: string; code: string; statement: string }[];
}) {
  const fetcher = useFetcher<{ formError?: string }>();
  const dialog = useRef<HTMLDialogElement>(null);
  const [params] = useSearchParams();
  const busy = fetcher.state !== "idle";
  const hydrated = useHydrated();
  const justSubmitted = params.get("submitted") === "1";
  const formError = fetcher.state === "idle" ? fetcher.data?.formError : undefined;

  // Once the submission is over (done, or refused: the refusal shows on the bar), the dialog goes.
  useEffect(() => {
    if (fetcher.state === "idle") dialog.current?.close();
  }, [fetcher.state]);

  const submitLabel =
    status === "submitted" ? "Submit again for validation" : "Submit for validation";
  return (
    <section className="submission-bar" aria-label="Submission" style={BAR}>
      <p className="submission-status" style={{ margin: 0 }}>
        Status: <span className={`badge status-${status}`}>{CYCLE_STATUS_IN_FULL[status]}</span>
      </p>
      <Link to={`/evaluations/${evaluationId}/history`}>History and comparison</Link>
      {canSubmit && SUBMITTABLE.includes(status) ? (
        <>
          <button
            type="button"
            className="button"
            onClick={() => dialog.current?.showModal()}
            // Until the page's scripts run the dialog cannot open: disabled, not dead.
            disabled={busy || !hydrated}
          >
            {submitLabel}
          </button>
          <dialog
            ref={dialog}
            className="confirm-dialog"
            style={DIALOG}
            aria-labelledby="submit-dialog-title"
            aria-describedby={`${unjudged.length ? "submit-dialog-unjudged " : ""}submit-dialog-text`}
          >
            <h2 id="submit-dialog-title" style={{ marginTop: 0 }}>
              Submit this evaluation for validation?
            </h2>
            {unjudged.length ? (
              <div className="unjudged-warning notice" role="note">
                <p id="submit-dialog-unjudged">
                  <strong>
                    {unjudged.length === 1
                      ? "1 criterion is not judged yet:"
                      : `${unjudged.length} criteria are not judged yet:`}
                  </strong>{" "}
                  {unjudged.map((c) => c.code).join(", ")}. You can still submit.
                </p>
                <ul
                  className="unjudged-list"
                  aria-label="Criteria not judged yet"
                  // Its own scroll box when long, reachable by keyboard.
                  tabIndex={0}
                >
                  {unjudged.map((c) => (
                    <li key={c.id}>
                      <span className="code">{c.code}</span> {c.statement}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <p id="submit-dialog-text">
              Every judgement, note, force and action is kept exactly as it is now, as a snapshot
              the validator will review. Your team can keep working afterwards; later changes do not
              alter what was submitted.
            </p>
            <fetcher.Form method="post" action={`/evaluations/${evaluationId}/submit`}>
              <CsrfInput />
              <input type="hidden" name="basedOn" value={latestSubmissionId} />
              {/* Back to the area being worked on, once submitted. */}
              {params.get("area") ? (
                <input type="hidden" name="area" value={params.get("area") ?? ""} />
              ) : null}
              <div
                className="dialog-buttons"
                style={{ display: "flex", gap: "1.25rem", alignItems: "center" }}
              >
                <button type="submit" className="button" disabled={busy}>
                  {busy ? "Submitting…" : "Submit now"}
                </button>
                <button
                  type="button"
                  className="button-link"
                  onClick={() => dialog.current?.close()}
                >
                  Cancel
                </button>
              </div>
            </fetcher.Form>
          </dialog>
        </>
      ) : null}
      {justSubmitted && !formError ? (
        <p className="notice" role="status" style={{ flexBasis: "100%", margin: 0 }}>
          Submitted for validation. A snapshot of the evaluation as it stands has been kept.
        </p>
      ) : null}
      {formError ? (
        <p className="form-error" role="alert" style={{ flexBasis: "100%", margin: 0 }}>
          {formError}
        </p>
      ) : null}
    </section>
  );
}
