import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AwaitingValidatorList } from "../components/validation/awaiting-validator-list.tsx";
import { ValidationCard } from "../components/validation/validation-card.tsx";
import {
  can,
  listValidationsOf,
  listValidationsOfTrust,
  navigationOf,
  trustIdsOf,
  trustResource,
  validationResource,
} from "../validation.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";
import { assignsValidators, awaitingValidatorRows } from "../utils/awaiting-validator.server.ts";
import {
  byWhatComesNext,
  validationRows,
  type ValidationRow,
} from "../utils/validation-rows.server.ts";

export const meta: MetaFunction = () => [{ title: "Validations · Quality marks" }];

/** "My validations" for validators; every validation of the trust for its oversight. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // Validators and the trust's oversight have this page; for everyone else it does not exist.
  if (!navigationOf(actor).validates) throw notFound();
  const mine = (await listValidationsOf(actor.userId, trustIdsOf(actor))).filter((v) =>
    can(actor, "read", validationResource(v)),
  );
  const trustWide = (
    await Promise.all(
      trustIdsOf(actor)
        .filter((t) => can(actor, "oversee", trustResource(t)))
        .map((t) => listValidationsOfTrust(t)),
    )
  ).flat();
  // Submitted evaluations have no validation until a validator is assigned: listed for those who assign.
  const assigns = assignsValidators(actor);
  return json({
    awaitingValidator: assigns ? await awaitingValidatorRows(actor) : null,
    mine: byWhatComesNext(await validationRows(actor, mine)),
    validates: trustIdsOf(actor).some((t) => can(actor, "validate", trustResource(t))),
    oversees: trustIdsOf(actor).some((t) => can(actor, "oversee", trustResource(t))),
    trustWide: byWhatComesNext(
      await validationRows(
        actor,
        trustWide.filter((v) => !mine.some((m) => m.id === v.id)),
      ),
    ),
  });
}

function List({ items }: { items: ValidationRow[] }) {
  return (
    <ul className="card-list">
      {items.map((v) => (
        <ValidationCard key={v.id} row={v} />
      ))}
    </ul>
  );
}

export default function Validations() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Validations</h1>
      {data.validates || data.mine.length ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">My validations</h2>
          {data.mine.length ? (
            <List items={data.mine} />
          ) : (
            <p className="muted">
              No evaluation is assigned to you. When the trust's admin assigns you one, it appears
              here with its meeting.
            </p>
          )}
        </section>
      ) : null}
      {data.awaitingValidator ? (
        <section aria-labelledby="awaiting-heading">
          <h2 id="awaiting-heading">Waiting for a validator</h2>
          <AwaitingValidatorList rows={data.awaitingValidator} />
        </section>
      ) : null}
      {data.oversees ? (
        <section aria-labelledby="all-heading">
          <h2 id="all-heading">All validations in the trust</h2>
          {data.trustWide.length ? (
            <List items={data.trustWide} />
          ) : (
            <p className="muted">
              No validations yet. Once a school submits its evaluation and a validator is assigned,
              its validation appears here.
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
