import { Link } from "@remix-run/react";
import type { ValidationRow } from "../../utils/validation-rows.server.ts";

/**
 * The way into a validation's meeting: the meeting page, for its validators the preparation
 * (schedule, pre-review, agenda) and, while it is to come, the call. Once the outcome is
 * recorded, only the meeting page (its record) is left.
 */
export function MeetingLinks({ row }: { row: ValidationRow }) {
  return (
    <p className="link-row">
      <Link to={`/validations/${row.id}/meeting`}>
        Meeting page<span className="visually-hidden">{` for ${row.school}`}</span>
      </Link>
      {row.canSchedule && !row.done ? (
        <Link to={`/validations/${row.id}/prepare`}>
          Before the meeting<span className="visually-hidden">{` with ${row.school}`}</span>
        </Link>
      ) : null}
      {row.meeting?.upcoming ? (
        <a href={row.meeting.videoLink} target="_blank" rel="noopener noreferrer">
          Join the video call
          <span className="visually-hidden">{` for ${row.school} (opens in a new tab)`}</span>
        </a>
      ) : null}
    </p>
  );
}

/**
 * When the meeting is or was. A validation finished before its planned date says nothing of it:
 * the outcome says what happened.
 */
function MeetingLine({ row }: { row: ValidationRow }) {
  if (!row.meeting) {
    if (row.done) return null;
    return (
      <p className="muted">
        {row.canSchedule
          ? "No meeting date yet: schedule it before the meeting."
          : "No meeting date yet."}
      </p>
    );
  }
  if (!row.meeting.upcoming && !row.meeting.held) return null;
  return (
    <p>
      {row.meeting.upcoming ? "Meeting: " : "Meeting held: "}
      <time dateTime={row.meeting.at}>{row.meeting.when}</time>
    </p>
  );
}

/**
 * One validation in a list: school, evaluation, status, and its meeting with the links to it.
 * `level`: its heading's level, one below the list's own heading.
 */
export function ValidationCard({ row, level = 3 }: { row: ValidationRow; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <li className="card">
      <Heading>
        <Link
          to={`/evaluations/${row.evaluationId}/validation`}
        >{`${row.school}: ${row.title}`}</Link>
      </Heading>
      <p>
        <span className="badge">{row.status}</span>
      </p>
      {row.outcome ? (
        <p>
          {`Outcome: ${row.outcome.label} on `}
          <time dateTime={row.outcome.at}>{row.outcome.when}</time>
        </p>
      ) : null}
      <MeetingLine row={row} />
      <MeetingLinks row={row} />
    </li>
  );
}
