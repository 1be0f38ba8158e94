import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "../../models/permissions/roles.ts";
import { Progress } from "../components/progress.tsx";
import {
  evaluationIdsContributedBy,
  getSchool,
  getTrust,
  listEvaluationsOfSchool,
  listReadableEvaluations,
  listReadableSchools,
  trustIdsOf,
} from "../school.server.ts";
import { requireActor } from "../utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Schools · Quality marks" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const readable = await listReadableSchools(actor);
  const schools = await Promise.all(
    readable.map(async (school) => {
      const latest = (await listEvaluationsOfSchool(school.trustId, school.id))[0] ?? null;
      return {
        id: school.id,
        name: school.name,
        latest: latest && {
          title: latest.title,
          judged: latest.projection.judgedCount,
          total: latest.projection.criteriaCount,
        },
      };
    }),
  );
  const trustIds = trustIdsOf(actor);
  const trusts = await Promise.all(trustIds.map((id) => getTrust(id)));
  // Evaluations this person was invited to contribute a perspective to (only those).
  const invited = await listReadableEvaluations(
    actor,
    await evaluationIdsContributedBy(actor.userId),
  );
  const contributions = await Promise.all(
    invited.map(async (evaluation) => ({
      id: evaluation.id,
      title: evaluation.title,
      school: (await getSchool(evaluation.trustId, evaluation.schoolId))?.name ?? "",
    })),
  );
  return json({
    name: actor.name,
    roles: [...new Set(actor.grants.map((g) => ROLE_LABELS[g.role]))],
    trustNames: trusts.filter((t) => t !== null).map((t) => t.name),
    schools,
    contributions,
  });
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Schools</h1>
      {data.contributions.length ? (
        <section aria-labelledby="contributions-heading" className="panel">
          <h2 id="contributions-heading">Evaluations you contribute to</h2>
          <ul className="plain-list">
            {data.contributions.map((c) => (
              <li key={c.id}>
                <Link to={`/evaluations/${c.id}/perspectives`}>{`${c.title} · ${c.school}`}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="lede">
        {data.trustNames.join(", ")} · {data.name} ({data.roles.join(", ")})
      </p>
      {data.schools.length === 0 ? (
        <p>
          You are not a member of any school yet. Ask your trust's school-improvement lead to add
          you.
        </p>
      ) : (
        <ul className="card-list">
          {data.schools.map((school) => (
            <li key={school.id} className="card">
              <h2>
                <Link to={`/schools/${school.id}`}>{school.name}</Link>
              </h2>
              {school.latest ? (
                <>
                  <p>{school.latest.title}</p>
                  <Progress
                    judged={school.latest.judged}
                    total={school.latest.total}
                    label={`${school.name}: ${school.latest.title} progress`}
                  />
                </>
              ) : (
                <p className="muted">No self-evaluation started yet.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
