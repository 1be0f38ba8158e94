import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { navigationOf, trustWhere } from "../../models/permissions/can.ts";
import { ROLE_LABELS } from "../../models/permissions/roles.ts";
import { AwardsHeld } from "../components/school/awards-held.tsx";
import { EvaluationCardView } from "../components/school/evaluation-card.tsx";
import { MeetingLinks, ValidationCard } from "../components/validation/validation-card.tsx";
import {
  can,
  evaluationIdsContributedBy,
  getSchool,
  getTrust,
  listReadableEvaluations,
  listReadableSchools,
  trustIdsOf,
  trustResource,
} from "../school.server.ts";
import { listValidationsOf, validationResource } from "../validation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { schoolCards } from "../utils/school-cards.server.ts";
import { byWhatComesNext, nextMeetingOf, validationRows } from "../utils/validation-rows.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data && data.schools.length === 0 && data.validates ? "Your validations" : "Schools"} · Quality marks`,
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const now = new Date();
  // Read per trust, not per school: the same reads for 5 schools as for 100.
  const schools = await schoolCards(actor, await listReadableSchools(actor), now);
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
  // The validations assigned to this person: where a validator's work is.
  const assigned = (await listValidationsOf(actor.userId, trustIds)).filter((v) =>
    can(actor, "read", validationResource(v)),
  );
  const validations = byWhatComesNext(await validationRows(actor, assigned, now));
  return json({
    name: actor.name,
    roles: [...new Set(actor.grants.map((g) => ROLE_LABELS[g.role]))],
    trustNames: trusts.filter((t) => t !== null).map((t) => t.name),
    validates: trustIds.some((t) => can(actor, "validate", trustResource(t))),
    // Trust leaders and admins: the trust-wide views; a school's team: its place in the trust.
    insight: trustWhere(actor, "oversee")
      ? ("trust" as const)
      : navigationOf(actor).insight
        ? ("school" as const)
        : null,
    schools,
    contributions,
    nextMeeting: nextMeetingOf(validations),
    validations: validations.filter((v) => !v.done),
    finishedValidations: validations.filter((v) => v.done).length,
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Validations({ data, heading }: { data: Data; heading: "h1" | "h2" }) {
  const Heading = heading;
  // Headings inside go one level below the section's own.
  const Sub = heading === "h1" ? "h2" : "h3";
  const next = data.nextMeeting;
  return (
    <section aria-labelledby="validations-heading" className="stack">
      <Heading id="validations-heading">Your validations</Heading>
      {next?.meeting ? (
        <div className="panel next-meeting">
          <Sub>Next meeting</Sub>
          <p>
            {`${next.school}: ${next.title}`}
            <br />
            <time dateTime={next.meeting.at}>{next.meeting.when}</time>
          </p>
          <MeetingLinks row={next} />
        </div>
      ) : null}
      {data.validations.length ? (
        <ul className="card-list">
          {data.validations.map((v) => (
            <ValidationCard key={v.id} row={v} level={heading === "h1" ? 2 : 3} />
          ))}
        </ul>
      ) : (
        <p className="muted">
          {data.finishedValidations
            ? "Every validation assigned to you has its outcome recorded."
            : "No evaluation is assigned to you yet. When the trust's admin assigns you one, it appears here with its meeting."}
        </p>
      )}
      <p>
        <Link to="/validations">All your validations</Link>
      </p>
    </section>
  );
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  // A validator who belongs to no school lands on their validations, not on an empty list.
  const validatorFirst = data.schools.length === 0 && data.validates;
  return (
    <div className="page">
      {validatorFirst ? <Validations data={data} heading="h1" /> : <h1>Schools</h1>}
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
      {data.insight === "trust" ? (
        <p className="panel">
          <Link to="/insight">Insight: where every school stands</Link> — the Stack, the heat map,
          trends, and centres of expertise to pair schools for support.
        </p>
      ) : data.insight === "school" ? (
        <p>
          <Link to="/insight">Where your school stands in the trust</Link>
        </p>
      ) : null}
      {!validatorFirst && (data.validations.length || data.nextMeeting) ? (
        <Validations data={data} heading="h2" />
      ) : null}
      {validatorFirst ? null : data.schools.length === 0 ? (
        <p>
          {data.contributions.length
            ? "You are not a member of any school: the evaluations you were invited to are listed above."
            : "You are not a member of any school yet. Ask your trust's school-improvement lead to add you."}
        </p>
      ) : (
        <ul className="card-list">
          {data.schools.map((school) => (
            <li key={school.id} className="card">
              <h2>
                <Link to={`/schools/${school.id}`}>{school.name}</Link>
              </h2>
              {school.evaluations.length ? (
                school.evaluations.map((e) => (
                  <EvaluationCardView key={e.id} card={e} context={school.name} />
                ))
              ) : (
                <p className="muted">
                  {school.canStart ? (
                    <>
                      No self-evaluation started yet.{" "}
                      <Link to={`/schools/${school.id}`}>Start one on the school's page</Link>.
                    </>
                  ) : (
                    "No self-evaluation started yet."
                  )}
                </p>
              )}
              <AwardsHeld awards={school.awards} school={school.name} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
