import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField, TextField } from "../components/field.tsx";
import { requireActor } from "../utils/auth.server.ts";
import { failed, fieldsOf, readForm, run, type ActionResult } from "../utils/command.server.ts";
import {
  createWorkspace,
  createWorkspaceFromPairing,
  newRequestId,
  respondToInvitation,
  workspacesPageData,
} from "../workspace.server.ts";

export const meta: MetaFunction = () => [{ title: "Joint workspaces · Quality marks" }];

/** What the page says after a workspace was left from its own pages (which then close). */
const NOTICES: Record<string, string> = {
  declined: "Invitation declined: your school does not take part in that workspace.",
  left: "Your school no longer takes part in that workspace.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const notice = NOTICES[new URL(request.url).searchParams.get("notice") ?? ""] ?? null;
  return json({ ...(await workspacesPageData(actor)), requestId: newRequestId(), notice });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ctx = { actor, collab: context.collab };
  if (intent === "create") {
    const done = await run(
      () => createWorkspace(ctx, fieldsOf(form, { lists: ["schoolIds"] })),
      intent,
    );
    return done instanceof Response ? done : redirect(`/workspaces/${done.workspace.id}`);
  }
  if (intent === "fromPairing") {
    const done = await run(() => createWorkspaceFromPairing(ctx, fieldsOf(form)), intent);
    return done instanceof Response ? done : redirect(`/workspaces/${done.workspace.id}`);
  }
  if (intent === "respond") {
    const done = await run(() => respondToInvitation(ctx, fieldsOf(form)), intent);
    if (done instanceof Response) return done;
    return done.workspace && String(form.get("answer")) === "accept"
      ? redirect(`/workspaces/${done.workspace.id}`)
      : json<ActionResult>({ intent, done: "Invitation declined." });
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}

export default function WorkspacesPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.intent === "create" ? (result.fieldErrors ?? {}) : {};
  const open = data.workspaces.filter((w) => !w.archived);
  const archived = data.workspaces.filter((w) => w.archived);
  const pairings = data.pairings.filter((p) => !p.made);
  return (
    <div className="page">
      <h1>Joint workspaces</h1>
      <p className="lede">
        Schools of the trust developing practice together: shared notes, a whiteboard, a practice
        library and joint actions. Members see the workspace and nothing else of the other schools.
      </p>
      {result?.done || data.notice ? (
        <p role="status" className="notice">
          {result?.done ?? data.notice}
        </p>
      ) : null}
      {result && result.intent !== "create" ? <FormError message={result.formError} /> : null}
      <section aria-labelledby="yours-heading" className="stack">
        <h2 id="yours-heading">{data.oversees ? "The trust's workspaces" : "Your workspaces"}</h2>
        {open.length === 0 ? (
          <p className="muted">
            {data.start
              ? "No joint workspaces yet. Start one below, or from an accepted pairing."
              : data.oversees
                ? "No joint workspace in the trust yet. The trust's admins and school leaders start them, from an accepted pairing too (Insight, Centres of expertise); you can open every one to follow it as an observer."
                : "Your school is not in a joint workspace yet. Your headteacher or the trust can invite you to one."}
          </p>
        ) : (
          <ul className="card-list workspace-list">
            {open.map((w) => (
              <li key={w.id} className="panel stack">
                <h3>
                  <Link to={`/workspaces/${w.id}`}>{w.title}</Link>
                </h3>
                {w.areaTitle ? <p className="muted">{`Area: ${w.areaTitle}`}</p> : null}
                <p>
                  {w.schools
                    .map((s) => `${s.name}${s.status === "invited" ? " (invited)" : ""}`)
                    .join(", ")}
                </p>
                {w.invitations.map((invitation) => (
                  <Form method="post" key={invitation.schoolId} className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="respond" />
                    <input type="hidden" name="workspaceId" value={w.id} />
                    <input type="hidden" name="schoolId" value={invitation.schoolId} />
                    <p>{`${invitation.name} is invited.`}</p>
                    <button className="button" name="answer" value="accept" disabled={busy}>
                      {`Accept for ${invitation.name}`}
                    </button>{" "}
                    <button
                      className="button button-secondary"
                      name="answer"
                      value="decline"
                      disabled={busy}
                    >
                      Decline
                    </button>
                  </Form>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      {pairings.length ? (
        <section aria-labelledby="pairings-heading" className="stack">
          <h2 id="pairings-heading">From an accepted pairing</h2>
          <ul className="card-list">
            {pairings.map((p) => (
              <li key={p.id} className="panel">
                <Form method="post" className="stack">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="fromPairing" />
                  <input type="hidden" name="pairingId" value={p.id} />
                  <p>{`${p.areaTitle}: ${p.centre} with ${p.supported}`}</p>
                  <button className="button" disabled={busy}>
                    Start a joint workspace
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.start ? (
        <section aria-labelledby="start-heading" className="stack">
          <h2 id="start-heading">Start a joint workspace</h2>
          <Form method="post" className="panel stack" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="requestId" value={data.requestId} />
            {result?.intent === "create" ? <FormError message={result.formError} /> : null}
            <TextField label="Title" name="title" required maxLength={200} error={errors.title} />
            <TextField
              label="Purpose"
              name="purpose"
              maxLength={2000}
              hint="What the schools will work on together."
              error={errors.purpose}
            />
            {data.start.leads.length ? (
              <SelectField
                label="Your school"
                name="leadSchoolId"
                error={errors.leadSchoolId}
                defaultValue={data.start.asAdmin ? "" : data.start.leads[0].id}
              >
                {data.start.asAdmin ? <option value="">None: start it for the trust</option> : null}
                {data.start.leads.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <fieldset
              className={`school-picker${errors.schoolIds ? " field-invalid" : ""}`}
              aria-describedby={errors.schoolIds ? "school-ids-error" : undefined}
            >
              <legend>Schools to invite</legend>
              {data.start.schools.map((s) => (
                <label key={s.id} className="checkbox">
                  <input type="checkbox" name="schoolIds" value={s.id} /> {s.name}
                </label>
              ))}
              {errors.schoolIds ? (
                <p className="field-error" id="school-ids-error">
                  {errors.schoolIds}
                </p>
              ) : null}
            </fieldset>
            <button className="button" disabled={busy}>
              Start the workspace
            </button>
          </Form>
        </section>
      ) : null}
      {archived.length ? (
        <section aria-labelledby="archived-heading" className="stack">
          <h2 id="archived-heading">Archived</h2>
          <ul>
            {archived.map((w) => (
              <li key={w.id}>
                <Link to={`/workspaces/${w.id}`}>{w.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
