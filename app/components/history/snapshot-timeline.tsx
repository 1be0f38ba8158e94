import { Form } from "@remix-run/react";
import type { SnapshotView } from "./view.ts";

/** Every snapshot of the evaluation, newest first: what kind, who, when, how far judged. */
export function SnapshotTimeline({ snapshots }: { snapshots: SnapshotView[] }) {
  if (snapshots.length === 0) {
    return (
      <p className="muted">
        Nothing has been submitted yet. Each submission keeps a snapshot of the evaluation here.
      </p>
    );
  }
  return (
    <ol className="timeline" reversed>
      {snapshots.map((s) => (
        <li key={s.id} className="timeline-entry">
          <strong>{s.kind}</strong> by {s.by}, <time dateTime={s.atIso}>{s.at}</time>
          <div className="muted">
            {`${s.judged} of ${s.total} ${s.total === 1 ? "criterion" : "criteria"} judged`}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Choose two moments (snapshots or the live evaluation) to compare. A GET form: shareable. */
export function CompareForm({
  choices,
  from,
  to,
}: {
  choices: { value: string; label: string }[];
  from: string;
  to: string;
}) {
  return (
    <Form method="get" className="compare-form" preventScrollReset>
      <div className="field">
        <label htmlFor="compare-a">From</label>
        <select id="compare-a" name="a" defaultValue={from} key={`a-${from}`}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-b">To</label>
        <select id="compare-b" name="b" defaultValue={to} key={`b-${to}`}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Compare
      </button>
    </Form>
  );
}
