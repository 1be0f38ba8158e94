import { useEffect, useRef, useState, type Ref } from "react";
import { MAX_COMMENT_LENGTH } from "../../../collab/shapes/discussion.ts";

const figures = (n: number) => n.toLocaleString("en-GB");
const LIMIT = figures(MAX_COMMENT_LENGTH);
/** From here on the count is announced (after a pause in typing), not only shown. */
const NEAR = MAX_COMMENT_LENGTH - 200;
const ANNOUNCE_AFTER_MS = 800;

/** As the server counts: the text without the spaces and lines around it. */
export const commentLength = (text: string) => text.trim().length;

/** Over the limit: nothing may be posted, and the box says why (the server would refuse it too). */
export const overTheLimit = (text: string) => commentLength(text) > MAX_COMMENT_LENGTH;

/** What the box says under it when the text is too long, pasted or typed. */
function overMessage(length: number, pasted: boolean) {
  const over = `${figures(length)} characters, ${figures(length - MAX_COMMENT_LENGTH)} over the limit of ${LIMIT}`;
  return `${pasted ? "What you pasted made your comment" : "Your comment is"} ${over}. Nothing has been cut: shorten it, or split it into several comments, then post it.`;
}

/**
 * The text box of a comment, a reply or an edit: it takes whatever is typed or pasted (never
 * cutting it short), shows how much of the limit is used ("1,980 of 2,000 characters", said to
 * screen readers too once near the limit), and says beside it what to do when the text is too
 * long. `problem` is the form's own message (nothing written, a refusal, offline).
 */
export function CommentBox(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  rows: number;
  readOnly: boolean;
  problem: string | null;
  boxRef?: Ref<HTMLTextAreaElement>;
}) {
  const { id, value, problem } = props;
  const length = commentLength(value);
  const over = length > MAX_COMMENT_LENGTH;
  // Whether the text went over the limit with a paste (said so, as the likeliest surprise).
  const [pasted, setPasted] = useState(false);
  const pasting = useRef(false);
  const announcement = useNearLimitAnnouncement(length);
  const countId = `${id}-count`;
  const overId = `${id}-over`;
  const problemId = `${id}-problem`;
  const describedBy = [countId, over ? overId : null, problem ? problemId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="comment-box">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        ref={props.boxRef}
        value={value}
        rows={props.rows}
        readOnly={props.readOnly}
        aria-describedby={describedBy}
        aria-invalid={over || problem ? true : undefined}
        onPaste={() => {
          pasting.current = true;
        }}
        onChange={(e) => {
          const next = e.target.value;
          if (pasting.current) setPasted(overTheLimit(next));
          else if (!overTheLimit(next)) setPasted(false);
          pasting.current = false;
          props.onChange(next);
        }}
      />
      <p id={countId} className={`comment-count${over ? " comment-count-over" : ""}`}>
        {`${figures(length)} of ${LIMIT} characters`}
      </p>
      {over ? (
        <p id={overId} className="field-error">
          {overMessage(length, pasted)}
        </p>
      ) : null}
      {problem ? (
        <p id={problemId} role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/**
 * What a screen reader hears of the count: nothing while there is plenty of room; near the
 * limit and over it, how many characters are left (or too many), once typing pauses.
 */
function useNearLimitAnnouncement(length: number): string {
  const [said, setSaid] = useState("");
  useEffect(() => {
    if (length < NEAR) {
      setSaid("");
      return;
    }
    const left = MAX_COMMENT_LENGTH - length;
    const words =
      left >= 0
        ? `${figures(left)} ${left === 1 ? "character" : "characters"} left of ${LIMIT}.`
        : `${figures(-left)} ${left === -1 ? "character" : "characters"} over the limit of ${LIMIT}.`;
    const timer = setTimeout(() => setSaid(words), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [length]);
  return said;
}
