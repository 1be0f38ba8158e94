import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, TextField } from "../components/field.tsx";
import {
  CycleNameTakenError,
  distributeEvaluations,
  ensureCycle,
  getFrameworkVersion,
  listSchools,
} from "../models.server.ts";
import { notFound } from "../utils/auth.server.ts";
import { requireCsrf } from "../utils/csrf.server.ts";
import { parseForm } from "../utils/forms.ts";
import { requireTrustAccess } from "../utils/trust.server.ts";

export const meta: MetaFunction = () => [{ title: "Distribute a framework · Quality marks" }];

function academicYear(now = new Date()) {
  const start = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}–${String(start + 1).slice(2)}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { trustId } = await requireTrustAccess(request, "framework", "distribute");
  const version = await getFrameworkVersion(
    trustId,
    new URL(request.url).searchParams.get("version") ?? "",
  );
  if (!version) throw notFound();
  const schools = await listSchools(trustId);
  return json({
    version: { id: version.id, version: version.version, name: version.content.name },
    defaultName: `${version.content.name} ${academicYear()}`,
    schools: schools.map((s) => ({ id: s.id, name: s.name })),
  });
}

const Distribute = z.object({
  versionId: z.string().regex(/^[0-9a-f]{24}$/),
  name: z
    .string()
    .trim()
    .min(3, "Name the cycle (at least 3 characters)")
    .max(200, "Keep the name under 200 characters"),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date evaluations are due")
    .transform((v) => new Date(`${v}T23:59:59Z`))
    .refine(
      (d) => !Number.isNaN(d.getTime()) && d.getTime() > Date.now() - 24 * 3600_000,
      "The due date must not be in the past",
    ),
});

export type DistributeResult = {
  errors: Record<string, string>;
  formError: string | null;
  cycleId: string | null;
  created: string[];
  existing: string[];
};
const reply = (r: Partial<DistributeResult>, status = 200) =>
  json<DistributeResult>(
    { errors: {}, formError: null, cycleId: null, created: [], existing: [], ...r },
    { status },
  );

export async function action({ request }: ActionFunctionArgs) {
  const { actor, trustId } = await requireTrustAccess(request, "framework", "distribute");
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(form, Distribute);
  const schoolIds = form.getAll("schoolId").map(String);
  const errors = { ...(parsed.errors ?? {}) };
  if (schoolIds.length === 0) errors.schoolId = "Choose at least one school";
  if (!parsed.data || Object.keys(errors).length) return reply({ errors }, 400);

  const version = await getFrameworkVersion(trustId, parsed.data.versionId);
  if (!version) return reply({ formError: "That framework version no longer exists." }, 400);
  const all = await listSchools(trustId);
  const chosen = all.filter((s) => schoolIds.includes(s.id));
  if (chosen.length !== new Set(schoolIds).size)
    return reply({ errors: { schoolId: "Choose schools of this trust only" } }, 400);
  try {
    const { cycle } = await ensureCycle(version, {
      name: parsed.data.name,
      dueDate: parsed.data.dueDate,
      createdBy: actor.userId,
    });
    const result = await distributeEvaluations(chosen, version, {
      title: cycle.name,
      createdBy: actor.userId,
      cycleId: cycle.id,
      dueDate: cycle.dueDate,
    });
    const nameOf = (id: string) => all.find((s) => s.id === id)?.name ?? id;
    return reply({
      cycleId: cycle.id,
      created: result.created.map(nameOf),
      existing: result.existing.map(nameOf),
    });
  } catch (error) {
    if (error instanceof CycleNameTakenError)
      return reply({ errors: { name: error.message } }, 400);
    throw error;
  }
}

const BATCH = 25;

