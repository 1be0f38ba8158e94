import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { cycleNameKey } from "../../models/cycle/name-key.ts";
import { formatDay } from "../../models/dates.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, TextField } from "../components/field.tsx";
import {
  distributeFramework,
  getFrameworkVersion,
  listLatestFrameworkVersions,
  listSchools,
  loadTrustFor,
  type Distribution,
} from "../framework.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";
import { fieldsOf, orNotFound, readForm, run, type ActionResult } from "../utils/command.server.ts";
import {
  distributionPreview,
  type DistributionHint,
  type ExistingCycle,
} from "../utils/distribution-preview.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { Distributed } from "../components/cycle/distributed.tsx";

export const meta: MetaFunction = () => [{ title: "Distribute a framework · Quality marks" }];

function academicYear(now = new Date()) {
  const start = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}–${String(start + 1).slice(2)}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { trustId } = await orNotFound(loadTrustFor(actor, "framework", "distribute"));
  const versionId = new URL(request.url).searchParams.get("version");
  // Reached without a version (from the cycles page, or typed): choose one first.
  if (!versionId) return json({ choose: await choices(trustId) });
  const version = await getFrameworkVersion(trustId, versionId);
  if (!version) throw notFound();
  const [schools, preview] = await Promise.all([
    listSchools(trustId),
    distributionPreview(trustId, version),
  ]);
  return json({
    choose: null,
    version: { id: version.id, version: version.version, name: version.content.name },
    defaultName: freeName(version.content.name, version.version, preview.namesTakenElsewhere),
    cycles: preview.cycles,
    schools: schools.map((s) => ({ id: s.id, name: s.name, plan: preview.schools[s.id] ?? null })),
  });
}

/**
 * The name the form starts with: the framework and the academic year, unless a cycle of another
 * version (an earlier one, distributed this year) has it, which would be refused on sending.
 */
function freeName(framework: string, version: number, taken: string[]): string {
  const year = academicYear();
  const free = (name: string) => !taken.includes(cycleNameKey(name));
  const plain = `${framework} ${year}`;
  if (free(plain)) return plain;
  const versioned = `${framework} v${version} ${year}`;
  if (free(versioned)) return versioned;
  for (let n = 2; ; n++) if (free(`${versioned} (${n})`)) return `${versioned} (${n})`;
}

