import { Link } from "@remix-run/react";
import { judgedIn, type AreaToCount } from "./live-judgements.ts";

/** The evaluation's areas, each with how many of its criteria are judged (live). */
export function AreaNav({
  areas,
  current,
  judgements,
}: {
  areas: (AreaToCount & { title: string })[];
  current: string;
  judgements: Record<string, string>;
}) {
  return (
    <nav aria-label="Areas" className="area-nav">
      <ul>
        {areas.map((a) => {
          const judged = judgedIn(a, judgements);
          const total = a.criteria.length;
          return (
            <li key={a.id}>
              <Link
                to={`?area=${a.id}`}
                aria-current={a.id === current ? "page" : undefined}
                preventScrollReset
              >
                <span className="area-nav-title">{a.title}</span>
                <span
                  className={`area-nav-progress${judged === total ? " area-nav-done" : ""}`}
                  aria-hidden="true"
                >
                  {judged}/{total}
                </span>
                <span className="visually-hidden">{`(${judged} of ${total} judged)`}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
