import { Link, useFetcher, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useHydrated } from "../../utils/use-hydrated.ts";
import { CYCLE_STATUS_IN_FULL, type CycleStatus } from "../../../models/cycle/status.ts";
import { hasJudgementToSubmit, NOTHING_JUDGED } from "../../../models/snapshot/submission-rule.ts";
import { CsrfInput } from "../csrf-input.tsx";
import { submitterHint, type SubmitterName } from "./submitter-words.ts";

/** After validation the cycle has moved on: only these may be (re)submitted. */
const SUBMITTABLE: CycleStatus[] = ["notStarted", "inProgress", "submitted"];

/** The latest submission, as the server stamped it (who, and when in UK time). */
export interface SubmissionFacts {
  id: string;
  by: string;
  /** Submitted by the person looking at the page. */
  byMe: boolean;
  /** The time of day, e.g. "14:05". */
  at: string;
  /** The day and time, e.g. "6 Dec 2026, 14:05". */
  on: string;
}

interface Standing {
  evaluationId: string;
  status: CycleStatus;
  submissionId: string;
}

/**
 * What changed between two loads of the page's data, in words for everyone with it open: a new
 * submission (the first or another), or the outcome recorded. Null when nothing they need to
 * hear about changed (the first judgement turning "Not started" into "In progress" says itself).
 */
function statusNews(
  before: Standing,
  now: Standing,
  submission: SubmissionFacts | null,
  canWrite: boolean,
): { text: string; byMe: boolean } | null {
  if (now.submissionId !== before.submissionId && submission && now.status === "submitted") {
    const who = submission.byMe ? "You" : submission.by;
    const carryOn = canWrite ? "you can keep working" : "the team can keep working";
    const text =
      before.submissionId === "none"
        ? `${who} submitted this evaluation for validation at ${submission.at}: a snapshot was taken; ${carryOn}, and later changes can be submitted again.`
        : `${who} submitted this evaluation for validation again at ${submission.at}: a new snapshot was taken, and the earlier one is kept in its history; ${carryOn}, and later changes can be submitted again.`;
    return { text, byMe: submission.byMe };
  }
  if (now.status !== before.status && (now.status === "validated" || now.status === "accredited"))
    return {
      text: `The validator recorded the outcome: this evaluation is now ${CYCLE_STATUS_IN_FULL[now.status].toLowerCase()}, and can no longer be submitted.`,
      byMe: false,
    };
  return null;
}

/**
 * The latest news of the evaluation's status, once the page's data has been reloaded with a
 * change (the server announces each submission and outcome to every open page).
 */
function useStatusNews(now: Standing, submission: SubmissionFacts | null, canWrite: boolean) {
  const [seen, setSeen] = useState(now);
  const [news, setNews] = useState<{ text: string; byMe: boolean } | null>(null);
  if (
    seen.evaluationId !== now.evaluationId ||
    seen.status !== now.status ||
    seen.submissionId !== now.submissionId
  ) {
    setSeen(now);
    setNews(
      seen.evaluationId === now.evaluationId
        ? (statusNews(seen, now, submission, canWrite) ?? news)
        : null,
    );
  }
  return news;
}

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
 * Where the evaluation stands, live (a submission or an outcome made anywhere is announced), the
 * school leader's "Submit for validation" (with a confirm step: it freezes a snapshot everyone
 * will see, and says what a second one changes; with nothing judged, it says to judge a
 * criterion first, as the server would), and the way to its history. To the rest of the team,
 * who may not submit, it says who does, and once every criterion is judged, to tell them.
 */
