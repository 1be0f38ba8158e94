import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ROLE_LABELS, ROLES, isSchoolRole } from "../../models/permissions/roles.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField, TextField } from "../components/field.tsx";
import { SecondFactorReset } from "../components/second-factor/reset-link.tsx";
import { peopleWithSecondFactor } from "../components/second-factor/people.server.ts";
import { PersonControls } from "../components/trust/person-controls.tsx";
import { personControlAction } from "../components/trust/person-controls.server.ts";
import {
  DuplicateSchoolError,
  can,
  createSchool,
  createUser,
  findUserByEmail,
  getSchool,
  getTrust,
  getUsers,
  grantRole,
  listMembershipsOfTrust,
  listSchools,
  recordAudit,
} from "../models.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";
import { requireCsrf } from "../utils/csrf.server.ts";
import { parseForm } from "../utils/forms.ts";

export const meta: MetaFunction = () => [{ title: "Trust settings · Quality marks" }];

async function requireTrustAdmin(request: Request) {
  const actor = await requireActor(request);
  const trustId = actor.grants.find((g) => g.role === "trustAdmin")?.trustId;
  if (!trustId || !can(actor, "manage", { type: "trust", trustId })) throw notFound();
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

const checkbox = z.preprocess((v) => v === "on", z.boolean());

const AddSchool = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Enter the school's name")
    .max(200, "Keep the name under 200 characters"),
  urn: z
    .string()
    .trim()
    .regex(/^(\d{6,7})?$/, "A URN is six or seven digits")
    .transform((v) => v || null),
  phase: z.enum(["primary", "secondary", "allThrough", "special"], { message: "Choose a phase" }),
  hasEarlyYears: checkbox,
  hasSixthForm: checkbox,
});

const AddPerson = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, "Enter the person's full name")
      .max(120, "Keep the name under 120 characters"),
    email: z.string().trim().email("Enter an email address like name@school.org.uk"),
    role: z.enum(ROLES, { message: "Choose a role" }),
    schoolId: z.string().optional(),
    password: z.string().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (isSchoolRole(v.role) && !v.schoolId) {
      ctx.addIssue({
        code: "custom",
        path: ["schoolId"],
        message: "Choose the school for this role",
      });
    }
  });

type ActionResult = {
  intent: string;
  errors: Record<string, string>;
  formError: string | null;
  done: string | null;
};
const reply = (r: Partial<ActionResult> & { intent: string }, status = 200) =>
  json<ActionResult>({ errors: {}, formError: null, done: null, ...r }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const { trustId, actor } = await requireTrustAdmin(request);
  const form = await request.formData();
  await requireCsrf(request, form);
  const intent = String(form.get("intent"));

  // Remove a role, sign out everywhere: components/trust/person-controls.tsx.
  const personControl = await personControlAction(form, { actor, collab: context.collab });
  if (personControl) return personControl;

  if (intent === "addSchool") {
    const parsed = parseForm(form, AddSchool);
    if (parsed.errors) return reply({ intent, errors: parsed.errors }, 400);
    try {
      const school = await createSchool(trustId, parsed.data);
      return reply({ intent, done: `${school.name} was added.` });
    } catch (error) {
      if (error instanceof DuplicateSchoolError)
        return reply({ intent, errors: { name: error.message } }, 400);
      throw error;
    }
  }

  if (intent === "addPerson") {
    const parsed = parseForm(form, AddPerson);
    if (parsed.errors) return reply({ intent, errors: parsed.errors }, 400);
    const { name, email, role, password } = parsed.data;
    const schoolId = isSchoolRole(role) ? parsed.data.schoolId! : null;
    if (schoolId && !(await getSchool(trustId, schoolId))) {
      return reply({ intent, errors: { schoolId: "Choose one of this trust's schools" } }, 400);
    }
    let user = await findUserByEmail(email);
    if (!user) {
      if (!password || password.length < 12) {
        return reply(
          { intent, errors: { password: "Give a first password of at least 12 characters" } },
          400,
        );
      }
      user = await createUser({ name, email, password });
    }
    await grantRole(trustId, { userId: user.id, role, schoolId });
    await recordAudit({
      trustId,
      actorId: actor.userId,
      action: "roleGranted",
      subject: `user:${user.id}`,
      details: { role, schoolId },
    });
    return reply({ intent, done: `${user.name} is now ${ROLE_LABELS[role].toLowerCase()}.` });
  }

  return reply({ intent, formError: "Unknown request." }, 400);
}

export default function TrustSettings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : {});
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
