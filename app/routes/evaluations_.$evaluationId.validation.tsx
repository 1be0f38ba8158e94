import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { syncRecord } from "../../collab/shapes/record.ts";
import { scaleOf } from "../../models/framework/applicable.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { canValidate } from "../../models/validation/eligibility.ts";
// Pure: the page evaluates the rule live over the record as it changes.
import { recommend } from "../../models/framework/accreditation.ts";
import {
  confirmedJudgements,
  recordState,
  type RecordEntry,
} from "../../models/validation/record-state.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField, TextField } from "../components/field.tsx";
import { useLiveRecord } from "../components/validation/use-live-record.ts";
import {
  DecisionError,
  agree,
  applicableAreas,
  assign,
  can,
  confirm,
  evaluationResource,
  findEvaluationById,
  findSchoolById,
  findValidationOfEvaluation,
  getFrameworkVersion,
  getUsers,
  listMembershipsOfTrust,
  listRecordEntries,
  loadActor,
  recordOutcome,
} from "../models.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";
import { requireCsrf } from "../utils/csrf.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";

export const meta: MetaFunction = () => [{ title: "Validation · Quality marks" }];

const RESULT_LABELS = {
  accredited: "Accredited",
  notYetAccredited: "Not yet accredited",
  deferred: "Deferred",
} as const;

async function load(request: Request, evaluationId: string | undefined) {
  const actor = await requireActor(request);
  const evaluation = await findEvaluationById(evaluationId ?? "");
  const resource = evaluation && (await evaluationResource(evaluation));
  if (!evaluation || !resource || !can(actor, "read", resource)) throw notFound();
  const [school, version, validation] = await Promise.all([
    findSchoolById(evaluation.schoolId),
    getFrameworkVersion(evaluation.trustId, evaluation.frameworkVersionId),
    findValidationOfEvaluation(evaluation.trustId, evaluation.id),
  ]);
  if (!school || !version) throw notFound();
  const areas = applicableAreas(version.content, school).filter((a) =>
    evaluation.areaIds.includes(a.id),
  );
  // The rule is judged over the criteria this school's evaluation includes.
  const content: FrameworkContent = { ...version.content, areas };
  const validationResource = {
    type: "validation" as const,
    trustId: evaluation.trustId,
    schoolId: evaluation.schoolId,
    validatorIds: validation?.validatorIds ?? [],
  };
  return { actor, evaluation, school, content, validation, validationResource };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, evaluation, school, content, validation, validationResource } = await load(
    request,
    params.evaluationId,
  );
  const entries = validation ? await listRecordEntries(validation.trustId, validation.id) : [];
  const canAssign = can(actor, "assign", validationResource);
  let candidates: { id: string; name: string; eligible: boolean; reason: string | null }[] = [];
  if (canAssign) {
    const memberships = await listMembershipsOfTrust(evaluation.trustId);
    const ids = [
      ...new Set(memberships.filter((m) => m.role === "validator").map((m) => m.userId)),
    ];
    const users = await getUsers(ids);
    candidates = await Promise.all(
      users.map(async (u) => {
        const check = canValidate((await loadActor(u.id))?.grants ?? [], school);
        return {
          id: u.id,
          name: u.name,
          eligible: check.ok,
          reason: check.ok ? null : check.reason,
        };
      }),
    );
  }
  // Everyone in the trust who could appear in the record, so live entries show names too.
  const people = await listMembershipsOfTrust(evaluation.trustId);
  const names = new Map(
    (
      await getUsers([...new Set([...entries.map((e) => e.by), ...people.map((m) => m.userId)])])
    ).map((u) => [u.id, u.name]),
  );
  return json({
    evaluation: { id: evaluation.id, title: evaluation.title, status: evaluation.status },
    school: school.name,
    validation: validation && {
      id: validation.id,
      documentName: documentName("record", validation.id),
      validatorIds: validation.validatorIds,
    },
    names: Object.fromEntries(names),
    me: actor.userId,
    canAssign,
    canAgree: validation ? can(actor, "agree", validationResource) : false,
    canConfirm: validation ? can(actor, "confirm", validationResource) : false,
    candidates,
    validityMonths: content.validityMonths,
    tiers: (content.awardTiers ?? []).map((t) => ({ id: t.id, name: t.name })),
    schoolJudgements: Object.fromEntries(
      evaluation.projection.judgements.map((j) => [j.criterionId, j.level]),
    ),
    areas: content.areas.map((a) => ({
      id: a.id,
      title: a.title,
      levels: scaleOf(content, a).levels,
      criteria: a.criteria.map((c) => ({
        id: c.id,
        code: c.code,
        statement: c.statement,
        descriptors: c.descriptors,
      })),
    })),
    content,
    entries,
  });
}

