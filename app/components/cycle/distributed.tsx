import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { formatDay } from "../../../models/dates.ts";
import type { Distribution } from "../../../server/commands/distribute-framework.ts";

const schools = (n: number) => `${n} school${n === 1 ? "" : "s"}`;

/**
 * What a finished distribution says in place of its form: done, what it did, and the next step.
 * The form goes, so a second press cannot look like it is needed; focus comes here so a keyboard
 * or screen-reader user is not left on a button that vanished.
 */
export function Distributed({
  result,
  againTo,
}: {
  result: Partial<Distribution> & { cycleId: string };
  /** The same page afresh, to send the framework to more schools. */
  againTo: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel stack" aria-labelledby="distributed-heading">
      <h2 id="distributed-heading" tabIndex={-1} ref={heading}>
        Distributed
      </h2>
      <div role="status" className="notice">
        <DistributionSummary result={result} />
        <p>
          <Link to={`/cycles/${result.cycleId}`} className="button">
            See who has started
          </Link>
        </p>
      </div>
      <p>
        <Link to={againTo} reloadDocument>
          Distribute to more schools
        </Link>
      </p>
    </section>
  );
}

/** What distributing did, school by school where it matters (nothing silently doubled). */
function DistributionSummary({ result }: { result: Partial<Distribution> }) {
  const created = result.created ?? [];
  const adopted = result.adopted ?? [];
  const prefilled = result.prefilled ?? [];
  const existing = result.existing ?? [];
  return (
    <>
      {result.joinedCycle ? (
        <p>{`“${result.joinedCycle}” is an existing cycle: the schools joined it, rather than starting a new cycle.`}</p>
      ) : null}
      {result.dueDateKept ? (
        <p>{`This cycle already existed, due ${formatDay(result.dueDateKept)}: its due date is unchanged.`}</p>
      ) : null}
      <p>
        {created.length} new evaluation{created.length === 1 ? "" : "s"} created.
      </p>
      {adopted.length ? (
        <p>
          {`${schools(adopted.length)} already working on this framework: their evaluation joined this cycle with its work: `}
          {adopted.map((a) => `${a.school} (“${a.title}”)`).join(", ")}.
        </p>
      ) : null}
      {prefilled.length ? (
        <p>
          {`${schools(prefilled.length)} started a new evaluation pre-filled from their last one: `}
          {prefilled.map((p) => `${p.school} (from “${p.from}”)`).join(", ")}.
        </p>
      ) : null}
      {existing.length ? (
        <p>{`${schools(existing.length)} already had one in this cycle: ${existing.join(", ")}.`}</p>
      ) : null}
    </>
  );
}
