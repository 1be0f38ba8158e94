import { Link, useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useHydrated } from "../../utils/use-hydrated.ts";
import type { ActionResult } from "../../utils/form-refusal.server.ts";
import { CsrfInput } from "../csrf-input.tsx";
import { StackedLabel, type StackedColumn, type StackedRow } from "../stacked-table.tsx";
import { PreReviewArea } from "./pre-review-area.tsx";
import { areasOf, areasOpenAtFirst, countsOf, describeCounts } from "./pre-review-areas.ts";
import { SCHEDULE_FORM_ID } from "./schedule-form.tsx";
import { SchoolJudgementNote } from "./school-judgement-note.tsx";
import type { SubmissionSeen } from "./submitted-judgement.ts";
import { labelOf, type CriterionRow, type Provisional } from "./types.ts";

const CRITERION_HEADING = "Criterion";
const PROVISIONAL_HEADING = "Your provisional judgement";
const AGENDA_HEADING = "On the agenda";

/**
 * Which row's form the page's answer is to (ActionResult's `intent`): a row's Save, pressed
 * where scripts do not run, posts the whole page, and its answer comes back with the page.
 */
export const provisionalIntentOf = (criterionId: string) => `provisional:${criterionId}`;

function ProvisionalCell({
  criterion,
  mine,
  pageAnswer,
}: {
  criterion: CriterionRow;
  mine: string | null;
  pageAnswer: ActionResult | null;
}) {
  const fetcher = useFetcher<ActionResult>();
  // Scripts save through the row's fetcher; without them the page itself answers the post.
  const answer =
    fetcher.data ??
    (pageAnswer?.intent === provisionalIntentOf(criterion.id) ? pageAnswer : undefined);
  const error = answer?.fieldErrors?.level ?? answer?.formError;
  // Scripts save the choice as it is made: the button is for a page without them.
  const hydrated = useHydrated();
  return (
    <fetcher.Form method="post" className="provisional-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="provisional" />
      <input type="hidden" name="criterionId" value={criterion.id} />
      <label>
        <span className="visually-hidden">{`Provisional judgement for ${criterion.code}`}</span>
        {/* Saved as soon as it is chosen: a choice left unsaved while the validator went on to
            save the schedule was lost on reload. The button saves it where scripts do not run. */}
        <select
          name="level"
          defaultValue={mine ?? ""}
          aria-invalid={error ? true : undefined}
          onChange={(event) => fetcher.submit(event.currentTarget.form)}
        >
          <option value="">Not judged</option>
          {criterion.levels.map((l) => (
            <option key={l.key} value={l.key}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      {hydrated ? null : (
        <button type="submit" className="button button-small">
          {`Save ${criterion.code}`}
        </button>
      )}
      <span className="muted provisional-state" role="status">
        {fetcher.state !== "idle" ? "Saving…" : answer && !error ? "Saved" : ""}
      </span>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

/** Which submission the pre-review shows, when and by whom, or that there is none yet. */
function SubmissionLine(props: {
  evaluationId: string;
  submission: (SubmissionSeen & { by: string }) | null;
}) {
  const { submission } = props;
  if (!submission)
    return (
      <p className="notice">
        The school has not submitted this evaluation yet: its judgements are shown as they are now
        (live), and may still change.
      </p>
    );
  return (
    <p>
      {`Submitted by ${submission.by} on ${submission.at}. The school's judgements are shown as submitted; any changed since say so beside them. `}
      <Link to={`/evaluations/${props.evaluationId}/history?a=${submission.id}&b=now`}>
        Compare the submission with the evaluation now
      </Link>
    </p>
  );
}

/** Where the agenda's ticks come from when the page opens, and how they change. */
function AgendaExplanation(props: { submitted: boolean; savedAgendaSize: number | null }) {
  const theirs = props.submitted ? "the school's submitted judgement" : "the school's judgement";
  const { savedAgendaSize: saved } = props;
  if (saved === null)
    return (
      <p className="muted">
        {`The school sees provisional judgements from the start of the meeting. A criterion where yours differs from ${theirs} is ticked for the agenda for you; untick it to leave it off. The agenda is kept when you save the schedule.`}
      </p>
    );
  return (
    <p className="muted">
      {`The school sees provisional judgements from the start of the meeting. The agenda saved with the schedule (${saved} ${saved === 1 ? "criterion" : "criteria"}) is ticked; a provisional judgement you save that differs from ${theirs} ticks its criterion too. Tick or untick any, then save the schedule again to keep the change.`}
    </p>
  );
}

/**
 * The validator's pre-review: for every criterion, the school's judgement as submitted (and
 * what it is now, where the school has changed it since; ADR 062), their own
 * provisional judgement (and their colleagues'), and whether it goes on the agenda, area by
 * area (each folds: pre-review-area.tsx). The agenda's ticks belong to the schedule form (their
 * `form` attribute) and follow each saved provisional judgement (agenda-choice.ts).
 */
export function PreReview(props: {
  evaluationId: string;
  submission: (SubmissionSeen & { by: string }) | null;
  criteria: CriterionRow[];
  provisional: Provisional[];
  me: string;
  chosen: ReadonlySet<string>;
  /** Criteria where a validator's provisional judgement differs from the school's. */
  differing: ReadonlySet<string>;
  onChoose: (criterionId: string, on: boolean) => void;
  names: Record<string, string>;
  /** How many criteria the agenda saved with the schedule has (null: not scheduled yet). */
  savedAgendaSize: number | null;
  /** The ticks differ from the saved agenda. */
  unsaved: boolean;
  busy: boolean;
  /** The page's answer to a form posted without scripts (a row's Save among them). */
  answer: ActionResult | null;
}) {
  const schoolHeading = props.submission
    ? "School's judgement as submitted"
    : "School's judgement (live)";
  const areas = areasOf(props.criteria);
  // Which areas are open is the validator's from the page's first drawing on (folding is theirs).
  const [openAtFirst] = useState(() =>
    areasOpenAtFirst(
      areas,
      props.chosen,
      props.differing,
      new Set(
        props.provisional.filter((p) => p.validatorId === props.me).map((p) => p.criterionId),
      ),
    ),
  );
  const columns: StackedColumn[] = [
    { label: CRITERION_HEADING },
    { label: schoolHeading },
    { label: PROVISIONAL_HEADING },
    // Its name, drawn beside the checkbox on a phone, is the checkbox's visible label.
    { label: AGENDA_HEADING, namedInCell: true },
  ];
  const row = (c: CriterionRow): StackedRow => {
    const mine =
      props.provisional.find((p) => p.criterionId === c.id && p.validatorId === props.me)?.level ??
      null;
    const others = props.provisional.filter(
      (p) => p.criterionId === c.id && p.validatorId !== props.me,
    );
    return {
      key: c.id,
      cells: [
        <>
          <span className="code">{c.code}</span> {c.statement}
        </>,
        <>
          {c.schoolJudgementLabel ?? "Not judged"}
          {props.submission ? (
            <SchoolJudgementNote
              submission={props.submission}
              submitted={c.schoolJudgement}
              live={c.liveJudgement}
              labelOf={(key) => c.levels.find((l) => l.key === key)?.label ?? null}
            />
          ) : null}
        </>,
        <>
          <ProvisionalCell criterion={c} mine={mine} pageAnswer={props.answer} />
          {others.map((o) => (
            <p
              key={o.validatorId}
              className="muted"
            >{`${props.names[o.validatorId] ?? "Another validator"}: ${labelOf(c.levels, o.level)}`}</p>
          ))}
        </>,
        <label className="checkbox">
          <input
            type="checkbox"
            form={SCHEDULE_FORM_ID}
            name="agendaCriterionIds"
            value={c.id}
            checked={props.chosen.has(c.id)}
            onChange={(e) => props.onChoose(c.id, e.currentTarget.checked)}
          />
          <span className="visually-hidden">{`${c.code} on the agenda`}</span>
          <StackedLabel>{AGENDA_HEADING}</StackedLabel>
        </label>,
      ],
    };
  };
  return (
    <section aria-labelledby="pre-review-heading" className="pre-review">
      <h2 id="pre-review-heading">Pre-review and agenda</h2>
      <SubmissionLine evaluationId={props.evaluationId} submission={props.submission} />
      <AgendaExplanation
        submitted={props.submission !== null}
        savedAgendaSize={props.savedAgendaSize}
      />
      <div className="pre-review-areas">
        {areas.map((area) => (
          <PreReviewArea
            key={area.id}
            title={area.title}
            counts={describeCounts(countsOf(area, props.chosen, props.differing))}
            open={openAtFirst.has(area.id)}
            columns={columns}
            rows={area.criteria.map(row)}
          />
        ))}
      </div>
      <div className="pre-review-save">
        {props.unsaved ? (
          <p role="status" className="notice">
            The agenda has changes that are not saved yet.
          </p>
        ) : null}
        <button type="submit" form={SCHEDULE_FORM_ID} className="button" disabled={props.busy}>
          Save the schedule and agenda
        </button>
      </div>
    </section>
  );
}
