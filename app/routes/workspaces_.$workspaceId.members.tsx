import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError } from "../components/field.tsx";
import { requireActor } from "../utils/auth.server.ts";
import {
  failed,
  fieldsOf,
  orNotFound,
  readForm,
  run,
  type ActionResult,
} from "../utils/command.server.ts";
import {
  chooseMembers,
  removeMember,
  removeSchool,
  workspacePageData,
} from "../workspace.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Members · ${data?.workspace.title ?? "Joint workspace"} · Quality marks` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return json(await orNotFound(workspacePageData(actor, params.workspaceId ?? "")));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ctx = { actor, collab: context.collab };
  const extra = { workspaceId: params.workspaceId ?? "" };
  if (intent === "chooseMembers") {
    const done = await run(
      () => chooseMembers(ctx, fieldsOf(form, { extra, lists: ["memberIds"] })),
      intent,
    );
    return done instanceof Response ? done : json<ActionResult>({ intent, done: "Members saved." });
  }
  if (intent === "removeMember") {
    const done = await run(() => removeMember(ctx, fieldsOf(form, { extra })), intent);
    return done instanceof Response
      ? done
      : json<ActionResult>({ intent, done: "Member removed." });
  }
  if (intent === "removeSchool") {
    const done = await run(() => removeSchool(ctx, fieldsOf(form, { extra })), intent);
    if (done instanceof Response) return done;
    // A leader who took their own school out no longer sees the workspace.
    return done.stillSees
      ? json<ActionResult>({ intent, done: "The school no longer takes part." })
      : redirect("/workspaces?notice=left");
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}

/** Each school's members; a school's leader chooses them from the school's staff. */
export default function WorkspaceMembersPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  const path = `/workspaces/${data.workspace.id}`;
  return (
    <div className="page">
      <Breadcrumbs
        trail={[
          { label: "Joint workspaces", to: "/workspaces" },
          { label: data.workspace.title, to: path },
        ]}
      />
      <h1>Members</h1>
      {result?.done ? (
        <p role="status" className="notice">
          {result.done}
        </p>
      ) : null}
      <FormError message={result?.formError} />
      {data.schools.map((s) => (
        <section key={s.id} aria-labelledby={`school-${s.id}`} className="panel stack">
          <h2 id={`school-${s.id}`}>
            {s.name} <span className="badge">{s.statusLabel}</span>
          </h2>
          {s.status !== "accepted" ? null : s.members.length ? (
            <ul>
              {s.members.map((m) => (
                <li key={m.id}>
                  {m.name}
                  {s.can.chooseMembers ? (
                    <Form method="post" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="removeMember" />
                      <input type="hidden" name="schoolId" value={s.id} />
                      <input type="hidden" name="userId" value={m.id} />{" "}
                      <button
                        className="button button-secondary button-small"
                        disabled={busy}
                        aria-label={`Remove ${m.name}`}
                      >
                        Remove
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No members yet: the school&apos;s leader chooses who joins.</p>
          )}
          {s.can.chooseMembers ? (
            <Form method="post" className="stack">
              <CsrfInput />
              <input type="hidden" name="intent" value="chooseMembers" />
              <input type="hidden" name="schoolId" value={s.id} />
              <fieldset
                aria-describedby={
                  result?.intent === "chooseMembers" && result.fieldErrors?.memberIds
                    ? `members-error-${s.id}`
                    : undefined
                }
              >
                <legend>{`Who from ${s.name} joins`}</legend>
                {s.staff.map((p) => (
                  <label key={p.id} className="checkbox">
                    <input
                      type="checkbox"
                      name="memberIds"
                      value={p.id}
                      defaultChecked={s.members.some((m) => m.id === p.id)}
                    />{" "}
                    {p.name}
                  </label>
                ))}
                {result?.intent === "chooseMembers" && result.fieldErrors?.memberIds ? (
                  <p className="field-error" id={`members-error-${s.id}`}>
                    {result.fieldErrors.memberIds}
                  </p>
                ) : null}
              </fieldset>
              <button className="button" disabled={busy}>
                Save members
              </button>
            </Form>
          ) : null}
          {s.can.removeSchool ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="removeSchool" />
              <input type="hidden" name="schoolId" value={s.id} />
              <button className="button button-secondary" disabled={busy}>
                {`Take ${s.name} out of the workspace`}
              </button>
            </Form>
          ) : null}
        </section>
      ))}
    </div>
  );
}
