import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ROLE_LABELS, ROLES } from "../../models/permissions/roles.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField, TextField } from "../components/field.tsx";
import { SecondFactorReset } from "../components/second-factor/reset-link.tsx";
import { peopleWithSecondFactor } from "../components/second-factor/people.server.ts";
import { PersonControls } from "../components/trust/person-controls.tsx";
import { personControlAction } from "../components/trust/person-controls.server.ts";
import {
  addPerson,
  addSchool,
  getTrust,
  getUsers,
  listMembershipsOfTrust,
  listSchools,
  loadTrustWhere,
  newRequestId,
} from "../trust.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import {
  failed,
  fieldsOf,
  orNotFound,
  readForm,
  run,
  type ActionResult,
} from "../utils/command.server.ts";

export const meta: MetaFunction = () => [{ title: "Trust settings · Quality marks" }];

async function requireTrustAdmin(request: Request) {
  const actor = await requireActor(request);
  const { trustId } = await orNotFound(loadTrustWhere(actor, "manage"));
  return { actor, trustId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { trustId } = await requireTrustAdmin(request);
  const [trust, schools, memberships] = await Promise.all([
    getTrust(trustId),
    listSchools(trustId),
    listMembershipsOfTrust(trustId),
  ]);
  const users = await getUsers([...new Set(memberships.map((m) => m.userId))]);
  const withSecondFactor = await peopleWithSecondFactor(users.map((u) => u.id));
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  const labelOf = (m: (typeof memberships)[number]) =>
    `${ROLE_LABELS[m.role]}${m.schoolId ? ` · ${schoolName.get(m.schoolId) ?? ""}` : ""}`;
  return json({
    requestId: newRequestId(),
    trustName: trust?.name ?? "",
    schools: schools.map((s) => ({ id: s.id, name: s.name, phase: s.phase, urn: s.urn })),
    people: users
      .map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        secondFactor: withSecondFactor.has(u.id),
        memberships: memberships
          .filter((m) => m.userId === u.id)
          .map((m) => ({ id: m.id, label: labelOf(m) })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  });
}

type TrustResult = ActionResult & { personId?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const ctx = { actor, collab: context.collab };
  const form = await readForm(request);
  const intent = String(form.get("intent"));

  // Remove a role, sign out everywhere: components/trust/person-controls.tsx.
  const personControl = await personControlAction(form, ctx);
  if (personControl) return personControl;

  if (intent === "addSchool") {
    const done = await run(() => addSchool(ctx, fieldsOf(form)), intent);
    if (done instanceof Response) return done;
    return json<TrustResult>({ intent, done: `${done.name} was added.` });
  }
  if (intent === "addPerson") {
    const done = await run(() => addPerson(ctx, fieldsOf(form)), intent);
    if (done instanceof Response) return done;
    // Someone who held the role already is told so: nothing was given, nothing recorded.
    const what = done.granted ? "is now" : "is already";
    const role = ROLE_LABELS[done.role].toLowerCase();
    const where = done.school ? ` at ${done.school.name}` : "";
    return json<TrustResult>({ intent, done: `${done.user.name} ${what} ${role}${where}.` });
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}

export default function TrustSettings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<TrustResult>();
  const busy = useNavigation().state === "submitting";
  const errorsFor = (intent: string): Record<string, string> =>
    result?.intent === intent ? (result.fieldErrors ?? {}) : {};
  const school = errorsFor("addSchool");
  const person = errorsFor("addPerson");
  return (
    <div className="page">
      <h1>{data.trustName}: settings</h1>
      {result?.done ? (
        <p role="status" className="notice">
          {result.done}
        </p>
      ) : null}

      <div className="columns">
        <section aria-labelledby="schools-heading">
          <h2 id="schools-heading">Schools ({data.schools.length})</h2>
          {data.schools.length === 0 ? (
            <p className="muted">
              No schools yet. Add the trust's first school below, then add its people.
            </p>
          ) : null}
          <ul className="plain-list">
            {data.schools.map((s) => (
              <li key={s.id}>
                {s.name} <span className="muted">{s.urn ? `URN ${s.urn}` : ""}</span>
              </li>
            ))}
          </ul>
          <Form
            method="post"
            className="stack panel"
            noValidate
            aria-labelledby="add-school-heading"
          >
            <h3 id="add-school-heading">Add a school</h3>
            <CsrfInput />
            <input type="hidden" name="intent" value="addSchool" />
            <input type="hidden" name="requestId" value={data.requestId} />
            <TextField label="School name" name="name" required error={school.name} />
            <TextField label="URN (optional)" name="urn" inputMode="numeric" error={school.urn} />
            <SelectField label="Phase" name="phase" error={school.phase} defaultValue="primary">
              <option value="primary">Primary</option>
              <option value="secondary">Secondary</option>
              <option value="allThrough">All-through</option>
              <option value="special">Special</option>
            </SelectField>
            <label className="checkbox">
              <input type="checkbox" name="hasEarlyYears" /> Has early years (nursery or reception)
            </label>
            <label className="checkbox">
              <input type="checkbox" name="hasSixthForm" /> Has a sixth form
            </label>
            <button type="submit" className="button" disabled={busy}>
              Add school
            </button>
          </Form>
        </section>

        <section aria-labelledby="people-heading">
          <h2 id="people-heading">People ({data.people.length})</h2>
          <p>
            <a href="/trust/audit">Audit log</a>
          </p>
          <ul className="plain-list">
            {data.people.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> <span className="muted">{p.email}</span>
                <PersonControls person={p} outcome={result} />
                <SecondFactorReset person={p} />
              </li>
            ))}
          </ul>
          <Form
            method="post"
            className="stack panel"
            noValidate
            aria-labelledby="add-person-heading"
          >
            <h3 id="add-person-heading">Add a person</h3>
            <CsrfInput />
            <input type="hidden" name="intent" value="addPerson" />
            <FormError message={result?.intent === "addPerson" ? result.formError : null} />
            <TextField label="Full name" name="name" required error={person.name} />
            <TextField
              label="Email address"
              name="email"
              type="email"
              required
              error={person.email}
            />
            <SelectField label="Role" name="role" error={person.role} defaultValue="schoolStaff">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="School (for school roles)"
              name="schoolId"
              error={person.schoolId}
              defaultValue=""
            >
              <option value="">— None —</option>
              {data.schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label="First password"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="At least 12 characters. Not needed if the person already has an account."
              error={person.password}
            />
            <button type="submit" className="button" disabled={busy}>
              Add person
            </button>
          </Form>
        </section>
      </div>
    </div>
  );
}
