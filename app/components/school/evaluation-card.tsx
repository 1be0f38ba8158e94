import { Link } from "@remix-run/react";
import { formatDay } from "../../../models/dates.ts";
import type { EvaluationCard } from "../../utils/evaluation-cards.server.ts";
import { Progress } from "../progress.tsx";
import { AssignValidatorLink } from "../validation/awaiting-validator-list.tsx";
import { MeetingLinks } from "../validation/validation-card.tsx";

/**
 * An evaluation on a school's card (home): its name, status, what its team does first while
 * nothing is judged, due date, progress as last saved, and its validation meeting while that is
 * to come. `context` names the school for the progress bar's label, so several bars on one page
 * keep distinct names.
 */
export function EvaluationCardView({ card, context }: { card: EvaluationCard; context: string }) {
  return (
    <div className="evaluation-summary">
      <p>
        <Link to={`/evaluations/${card.id}`}>{card.title}</Link>{" "}
        <span className="badge">{card.status}</span>
      </p>
      {card.canWrite && card.judged === 0 ? (
        // What an invited member of the team does first (the page then explains the steps).
        <p className="next-step">
          <Link to={`/evaluations/${card.id}`}>
            Start by judging the first criterion
            <span className="visually-hidden">{` of ${card.title}`}</span>
          </Link>
        </p>
      ) : null}
      {card.dueDate ? (
        <p className={card.overdue ? "overdue-flag" : undefined}>
          {`Due ${formatDay(card.dueDate)}${card.overdue ? " · Overdue" : ""}`}
        </p>
      ) : null}
      <Progress
        judged={card.judged}
        total={card.total}
        label={`${context}: ${card.title} progress`}
      />
      {card.outcome ? (
        <p>
          {`Outcome: ${card.outcome.label} on `}
          <time dateTime={card.outcome.at}>{card.outcome.when}</time>
        </p>
      ) : null}
      {card.awaitingValidator ? (
        <p>
          {card.awaitingValidator.canAssign ? (
            <>
              Waiting for a validator.{" "}
              <AssignValidatorLink evaluationId={card.id} school={context} />
            </>
          ) : (
            "Waiting for the trust to assign a validator."
          )}
        </p>
      ) : null}
      {card.meeting?.meeting ? (
        <>
          <p>
            Validation meeting:{" "}
            <time dateTime={card.meeting.meeting.at}>{card.meeting.meeting.when}</time>
          </p>
          <MeetingLinks row={card.meeting} />
        </>
      ) : null}
    </div>
  );
}
