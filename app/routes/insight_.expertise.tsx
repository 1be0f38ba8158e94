import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { queryOf } from "../../models/insight/query.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError } from "../components/field.tsx";
import { InsightHeader, NoFramework } from "../components/insight/insight-header.tsx";
import { TableScroll } from "../components/table-scroll.tsx";
import {
  acceptPairing,
  capacityOf,
  createWorkspaceFromPairing,
  expertiseView,
  loadInsightScope,
} from "../insight.server.ts";
import styles from "../styles/insight.css";
import { requireActor } from "../utils/auth.server.ts";
import { fieldsOf, orNotFound, readForm, run, type ActionResult } from "../utils/command.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "Centres of expertise · Insight · Quality marks" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const scope = await orNotFound(loadInsightScope(actor, queryOf(url)));
  return json({ choice: scope.choice, view: await expertiseView(scope, capacityOf(url), actor) });
}

/**
 * Accepts a suggested pairing (once, however many times it is sent), then shows the page again;
 * or (`intent=startWorkspace`) starts the joint workspace of an accepted pairing, once per
 * pairing (ADR 017), and opens it.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const ctx = { actor, collab: context.collab };
  if (form.get("intent") === "startWorkspace") {
    const made = await run(() => createWorkspaceFromPairing(ctx, fieldsOf(form)), "startWorkspace");
    return made instanceof Response ? made : redirect(`/workspaces/${made.workspace.id}`, 303);
  }
  const result = await run(() => acceptPairing(ctx, fieldsOf(form)));
  if (result instanceof Response) return result;
  const url = new URL(request.url);
  return redirect(`${url.pathname}${url.search}`, 303);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type View = NonNullable<Data["view"]>;

function Capacity({ data, view }: { data: Data; view: View }) {
  const id = useId();
  return (
    <Form method="get" className="insight-filters">
      <input type="hidden" name="framework" value={data.choice.frameworkId ?? ""} />
      <input type="hidden" name="cycle" value={data.choice.cycleId} />
      <input type="hidden" name="source" value={data.choice.source} />
      <div className="field">
        <label htmlFor={`${id}-capacity`}>Schools each centre is offered to, at most</label>
        <input
          id={`${id}-capacity`}
          name="capacity"
          type="number"
          min={1}
          max={10}
          defaultValue={view.capacity}
          inputMode="numeric"
        />
      </div>
      <button type="submit" className="button">
        Suggest again
      </button>
    </Form>
  );
}

function Suggestion({ data, s }: { data: Data; s: View["suggestions"][number] }) {
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" &&
    navigation.formData?.get("supportedSchoolId") === s.supportedSchoolId &&
    navigation.formData?.get("centreSchoolId") === s.centreSchoolId &&
    navigation.formData?.get("areaId") === s.areaId;
  return (
    <li className="card pairing">
      <h3>{`${s.areaTitle}: ${s.centreName} with ${s.supportedName}`}</h3>
      <p>{`${s.explanation}.`}</p>
      {s.accepted ? (
        <p className="badge">Accepted</p>
      ) : (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="frameworkId" value={data.choice.frameworkId ?? ""} />
          <input type="hidden" name="cycleId" value={data.choice.cycleId} />
          <input type="hidden" name="source" value={data.choice.source} />
          <input type="hidden" name="areaId" value={s.areaId} />
          <input type="hidden" name="supportedSchoolId" value={s.supportedSchoolId} />
          <input type="hidden" name="centreSchoolId" value={s.centreSchoolId} />
          <button
            type="submit"
            className="button"
            aria-disabled={busy || undefined}
            aria-label={`Accept pairing: ${s.centreName} with ${s.supportedName} in ${s.areaTitle}`}
          >
            {busy ? "Accepting…" : "Accept pairing"}
          </button>
        </Form>
      )}
    </li>
  );
}

/**
 * An accepted pairing: who accepted it and when, and its way on: the joint workspace made from
 * it, a button to start one (the trust's admins), or who can (everyone else who sees it).
 */