const Agree = z.object({
  criterionId: z.string().min(1),
  level: z.string().min(1, "Choose a level"),
  rationale: z.string().max(2000),
});
const Outcome = z.object({
  result: z.enum(["accredited", "notYetAccredited", "deferred"], { message: "Choose the outcome" }),
  tier: z
    .string()
    .optional()
    .transform((v) => v || null),
  startDate: z
    .string()
    .optional()
    .transform((v) => v || null),
  mustImprove: z.string().max(4000).default(""),
  conditions: z.string().max(4000).default(""),
  reviewDate: z
    .string()
    .optional()
    .transform((v) => v || null),
  reason: z.string().max(4000).default(""),
});

type Result = { intent: string; field: string | null; error: string | null; done: string | null };
const reply = (r: Partial<Result> & { intent: string }, status = 200) =>
  json<Result>({ field: null, error: null, done: null, ...r }, { status });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, evaluation, content, validation, validationResource } = await load(
    request,
    params.evaluationId,
  );
  const form = await request.formData();
  await requireCsrf(request, form);
  const intent = String(form.get("intent"));
  const sync = async (entries: RecordEntry[]) => {
    await context.collab.change(documentName("record", validation!.id), (doc) =>
      syncRecord(doc, entries),
    );
  };
  try {
    if (intent === "assign") {
      if (!can(actor, "assign", validationResource))
        return reply({ intent, error: "Only trust admins assign validators." }, 403);
      const ids = form.getAll("validatorIds").map(String);
      const people = await Promise.all(ids.map(async (id) => ({ id, actor: await loadActor(id) })));
      await assign(
        evaluation,
        people
          .filter((p) => p.actor)
          .map((p) => ({ userId: p.id, name: p.actor!.name, grants: p.actor!.grants })),
        actor.userId,
      );
      return reply({ intent, done: "Validators assigned." });
    }
    if (!validation) return reply({ intent, error: "No validator is assigned yet." }, 400);
    if (intent === "agree") {
      if (!can(actor, "agree", validationResource))
        return reply({ intent, error: "Only the assigned validators agree judgements." }, 403);
      const data = Agree.parse(Object.fromEntries(form));
      await sync(
        await agree(validation, {
          ...data,
          by: actor.userId,
          levels: evaluation.levelsByCriterion[data.criterionId] ?? [],
        }),
      );
      return reply({ intent, done: "Agreed judgement recorded." });
    }
    if (intent === "confirm") {
      if (!can(actor, "confirm", validationResource))
        return reply(
          { intent, error: "Only the school's leaders confirm agreed judgements." },
          403,
        );
      await sync(
        await confirm(validation, {
          criterionId: String(form.get("criterionId")),
          agreedSeq: Number(form.get("agreedSeq")),
          by: actor.userId,
        }),
      );
      return reply({ intent, done: "Confirmed." });
    }
    if (intent === "outcome") {
      if (!can(actor, "agree", validationResource))
        return reply({ intent, error: "Only the assigned validators record the outcome." }, 403);
      const parsed = Outcome.safeParse(Object.fromEntries(form));
      if (!parsed.success)
        return reply({ intent, field: "result", error: parsed.error.issues[0].message }, 400);
      const state = recordState(await listRecordEntries(validation.trustId, validation.id));
      const recommended = recommend(content, confirmedJudgements(state)).met;
      const { entries, award } = await recordOutcome(
        validation,
        { ...parsed.data, by: actor.userId },
        {
          validityMonths: content.validityMonths,
          recommended,
          tiers: (content.awardTiers ?? []).map((t) => t.name),
          frameworkId: evaluation.frameworkId,
          frameworkName: content.name,
        },
      );
      await sync(entries);
      return reply({
        intent,
        done: award ? `Outcome recorded. Certificate code ${award.code}.` : "Outcome recorded.",
      });
    }
  } catch (error) {
    if (error instanceof DecisionError)
      return reply({ intent, field: error.field, error: error.message }, 400);
    if (error instanceof z.ZodError)
      return reply({ intent, field: "level", error: error.issues[0].message }, 400);
    throw error;
  }
  return reply({ intent, error: "Unknown request." }, 400);
}

