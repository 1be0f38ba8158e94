import {
  changedNote,
  changedSinceSubmission,
  NOT_SUBMITTED_NOTE,
  type SubmissionSeen,
} from "./submitted-judgement.ts";

/** What follows the school's judgement: its change since submission, or that it is live. */
export function SchoolJudgementNote(props: {
  submission: SubmissionSeen | null;
  submitted: string | null;
  live: string | null;
  /** A level's label (null: not judged, or a level the scale does not have). */
  labelOf: (key: string | null) => string | null;
}) {
  const { submission, submitted, live } = props;
  if (!submission) return <p className="muted school-judgement-note">{NOT_SUBMITTED_NOTE}</p>;
  if (!changedSinceSubmission(submission, submitted, live)) return null;
  return (
    <p className="school-judgement-changed">{changedNote(props.labelOf(live), submission.on)}</p>
  );
}
