import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  can,
  getEvaluation,
  getSchool,
  listValidationsOf,
  listValidationsOfTrust,
  navigationOf,
  trustIdsOf,
  trustResource,
  validationResource,
} from "../validation.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Validations · Quality marks" }];

/** "My validations" for validators; every validation of the trust for its oversight. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // Validators and the trust's oversight have this page; for everyone else it does not exist.
  if (!navigationOf(actor).validates) throw notFound();
  const mine = (await listValidationsOf(actor.userId)).filter((v) =>
    can(actor, "read", validationResource(v)),
  );
  const trustWide = (
    await Promise.all(
      trustIdsOf(actor)
        .filter((t) => can(actor, "oversee", trustResource(t)))
        .map((t) => listValidationsOfTrust(t)),
    )
  ).flat();
  const describe = async (v: (typeof mine)[number]) => {
    const [evaluation, school] = await Promise.all([
      getEvaluation(v.trustId, v.evaluationId),
      getSchool(v.trustId, v.schoolId),
    ]);
    return {
      id: v.id,
      evaluationId: v.evaluationId,
      title: evaluation?.title ?? "",
      status: evaluation?.status ?? "",
      school: school?.name ?? "",
    };
  };
  return json({
    mine: await Promise.all(mine.map(describe)),
    trustWide: await Promise.all(
      trustWide.filter((v) => !mine.some((m) => m.id === v.id)).map(describe),
    ),
  });
}

const STATUS = {
  inProgress: "In progress",
  submitted: "Submitted",
  validated: "Validated",
  accredited: "Accredited",
} as Record<string, string>;

function List({
  items,
}: {
  items: { id: string; evaluationId: string; title: string; status: string; school: string }[];
}) {
  return (
    <ul className="card-list">
      {items.map((v) => (
        <li key={v.id} className="card">
          <h3>
            <Link
              to={`/evaluations/${v.evaluationId}/validation`}
            >{`${v.school}: ${v.title}`}</Link>
          </h3>
          <span className="badge">{STATUS[v.status] ?? v.status}</span>
        </li>
      ))}
    </ul>
  );
}

export default function Validations() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Validations</h1>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">My validations</h2>
        {data.mine.length ? (
          <List items={data.mine} />
        ) : (
          <p className="muted">No evaluation is assigned to you.</p>
        )}
      </section>
      {data.trustWide.length ? (
        <section aria-labelledby="all-heading">
          <h2 id="all-heading">All validations in the trust</h2>
          <List items={data.trustWide} />
        </section>
      ) : null}
    </div>
  );
}