/** The newest published version of each of the trust's frameworks, by name. */
async function choices(trustId: string) {
  const versions = await listLatestFrameworkVersions(trustId);
  return versions
    .map((v) => ({ id: v.id, version: v.version, name: v.content.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/** What was in the form when it was sent: a refused form shows it again, not its defaults. */
interface Typed {
  name: string;
  dueDate: string;
  schoolId: string[];
}

export type DistributeResult = ActionResult & Partial<Distribution> & { typed?: Typed };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const done = await run(() =>
    distributeFramework({ actor, collab: context.collab }, fieldsOf(form, { lists: ["schoolId"] })),
  );
  if (!(done instanceof Response)) return json<DistributeResult>(done);
  // Refused (the form's own messages): sent back with what was typed, for the page without
  // scripts, which is drawn afresh from this answer.
  const refused = (await done.json()) as ActionResult;
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const typed: Typed = {
    name: text("name"),
    dueDate: text("dueDate"),
    schoolId: form.getAll("schoolId").filter((v): v is string => typeof v === "string"),
  };
  return json<DistributeResult>({ ...refused, typed }, { status: done.status });
}

const BATCH = 25;

/**
 * What one batch came to: done; refused, because the input is wrong (the server's messages say
 * what to fix, and trying again would fail the same way); or stopped part-way (a server error,
 * a dropped connection), which trying again can finish.
 */
type BatchAnswer =
  | { kind: "done"; part: DistributeResult }
  | { kind: "refused"; part: DistributeResult }
  | { kind: "stopped" };

async function sendBatch(form: FormData, batch: string[]): Promise<BatchAnswer> {
  const body = new FormData();
  for (const key of ["csrf", "versionId", "name", "dueDate"])
    body.set(key, String(form.get(key) ?? ""));
  for (const id of batch) body.append("schoolId", id);
  try {
    const response = await fetch(
      `${window.location.pathname}${window.location.search}&_data=routes%2Fcycles.new`,
      { method: "POST", body },
    );
    if (response.status >= 500) return { kind: "stopped" };
    // Remix answers a redirect (to sign in, once the session has ended) with this header.
    const redirected = response.headers.has("X-Remix-Redirect");
    const part = redirected
      ? null
      : ((await response.json().catch(() => null)) as DistributeResult | null);
    if (part) return { kind: response.ok ? "done" : "refused", part };
    return {
      kind: "refused",
      part: { fieldErrors: {}, formError: refusedWithoutReason(response.status, redirected) },
    };
  } catch {
    return { kind: "stopped" };
  }
}

/**
 * What to do about a batch the server turned away without saying why in its own words (a
 * session that ended, a page too old to send, too many requests): trying again at once, as
 * "stopped" would suggest, would meet the same answer.
 */
function refusedWithoutReason(status: number, redirected: boolean): string {
  const nothingDuplicated = "Schools already done are kept and nothing is duplicated.";
  if (redirected || status === 401)
    return `You have been signed out. Sign in again in another tab, then distribute again here. ${nothingDuplicated}`;
  if (status === 429)
    return `Too many requests in a short time. Wait a minute, then distribute again. ${nothingDuplicated}`;
  if (status === 403)
    return `This page can no longer send, or you may no longer distribute this framework. Reload the page and try again. ${nothingDuplicated}`;
  return `The server turned the request away (${status}). Reload the page and try again. ${nothingDuplicated}`;
}

/** The messages for a batch that was not done: the server's own for a refusal. */
function whyNotDone(answer: Exclude<BatchAnswer, { kind: "done" }>): DistributeResult {
  if (answer.kind === "refused")
    return { fieldErrors: answer.part.fieldErrors ?? {}, formError: answer.part.formError ?? null };
  return { fieldErrors: {}, formError: "Distribution stopped. Try again: nothing is duplicated." };
}

export default function DistributeRoute() {
  const data = useLoaderData<typeof loader>();
  return data.choose ? <ChooseVersion versions={data.choose} /> : <DistributePage data={data} />;
}

/** Which framework to distribute, when the page was reached without one. */
function ChooseVersion({
  versions,
}: {
  versions: { id: string; version: number; name: string }[];
}) {
  return (
    <div className="page">
      <Breadcrumbs trail={[{ label: "Cycles", to: "/cycles" }]} />
      <h1>Start a cycle</h1>
      <p className="lede">
        A cycle sends one published framework version to the schools you choose, with a due date.
        Which framework?
      </p>
      {versions.length === 0 ? (
        <p className="empty-state">
          No framework has been published yet. <Link to="/frameworks">Open Frameworks</Link>,
          publish one, then come back to distribute it.
        </p>
      ) : (
        <ul className="card-list">
          {versions.map((v) => (
            <li key={v.id} className="card">
              <h2>
                <Link to={`/cycles/new?version=${v.id}`}>{v.name}</Link>
              </h2>
              <p className="muted">{`Newest published version: v${v.version}`}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Distributable = Exclude<
  ReturnType<typeof useLoaderData<typeof loader>>,
  { choose: unknown[] }
>;

function DistributePage({ data }: { data: Distributable }) {
  const serverResult = useActionData<DistributeResult>();
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
    const total: DistributeResult = { created: [], adopted: [], prefilled: [], existing: [] };
    setResult(null);
    setProgress({ done: 0, total: schoolIds.length });
    for (const [index, batch] of batches.entries()) {
      const answer = await sendBatch(form, batch);
      if (answer.kind !== "done") {
        setResult({ ...total, ...whyNotDone(answer) });
        setProgress(null);
        return;
      }
      const { part } = answer;
      total.cycleId = part.cycleId;
      total.created!.push(...(part.created ?? []));
      total.adopted!.push(...(part.adopted ?? []));
      total.prefilled!.push(...(part.prefilled ?? []));
      total.existing!.push(...(part.existing ?? []));
      total.dueDateKept ??= part.dueDateKept ?? null;
      // Whether the name was an existing cycle's: the first batch says (later ones find the
      // cycle the first made).
      if (index === 0) total.joinedCycle = part.joinedCycle ?? null;
      setProgress((p) => p && { ...p, done: p.done + batch.length });
    }
    setResult(total);
  }

  // After a refusal without scripts, the page starts from what was typed.
  const typed = serverResult?.typed;
  const [selected, setSelected] = useState<Set<string>>(
    () =>
      new Set(data.schools.map((s) => s.id).filter((id) => !typed || typed.schoolId.includes(id))),
  );
  const all = selected.size === data.schools.length;
  // Distributing under the name of an existing cycle of this version goes into that cycle.
  const [cycleName, setCycleName] = useState(typed?.name ?? data.defaultName);
  const existingCycle = data.cycles.find((c) => c.nameKey === cycleNameKey(cycleName));
  const schoolsShown = data.schools.map((s) => ({
    ...s,
    hint: s.plan
      ? ((existingCycle && s.plan.inCycle[existingCycle.id]) ?? s.plan.inNewCycle)
      : null,
  }));
  const hints = schoolsShown.flatMap((s) => (s.hint ? [s.hint] : []));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  // Done when every batch went through: the form gives way to what was done and what is next.
  const finished =
    shown?.cycleId && shown.created && !shown.formError && !hasFieldErrors(shown)
      ? { ...shown, cycleId: shown.cycleId }
      : null;
  return (
    <div className="page">
      <Breadcrumbs trail={[{ label: "Frameworks", to: "/frameworks" }]} />
      <h1>
        Distribute {data.version.name} (v{data.version.version})
      </h1>
      {finished ? (
        <Distributed result={finished} againTo={`/cycles/new?version=${data.version.id}`} />
      ) : (
        <>
          <Form method="post" className="stack panel" onSubmit={onSubmit} noValidate>
            <CsrfInput />
            <input type="hidden" name="versionId" value={data.version.id} />
            <FormError message={shown?.formError} />
            <TextField
              label="Cycle name"
              name="name"
              value={cycleName}
              onChange={(e) => setCycleName(e.target.value)}
              hint={existingCycle ? joiningNotice(existingCycle) : undefined}
              required
              error={shown?.fieldErrors?.name}
            />
            <TextField
              label="Due date"
              name="dueDate"
              type="date"
              defaultValue={typed?.dueDate}
              required
              error={shown?.fieldErrors?.dueDate}
            />
            <fieldset
              className="school-picker"
              aria-describedby={shown?.fieldErrors?.schoolId ? "school-error" : undefined}
            >
              <legend>Schools</legend>
              {data.schools.length === 0 ? (
                <p className="muted">
                  The trust has no schools yet.{" "}
                  <Link to="/trust">Add schools in Trust settings</Link>, then come back to
                  distribute.
                </p>
              ) : null}
              {hints.length ? (
                <p className="notice" id="existing-work">
                  {existingWorkNotice(hints)}
                </p>
              ) : null}
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
                {schoolsShown.map((s) => (
                  <div key={s.id}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        name="schoolId"
                        value={s.id}
                        checked={selected.has(s.id)}
                        onChange={() => toggle(s.id)}
                        aria-describedby={s.hint ? `hint-${s.id}` : undefined}
                      />{" "}
                      {s.name}
                    </label>
                    {s.hint ? (
                      <p className="hint" id={`hint-${s.id}`}>
                        {s.hint.text}
                      </p>
                    ) : null}
                  </div>
                ))}
              </div>
              {shown?.fieldErrors?.schoolId ? (
                <p className="field-error" id="school-error">
                  {shown.fieldErrors?.schoolId}
                </p>
              ) : null}
            </fieldset>
            <button
              type="submit"
              className="button"
              disabled={progress !== null && result === null}
            >
              Distribute
            </button>
          </Form>
          {progress ? (
            <div className="progress" aria-live="polite">
              <progress
                max={progress.total}
                value={progress.done}
                aria-label="Distribution progress"
              />
              <span className="progress-text">{`${progress.done} of ${progress.total} schools done`}</span>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

/** Said under the name while it is an existing cycle's: distributing adds the schools to it. */
function joiningNotice(cycle: ExistingCycle): string {
  const schools =
    cycle.schools === 0
      ? "no schools yet"
      : `${cycle.schools} ${cycle.schools === 1 ? "school" : "schools"}`;
  const due = cycle.dueDate ? `, due ${formatDay(cycle.dueDate)}` : "";
  const keeps = cycle.dueDate ? ", and it keeps its due date" : "";
  return `“${cycle.name}” is an existing cycle (${schools}${due}). The schools you choose will join it rather than start a new cycle${keeps}.`;
}

const hasFieldErrors = (result: DistributeResult) =>
  Object.values(result.fieldErrors ?? {}).some(Boolean);

/**
 * What distributing does to the schools that already have an evaluation on the framework, in
 * the cases there are (beside each school, its own case).
 */
function existingWorkNotice(hints: DistributionHint[]): string {
  const count = (kind: DistributionHint["kind"]) => hints.filter((h) => h.kind === kind).length;
  const adopt = count("adopt");
  const prefill = count("prefill");
  const existing = count("existing");
  const cases = [
    adopt === 1 ? "1 school's unfinished evaluation joins this cycle with its work" : "",
    adopt > 1 ? `${adopt} schools' unfinished evaluations join this cycle with their work` : "",
    prefill === 1
      ? "1 school starts a new one pre-filled from its last one, which stays as it was"
      : "",
    prefill > 1
      ? `${prefill} schools start a new one pre-filled from their last one, which stays as it was`
      : "",
    existing === 1 ? "1 school is already in this cycle and keeps its evaluation as it is" : "",
    existing > 1
      ? `${existing} schools are already in this cycle and keep their evaluation as it is`
      : "",
  ].filter(Boolean);
  const n = hints.length;
  return `${n} ${n === 1 ? "school already has an evaluation" : "schools already have an evaluation"} on this framework. Nothing is lost: ${cases.join("; ")}.`;
}