export default function DistributePage() {
  const data = useLoaderData<typeof loader>();
  const serverResult = useActionData<typeof action>();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<DistributeResult | null>(null);
  const shown = result ?? serverResult ?? null;

  // With JavaScript, send the schools in batches so the progress bar shows the work as it runs;
  // each batch is idempotent, so a retry after a dropped connection duplicates nothing.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const schoolIds = form.getAll("schoolId").map(String);
    const batches =
      schoolIds.length === 0
        ? [[]]
        : Array.from({ length: Math.ceil(schoolIds.length / BATCH) }, (_, i) =>
            schoolIds.slice(i * BATCH, (i + 1) * BATCH),
          );
    const total: DistributeResult = {
      errors: {},
      formError: null,
      cycleId: null,
      created: [],
      existing: [],
    };
    setResult(null);
    setProgress({ done: 0, total: schoolIds.length });
    for (const batch of batches) {
      const body = new FormData();
      for (const key of ["csrf", "versionId", "name", "dueDate"])
        body.set(key, String(form.get(key) ?? ""));
      for (const id of batch) body.append("schoolId", id);
      const response = await fetch(
        `${window.location.pathname}${window.location.search}&_data=routes%2Fcycles.new`,
        { method: "POST", body },
      );
      const part = (await response.json()) as DistributeResult;
      if (!response.ok) {
        setResult({
          ...total,
          errors: part.errors ?? {},
          formError:
            part.formError ??
            (response.ok ? null : "Distribution stopped. Try again: nothing is duplicated."),
        });
        setProgress(null);
        return;
      }
      total.cycleId = part.cycleId;
      total.created.push(...part.created);
      total.existing.push(...part.existing);
      setProgress((p) => p && { ...p, done: p.done + batch.length });
    }
    setResult(total);
  }

  const [selected, setSelected] = useState<Set<string>>(
    () => new Set(data.schools.map((s) => s.id)),
  );
  const all = selected.size === data.schools.length;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/frameworks">Frameworks</Link> /
      </p>
      <h1>
        Distribute {data.version.name} (v{data.version.version})
      </h1>
      <Form method="post" className="stack panel" onSubmit={onSubmit} noValidate>
        <CsrfInput />
        <input type="hidden" name="versionId" value={data.version.id} />
        <FormError message={shown?.formError} />
        <TextField
          label="Cycle name"
          name="name"
          defaultValue={data.defaultName}
          required
          error={shown?.errors.name}
        />
        <TextField
          label="Due date"
          name="dueDate"
          type="date"
          required
          error={shown?.errors.dueDate}
        />
        <fieldset
          className="school-picker"
          aria-describedby={shown?.errors.schoolId ? "school-error" : undefined}
        >
          <legend>Schools</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={all}
              onChange={(e) =>
                setSelected(new Set(e.target.checked ? data.schools.map((s) => s.id) : []))
              }
            />{" "}
            All schools ({data.schools.length})
          </label>
          <div className="school-list">
            {data.schools.map((s) => (
              <label key={s.id} className="checkbox">
                <input
                  type="checkbox"
                  name="schoolId"
                  value={s.id}
                  checked={selected.has(s.id)}
                  onChange={() => toggle(s.id)}
                />{" "}
                {s.name}
              </label>
            ))}
          </div>
          {shown?.errors.schoolId ? (
            <p className="field-error" id="school-error">
              {shown.errors.schoolId}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="button" disabled={progress !== null && result === null}>
          Distribute
        </button>
      </Form>
      {progress ? (
        <div className="progress" aria-live="polite">
          <progress max={progress.total} value={progress.done} aria-label="Distribution progress" />
          <span className="progress-text">{`${progress.done} of ${progress.total} schools done`}</span>
        </div>
      ) : null}
      {shown?.cycleId ? (
        <div role="status" className="notice">
          <p>
            {shown.created.length} new evaluation{shown.created.length === 1 ? "" : "s"} created.
            {shown.existing.length
              ? ` ${shown.existing.length} school${shown.existing.length === 1 ? "" : "s"} already had one: ${shown.existing.join(", ")}.`
              : ""}
          </p>
          <p>
            <Link to={`/cycles/${shown.cycleId}`}>See who has started</Link>
          </p>
        </div>
      ) : null}
    </div>
  );
}