function AcceptedPairing({ p, mayStart }: { p: View["accepted"][number]; mayStart: boolean }) {
  const navigation = useNavigation();
  const busy =
    navigation.state !== "idle" &&
    navigation.formData?.get("intent") === "startWorkspace" &&
    navigation.formData?.get("pairingId") === p.id;
  return (
    <li className="card pairing">
      <h3>{`${p.areaTitle}: ${p.centreName} with ${p.supportedName}`}</h3>
      <p>{`${p.explanation}.`}</p>
      <p className="muted">{`Accepted by ${p.acceptedBy} on ${p.acceptedAt}.`}</p>
      {p.workspace ? (
        <p>
          <Link to={`/workspaces/${p.workspace.id}`}>
            {`Open the joint workspace “${p.workspace.title}”`}
          </Link>
          {p.workspace.archived ? " (archived)" : null}
        </p>
      ) : mayStart ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="startWorkspace" />
          <input type="hidden" name="pairingId" value={p.id} />
          <button
            type="submit"
            className="button"
            aria-disabled={busy || undefined}
            aria-label={`Start a joint workspace for these two schools: ${p.centreName} and ${p.supportedName}, ${p.areaTitle}`}
          >
            {busy ? "Starting the workspace…" : "Start a joint workspace for these two schools"}
          </button>
        </Form>
      ) : (
        <p>
          No joint workspace yet. The trust&apos;s admins, or either school&apos;s leaders, can
          start one from this pairing; it will then be linked here.
        </p>
      )}
    </li>
  );
}

export default function Expertise() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const problem = result?.formError ?? Object.values(result?.fieldErrors ?? {})[0] ?? null;
  const view = data.view;
  return (
    <div className="page wide">
      <h1>Centres of expertise</h1>
      <p className="lede">
        Schools with strong practice to share in an area, and schools that would benefit from
        working alongside them. A pairing is a suggestion to support one another, agreed by the
        trust.
      </p>
      <InsightHeader choice={data.choice} view="expertise" />
      <FormError message={problem} />
      {!view ? (
        <NoFramework />
      ) : (
        <>
          <section aria-labelledby="suggested-heading" className="stack">
            <h2 id="suggested-heading">Suggested pairings</h2>
            <Capacity data={data} view={view} />
            {view.suggestions.length === 0 ? (
              <p className="empty-state">{view.noPairings}</p>
            ) : (
              <ul className="card-list">
                {view.suggestions.map((s) => (
                  <Suggestion
                    key={`${s.areaId}/${s.supportedSchoolId}/${s.centreSchoolId}`}
                    data={data}
                    s={s}
                  />
                ))}
              </ul>
            )}
            {view.unpaired.length ? (
              <div className="panel">
                <h3>Still looking for a partner</h3>
                <p>These schools would benefit from support, but no centre can be offered yet.</p>
                <ul className="plain-list">
                  {view.unpaired.map((u) => (
                    <li key={`${u.areaTitle}/${u.schoolName}`}>
                      {`${u.schoolName}: ${u.areaTitle} (${u.level})`}
                      <span className="muted">
                        {u.centresFull
                          ? " · every centre in this area is already offered to as many schools as chosen above"
                          : " · no centre of expertise in this area yet"}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
          <section aria-labelledby="centres-heading" className="stack">
            <h2 id="centres-heading">Centres of expertise</h2>
            <p className="muted">{view.rule}</p>
            {view.centres.length === 0 ? (
              <p className="empty-state">{view.noCentres}</p>
            ) : (
              <TableScroll label="Centres of expertise, area by area">
                <table className="table">
                  <caption className="visually-hidden">Centres of expertise, area by area</caption>
                  <thead>
                    <tr>
                      <th scope="col">Area</th>
                      <th scope="col">School</th>
                      <th scope="col">Level</th>
                      <th scope="col">On what basis</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.centres.map((c) => (
                      <tr key={`${c.areaTitle}/${c.schoolName}`}>
                        <td>{c.areaTitle}</td>
                        <th scope="row">{c.schoolName}</th>
                        <td>{c.level}</td>
                        <td>{c.basis}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
          <section aria-labelledby="accepted-heading" className="stack">
            <h2 id="accepted-heading">Accepted pairings</h2>
            {view.accepted.length === 0 ? (
              <p className="empty-state">No pairing has been accepted yet.</p>
            ) : (
              <ul className="card-list">
                {view.accepted.map((p) => (
                  <AcceptedPairing key={p.id} p={p} mayStart={view.mayStartWorkspace} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
