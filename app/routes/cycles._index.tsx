import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can, frameworksOf } from "../framework.server.ts";
import { listCycles, listEvaluationsOfCycle, progressOf } from "../models.server.ts";
import { requireTrust } from "../utils/trust.server.ts";
import { formatDay } from "../../models/dates.ts";

export const meta: MetaFunction = () => [{ title: "Cycles · Quality marks" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, trustId } = await requireTrust(request, "oversee");
  const cycles = await listCycles(trustId);
  const now = new Date();
  return json({
    canDistribute: can(actor, "distribute", frameworksOf(trustId)),
    cycles: await Promise.all(
      cycles.map(async (c) => {
        const progress = (await listEvaluationsOfCycle(trustId, c.id)).map((e) =>
          progressOf(e, now),
        );
        return {
          id: c.id,
          name: c.name,
          dueDate: c.dueDate?.toISOString() ?? null,
          schools: progress.length,
          started: progress.filter((p) => p.status !== "notStarted").length,
          overdue: progress.filter((p) => p.overdue).length,
        };
      }),
    ),
  });
}

export default function Cycles() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Cycles</h1>
      <p className="lede">
        Each cycle is one published framework version sent to schools with a due date.
      </p>
      {data.canDistribute ? (
        <p>
          <Link className="button" to="/cycles/new">
            Start a cycle
          </Link>
        </p>
      ) : null}
      {data.cycles.length === 0 ? (
        <p className="empty-state">
          {data.canDistribute
            ? "No cycles yet. Start one to send a published framework to your schools."
            : "No cycles yet. The trust's administrators start them."}
        </p>
      ) : (
        <ul className="card-list">
          {data.cycles.map((c) => (
            <li key={c.id} className="card">
              <h2>
                <Link to={`/cycles/${c.id}`}>{c.name}</Link>
              </h2>
              <p>
                {`${c.started} of ${c.schools} ${c.schools === 1 ? "school" : "schools"} started`}
                {c.overdue ? ` · ${c.overdue} overdue` : ""}
              </p>
              <p className="muted">Due {formatDay(c.dueDate)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