export default function ValidationPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const hydrated = useHydrated();
  const entries = useLiveRecord(
    hydrated && data.validation ? data.validation.documentName : null,
    data.me,
    data.entries as RecordEntry[],
  );
  const state = recordState(entries);
  const recommendation = recommend(data.content as FrameworkContent, confirmedJudgements(state));
  const name = (id: string) => data.names[id] ?? "someone";
  const errorFor = (intent: string, field?: string) =>
    result?.intent === intent && (!field || result.field === field) ? result.error : null;
  return (
    <div className="page wide">
      <p className="breadcrumbs">
        <Link to={`/evaluations/${data.evaluation.id}`}>{data.evaluation.title}</Link> /
      </p>
      <h1>{`Validation: ${data.school}`}</h1>
      {result?.done ? (
        <p role="status" className="notice">
          {result.done}
        </p>
      ) : null}

      {data.canAssign ? (
        <Form method="post" className="panel stack" aria-labelledby="assign-heading">
          <h2 id="assign-heading">Validators</h2>
          <CsrfInput />
          <input type="hidden" name="intent" value="assign" />
          <FormError message={errorFor("assign")} />
          {data.evaluation.status === "inProgress" ? (
            <p className="muted">Validators can be assigned once the school submits.</p>
          ) : null}
          <fieldset className="school-picker">
            <legend>Choose validators</legend>
            {data.candidates.map((c) => (
              <label key={c.id} className="checkbox">
                <input
                  type="checkbox"
                  name="validatorIds"
                  value={c.id}
                  defaultChecked={data.validation?.validatorIds.includes(c.id)}
                  disabled={!c.eligible}
                />{" "}
                {c.name}
                {c.reason ? <span className="muted"> ({c.reason})</span> : null}
              </label>
            ))}
          </fieldset>
          <button
            type="submit"
            className="button"
            disabled={busy || data.evaluation.status === "inProgress"}
          >
            Save validators
          </button>
        </Form>
      ) : null}

      {!data.validation ? (
        <p>No validator has been assigned yet.</p>
      ) : (
        <>
          <p>{`Validators: ${data.validation.validatorIds.map(name).join(", ")}`}</p>
          <p>
            <Link to={`/validations/${data.validation.id}/meeting`}>
              Open the validation meeting
            </Link>
          </p>
          <section aria-labelledby="agreed-heading">
            <h2 id="agreed-heading">Judgements</h2>
            <FormError message={errorFor("agree") ?? errorFor("confirm")} />
            {data.areas.map((area) => (
              <div key={area.id}>
                <h3>{area.title}</h3>
                <table className="table agreed-table">
                  <thead>
                    <tr>
                      <th scope="col">Criterion</th>
                      <th scope="col">School's judgement</th>
                      <th scope="col">Agreed judgement</th>
                    </tr>
                  </thead>
                  <tbody>
                    {area.criteria.map((c) => {
                      const label = (key: string | undefined) =>
                        area.levels.find((l) => l.key === key)?.label ?? "Not judged";
                      const agreed = state.agreed[c.id];
                      return (
                        <tr key={c.id}>
                          <th scope="row">
                            <span className="code">{c.code}</span> {c.statement}
                          </th>
                          <td>{label(data.schoolJudgements[c.id])}</td>
                          <td>
                            {agreed ? (
                              <div>
                                <strong>{label(agreed.level)}</strong> · {agreed.rationale}
                                <p className="muted">
                                  {agreed.confirmedBy
                                    ? `Confirmed by ${name(agreed.confirmedBy)}`
                                    : "Awaiting the school's confirmation"}
                                </p>
                                {agreed.history.length ? (
                                  <p className="muted">{`Earlier: ${agreed.history.map((h) => label(h.level)).join(" → ")}`}</p>
                                ) : null}
                                {data.canConfirm && !agreed.confirmedBy ? (
                                  <Form method="post">
                                    <CsrfInput />
                                    <input type="hidden" name="intent" value="confirm" />
                                    <input type="hidden" name="criterionId" value={c.id} />
                                    <input
                                      type="hidden"
                                      name="agreedSeq"
                                      value={agreed.agreedSeq}
                                    />
                                    <button
                                      type="submit"
                                      className="button"
                                      disabled={busy}
                                    >{`Confirm ${c.code}`}</button>
                                  </Form>
                                ) : null}
                              </div>
                            ) : (
                              <span className="muted">Not agreed yet</span>
                            )}
                            {data.canAgree ? (
                              <Form method="post" className="agree-form">
                                <CsrfInput />
                                <input type="hidden" name="intent" value="agree" />
                                <input type="hidden" name="criterionId" value={c.id} />
                                <SelectField
                                  label={`Agreed level for ${c.code}`}
                                  name="level"
                                  defaultValue={agreed?.level ?? ""}
                                >
                                  <option value="">Choose</option>
                                  {area.levels.map((l) => (
                                    <option key={l.key} value={l.key}>
                                      {l.label}
                                    </option>
                                  ))}
                                </SelectField>
                                <TextField
                                  label={`Rationale for ${c.code}`}
                                  name="rationale"
                                  defaultValue=""
                                />
                                <button type="submit" className="button" disabled={busy}>
                                  {agreed ? `Correct ${c.code}` : `Agree ${c.code}`}
                                </button>
                              </Form>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ))}
          </section>

          <section aria-labelledby="outcome-heading" className="panel stack">
            <h2 id="outcome-heading">Outcome</h2>
            <p>
              {`Recommendation from the framework's rule: ${recommendation.met === null ? "for the validator to decide" : recommendation.met ? `accredit${recommendation.tier ? ` (${recommendation.tier.name})` : ""}` : "not yet"}.`}
            </p>
            {recommendation.reasons.length ? (
              <ul>
                {recommendation.reasons.slice(0, 8).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
            {state.outcome ? (
              <div role="status" className="notice">
                <strong>{RESULT_LABELS[state.outcome.result]}</strong>
                {state.outcome.tier ? ` · ${state.outcome.tier}` : ""}
                {state.outcome.startDate
                  ? ` · from ${state.outcome.startDate} to ${state.outcome.expiryDate}`
                  : ""}
                {state.outcome.mustImprove ? ` · must improve: ${state.outcome.mustImprove}` : ""}
                {state.outcome.conditions
                  ? ` · conditions: ${state.outcome.conditions}, review ${state.outcome.reviewDate}`
                  : ""}
                {state.outcome.reason ? ` · reason: ${state.outcome.reason}` : ""}
                {` (recorded by ${name(state.outcome.by)})`}
              </div>
            ) : null}
            {data.canAgree ? (
              <Form method="post" className="stack" noValidate>
                <CsrfInput />
                <input type="hidden" name="intent" value="outcome" />
                <FormError message={errorFor("outcome")} />
                <SelectField label="Outcome" name="result" defaultValue="">
                  <option value="">Choose</option>
                  {Object.entries(RESULT_LABELS).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </SelectField>
                {data.tiers.length ? (
                  <SelectField
                    label="Tier"
                    name="tier"
                    defaultValue={recommendation.tier?.name ?? ""}
                  >
                    <option value="">None</option>
                    {data.tiers.map((t) => (
                      <option key={t.id} value={t.name}>
                        {t.name}
                      </option>
                    ))}
                  </SelectField>
                ) : null}
                <TextField
                  label={`Award starts (valid ${data.validityMonths} months)`}
                  name="startDate"
                  type="date"
                />
                <TextField label="What must improve (not yet accredited)" name="mustImprove" />
                <TextField label="Conditions (deferred)" name="conditions" />
                <TextField label="Review date (deferred)" name="reviewDate" type="date" />
                <TextField
                  label="Reason (required where it differs from the recommendation)"
                  name="reason"
                />
                <button type="submit" className="button" disabled={busy}>
                  Record the outcome
                </button>
              </Form>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
