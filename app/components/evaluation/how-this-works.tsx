import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { judgementsOf } from "../../../collab/shapes/evaluation.ts";
import { rememberGuideDone } from "../../utils/guide-cookie.ts";
import { useHydrated } from "../../utils/use-hydrated.ts";

const PANEL_ID = "how-this-works";

/**
 * "How this works", for a member of the school's team new to the evaluation: the four steps of a
 * criterion (Judge, Evidence, Analyse, Plan) before any is opened, where to start, and who
 * submits. Shown until they put it away or judge a criterion (remembered for them in this
 * browser: utils/guide-cookie.ts); then one button brings it back.
 */
export function HowThisWorks(props: {
  userId: string;
  /** Served open: this person has not done with it yet. */
  open: boolean;
  doc: Y.Doc | null;
  /** The first criterion not judged yet, to start with (null once every one is). */
  start: { code: string; href: string } | null;
  /** Who submits the evaluation when the team is ready, as a sentence. */
  submitting: string;
}) {
  const { userId, doc } = props;
  const [open, setOpen] = useState(props.open);
  const hydrated = useHydrated();
  const reopen = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [moved, setMoved] = useState<"closed" | "opened" | null>(null);

  // Their own first judgement shows they have found their way: the guide is not served again
  // (it stays for now, not snatched away while they read it).
  useEffect(() => {
    if (!doc) return;
    const judgements = judgementsOf(doc);
    const onChange = (_event: Y.YMapEvent<string>, transaction: Y.Transaction) => {
      if (transaction.local) rememberGuideDone(userId);
    };
    judgements.observe(onChange);
    return () => judgements.unobserve(onChange);
  }, [doc, userId]);

  // The focus follows the button pressed, which has gone: to the one that replaced it.
  useEffect(() => {
    if (moved === "closed") reopen.current?.focus();
    if (moved === "opened") heading.current?.focus();
  }, [moved]);

  if (!open)
    return (
      <p className="how-this-works-closed">
        <button
          ref={reopen}
          type="button"
          className="button-link"
          disabled={!hydrated}
          onClick={() => {
            setOpen(true);
            setMoved("opened");
          }}
        >
          How this works
        </button>
      </p>
    );
  return (
    <section id={PANEL_ID} className="how-this-works panel" aria-labelledby={`${PANEL_ID}-heading`}>
      <h2 id={`${PANEL_ID}-heading`} ref={heading} tabIndex={-1}>
        How this works
      </h2>
      <p>
        Your team works through each criterion of the framework together, on this page. Open a
        criterion to find its four steps:
      </p>
      <ol className="how-steps">
        <li>
          <strong>Judge</strong>: where are we now? Choose the level that fits best; “What each
          level looks like” describes each one.
        </li>
        <li>
          <strong>Evidence</strong>: what shows it? Write a short summary, and add files or links.
        </li>
        <li>
          <strong>Analyse</strong>: what helps and what holds us back? List the factors in the
          force-field, each with a strength from 1 to 5.
        </li>
        <li>
          <strong>Plan</strong>: what will we do? Add actions, each with an owner, a due date and
          how you will judge its impact.
        </li>
      </ol>
      <p>
        Everything is saved as you go, and your colleagues see it as you work. {props.submitting}
      </p>
      <div className="how-buttons">
        {props.start ? (
          <Link to={props.start.href} className="button">
            {`Start with criterion ${props.start.code}`}
          </Link>
        ) : null}
        <button
          type="button"
          className="button-link"
          disabled={!hydrated}
          onClick={() => {
            rememberGuideDone(userId);
            setOpen(false);
            setMoved("closed");
          }}
        >
          Hide this guide
        </button>
      </div>
    </section>
  );
}