export function SubmissionBar({
  evaluationId,
  status,
  canSubmit,
  canWrite,
  latestSubmissionId,
  latestSubmission,
  validators,
  judged,
  unjudged,
  submitters,
  refusal = null,
}: {
  evaluationId: string;
  status: CycleStatus;
  canSubmit: boolean;
  canWrite: boolean;
  /** The latest submission this page knows of: a retry of this very submission makes no second. */
  latestSubmissionId: string;
  latestSubmission: SubmissionFacts | null;
  /** The names of the validators assigned (given when a second submission is possible). */
  validators: string[];
  /** How many criteria are judged (live): with none, there is nothing to submit. */
  judged: number;
  /** The criteria not judged yet (live), named in the confirmation so nobody submits by mistake. */
  unjudged: { id: string; code: string; statement: string }[];
  /** Who may submit, for a member of the team who may not (null for everyone else). */
  submitters: SubmitterName[] | null;
  /** Why a submission posted without the page's scripts was refused (shown once), or null. */
  refusal?: string | null;
}) {
  const fetcher = useFetcher<{ formError?: string }>();
  const dialog = useRef<HTMLDialogElement>(null);
  const [params] = useSearchParams();
  const busy = fetcher.state !== "idle";
  const hydrated = useHydrated();
  const justSubmitted = params.get("submitted") === "1";
  // A refusal of this page's own submission, or (until it submits) one carried from a
  // submission posted without scripts.
  const formError =
    fetcher.state !== "idle"
      ? undefined
      : fetcher.data
        ? fetcher.data.formError
        : (refusal ?? undefined);
  const news = useStatusNews(
    { evaluationId, status, submissionId: latestSubmissionId },
    latestSubmission,
    canWrite,
  );
  // This page's own submission is confirmed below; the person's other pages hear of it.
  const shownNews = news && !(justSubmitted && news.byMe) ? news.text : null;
  // A second submission's confirmation says what it adds, over the last one.
  const again = status === "submitted" && latestSubmission !== null;
  const nothingJudged = !hasJudgementToSubmit(judged);

  // Once the submission is over (done, or refused: the refusal shows on the bar), the dialog goes.
  useEffect(() => {
    if (fetcher.state === "idle") dialog.current?.close();
  }, [fetcher.state]);

  // Said live (a colleague judging the last criterion is news): who submits, and when to tell them.
  const hint =
    submitters && !canSubmit && canWrite && SUBMITTABLE.includes(status)
      ? submitterHint(
          submitters,
          status === "submitted" ? "submitted" : unjudged.length === 0 ? "allJudged" : "working",
        )
      : null;

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
            aria-describedby={
              nothingJudged
                ? "submit-dialog-text"
                : `${unjudged.length ? "submit-dialog-unjudged " : ""}submit-dialog-text${again ? " submit-dialog-review" : ""}`
            }
          >
            <h2 id="submit-dialog-title" style={{ marginTop: 0 }}>
              {nothingJudged
                ? "Nothing to submit yet"
                : again
                  ? "Submit this evaluation for validation again?"
                  : "Submit this evaluation for validation?"}
            </h2>
            {nothingJudged ? (
              <>
                <p id="submit-dialog-text">
                  {`${NOTHING_JUDGED} Choose a level for any criterion, then submit.`}
                </p>
                <div className="dialog-buttons">
                  <button type="button" className="button" onClick={() => dialog.current?.close()}>
                    Close
                  </button>
                </div>
              </>
            ) : (
              <>
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
                {again ? (
                  <>
                    <p id="submit-dialog-text">
                      {`It was last submitted by ${latestSubmission.byMe ? "you" : latestSubmission.by} on ${latestSubmission.on}. Submitting again keeps a new snapshot of every judgement, note, force and action as it is now; the earlier snapshot stays exactly as it was, and History and comparison lists both, to compare them.`}
                    </p>
                    <p id="submit-dialog-review">
                      <strong>What the validator reviews:</strong>{" "}
                      {validators.length
                        ? `${listOf(validators)} ${validators.length === 1 ? "reviews" : "review"} the judgements in your last snapshot; any you have changed since show to them as changed since submission. Submitting again gives them this new snapshot to review instead.`
                        : "no validator is assigned yet. Whoever is assigned reviews the judgements in your latest snapshot (this one, if you submit now); any changed later show to them as changed since submission."}
                    </p>
                  </>
                ) : (
                  <p id="submit-dialog-text">
                    Every judgement, note, force and action is kept exactly as it is now, as a
                    snapshot of what you submitted. Your team can keep working afterwards. The
                    validator reviews the judgements in this snapshot; any you change later show to
                    them as changed since submission, and submitting again gives them a new snapshot
                    to review.
                  </p>
                )}
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
              </>
            )}
          </dialog>
        </>
      ) : null}
      {hint !== null ? (
        <p
          className={unjudged.length === 0 && status !== "submitted" ? "notice" : "muted"}
          role="status"
          style={{ flexBasis: "100%", margin: 0 }}
        >
          {hint}
        </p>
      ) : null}
      {shownNews ? (
        <p className="notice" role="status" style={{ flexBasis: "100%", margin: 0 }}>
          {shownNews}
        </p>
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

/** "A", "A and B", "A, B and C". */
const listOf = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
