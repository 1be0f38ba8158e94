import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { documentName } from "../../collab/document-name.ts";
import { scaleOf } from "../../models/framework/applicable.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { recordState, type RecordEntry } from "../../models/validation/record-state.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField, TextField } from "../components/field.tsx";
import {
  OutcomeForm,
  OutcomeRecorded,
  OutcomeStatus,
  Recommendation,
  outcomeRecorded,
} from "../components/validation/outcome-section.tsx";
import { useLiveRecord } from "../components/validation/use-live-record.ts";
import {
  agreeJudgement,
  assignValidators,
  can,
  confirmJudgement,
  frameworkOfValidation,
  getUsers,
  versionsIfMoved,
  listMembershipsOfTrust,
  listRecordEntries,
  loadValidationOfEvaluation,
  outcomesFor,
  recordOutcome,
  validatorCandidates,
} from "../validation.server.ts";
import { submittersAmong } from "../evaluation.server.ts";
import { whoSubmits, type SubmitterName } from "../components/evaluation/submitter-words.ts";
import { requireActor } from "../utils/auth.server.ts";
import {
  failed,
  orNotFound,
  fieldsOf,
  readForm,
  run,
  type ActionResult,
} from "../utils/command.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";
import { TableScroll } from "../components/table-scroll.tsx";
import { submissionUnderReview, submittedLevelOf } from "../components/meeting/meeting.server.ts";
import { SchoolJudgementNote } from "../components/meeting/school-judgement-note.tsx";
import { reviewedLevel } from "../components/meeting/submitted-judgement.ts";
import { ReportForm } from "../components/report/report-form.tsx";
import { reportOffer } from "../report.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { asSubmittedFor } from "../components/validation/rule-inputs.server.ts";

export const meta: MetaFunction = () => [{ title: "Validation · Quality marks" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { evaluation, validation, resource, evaluationResource } = await orNotFound(
    loadValidationOfEvaluation(actor, params.evaluationId ?? ""),
  );
  const [entries, review] = await Promise.all([
    validation ? listRecordEntries(validation.trustId, validation.id) : [],
    submissionUnderReview(evaluation),
  ]);
  // The page agrees judgements on the evaluation's criteria now; the outcome is decided against
  // the version the validation is of (ADR 070), as recording it decides it (record-outcome.ts).
  const framework = await orNotFound(frameworkOfValidation(evaluation, review.snapshot));
  const { school } = framework;
  const { content } = framework.current;
  const ruleContent = framework.content;
  const canAssign = can(actor, "assign", resource);
  const canAgree = validation ? can(actor, "agree", resource) : false;
  // For the validator's recommendation: the criteria the rule takes as submitted (its inputs,
  // the provisional judgements, are the validators' until the meeting).
  const asSubmitted =
    validation && canAgree
      ? await asSubmittedFor(validation, Object.fromEntries(review.submittedJudgements))
      : {};
  const candidates = canAssign ? await validatorCandidates(school) : [];
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
    // Before the first submission the page says who submits it: the person reading, or whom to tell.
    canSubmit: can(actor, "submit", evaluationResource),
    canWrite: can(actor, "write", evaluationResource),
    submitters: submittersAmong(people, evaluationResource, (id) => names.get(id)).map(
      ({ name, role }) => ({ name, role }),
    ),
    canAssign,
    canAgree,
    asSubmitted,
    canConfirm: validation ? can(actor, "confirm", resource) : false,
    candidates,
    validityMonths: ruleContent.validityMonths,
    outcomes: outcomesFor(ruleContent),
    tiers: (ruleContent.awardTiers ?? []).map((t) => ({ id: t.id, name: t.name })),
    schoolJudgements: Object.fromEntries(
      evaluation.projection.judgements.map((j) => [j.criterionId, j.level]),
    ),
    // What the validator reviews (ADR 062): the judgements as last submitted.
    submission: review.submission && {
      id: review.submission.id,
      on: review.submission.on,
      at: review.submission.at,
      by: names.get(review.submission.createdBy) ?? "someone no longer listed",
    },
    submittedJudgements: Object.fromEntries(review.submittedJudgements),
    // Each named as the scale named its level when submitted (ADR 063).
    submittedLevels: Object.fromEntries(
      content.areas.flatMap((a) =>
        a.criteria.map((c) => [c.id, submittedLevelOf(review, c.id, scaleOf(content, a).levels)]),
      ),
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
    /** The version the validation is of: what the recommendation and the outcome form read. */
    content: ruleContent,
    /** The version decided against, where the evaluation has moved on since. */
    moved: versionsIfMoved(framework),
    entries,
    report: validation ? reportOffer("validation", validation.id) : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ctx = { actor, collab: context.collab };
  const evaluationId = params.evaluationId ?? "";
  if (intent === "assign") {
    const input = fieldsOf(form, { extra: { evaluationId }, lists: ["validatorIds"] });
    const done = await run(() => assignValidators(ctx, input), intent);
    return done instanceof Response ? done : json({ intent, done: "Validators assigned." });
  }
  // The other decisions are about the evaluation's validation, whose id the form does not choose.
  const { validation } = await orNotFound(loadValidationOfEvaluation(actor, evaluationId));
  if (!validation) return failed({ intent, formError: "No validator is assigned yet." }, 400);
  const extra = { validationId: validation.id };
  if (intent === "agree") {
    const input = fieldsOf(form, { extra });
    const done = await run(() => agreeJudgement(ctx, input), intent);
    return done instanceof Response ? done : json({ intent, done: "Agreed judgement recorded." });
  }
  if (intent === "confirm") {
    const input = fieldsOf(form, { extra });
    const done = await run(() => confirmJudgement(ctx, input), intent);
    return done instanceof Response ? done : json({ intent, done: "Confirmed." });
  }
  if (intent === "outcome") {
    const input = fieldsOf(form, { extra });
    const done = await run(() => recordOutcome(ctx, input), intent);
    return done instanceof Response ? done : json(outcomeRecorded(done.award));
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}

/** Where the evaluation stands before the record: submitted (when, by whom) or not yet, and what comes next. */
function SubmissionState(props: {
  evaluationId: string;
  submission: { id: string; at: string; by: string } | null;
  assigned: boolean;
  /** The person reading may submit it; else who may (named to whoever reads it). */
  canSubmit: boolean;
  submitters: SubmitterName[];
  /** The person reading is of the school's team (and so the one to tell them it is ready). */
  team: boolean;
}) {
  const { submission, submitters } = props;
  const evaluationPage = <Link to={`/evaluations/${props.evaluationId}`}>its page</Link>;
  if (!submission && props.canSubmit)
    return (
      <p className="notice">
        Not submitted yet. When the team is ready, submit the evaluation from {evaluationPage}: a
        snapshot is taken, and the trust assigns a validator to review it.
      </p>
    );
  if (!submission && !submitters.length)
    return (
      <p className="notice">
        Not submitted yet. Nobody at the school can submit it for validation yet: ask your trust's
        admin who should.
      </p>
    );
  if (!submission)
    return (
      <p className="notice">
        {`Not submitted yet. When the team is ready, ${whoSubmits(submitters)} ${submitters.length === 1 ? "submits" : "can submit"} the evaluation from `}
        {evaluationPage}: a snapshot is taken, and the trust assigns a validator to review it.
        {!props.team
          ? null
          : submitters.length === 1
            ? " Let them know when every criterion is judged."
            : " Let one of them know when every criterion is judged."}
      </p>
    );
  return (
    <p>
      {`Submitted by ${submission.by} on ${submission.at}. `}
      {props.assigned
        ? "The validators review the judgements as submitted; any changed since say so beside them. "
        : "The trust assigns a validator next; the team can keep working on the evaluation meanwhile. "}
      <Link to={`/evaluations/${props.evaluationId}/history?a=${submission.id}&b=now`}>
        Compare the submission with the evaluation now
      </Link>
    </p>
  );
}

export default function ValidationPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  const hydrated = useHydrated();
  const entries = useLiveRecord(
    hydrated && data.validation ? data.validation.documentName : null,
    data.me,
    data.entries as RecordEntry[],
  );
  const state = recordState(entries);
  const name = (id: string) => data.names[id] ?? "someone";
  // A form's own error, or the first error of one of its fields (shown at the form's top).
  const errorFor = (intent: string) =>
    result?.intent === intent
      ? (result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? null)
      : null;
  return (
    <div className="page wide">
      <Breadcrumbs
        trail={[{ label: data.evaluation.title, to: `/evaluations/${data.evaluation.id}` }]}
      />
      <h1>{`Validation: ${data.school}`}</h1>
      <SubmissionState
        evaluationId={data.evaluation.id}
        submission={data.submission}
        assigned={data.validation !== null}
        canSubmit={data.canSubmit}
        submitters={data.submitters}
        team={data.canWrite}
      />
      {result?.intent === "outcome" ? (
        <OutcomeRecorded result={result} />
      ) : result?.done ? (
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
            <p className="muted" id="assign-waits">
              Validators can be assigned once the school submits.
            </p>
          ) : null}
          {/* Nothing to tick until the school submits: the choices wait with the button. */}
          <fieldset
            className="school-picker"
            disabled={data.evaluation.status === "inProgress"}
            aria-describedby={data.evaluation.status === "inProgress" ? "assign-waits" : undefined}
          >
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
          {data.report ? <ReportForm offer={data.report} /> : null}
          <section aria-labelledby="agreed-heading">
            <h2 id="agreed-heading">Judgements</h2>
            <FormError message={errorFor("agree") ?? errorFor("confirm")} />
            {data.areas.map((area) => (
              <div key={area.id}>
                <h3>{area.title}</h3>
                <TableScroll label={`Judgements in ${area.title}`}>
                  <table className="table agreed-table">
                    <thead>
                      <tr>
                        <th scope="col">Criterion</th>
                        <th scope="col">
                          {data.submission
                            ? "School's judgement as submitted"
                            : "School's judgement (live)"}
                        </th>
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
                            <td>
                              {reviewedLevel(
                                data.submission,
                                data.submittedLevels[c.id] ?? null,
                                data.schoolJudgements[c.id] ?? null,
                                area.levels,
                              )?.label ?? "Not judged"}
                              <SchoolJudgementNote
                                submission={data.submission}
                                submitted={data.submittedJudgements[c.id] ?? null}
                                live={data.schoolJudgements[c.id] ?? null}
                                labelOf={(key) =>
                                  area.levels.find((l) => l.key === key)?.label ?? null
                                }
                              />
                            </td>
                            <td>
                              {agreed ? (
                                <div>
                                  <strong>{label(agreed.level)}</strong> · {agreed.rationale}
                                  <p className="muted">
                                    {agreed.confirmedBy
                                      ? `Confirmed by ${name(agreed.confirmedBy)}`
                                      : state.outcome
                                        ? "Not confirmed before the outcome was recorded"
                                        : "Awaiting the school's confirmation"}
                                  </p>
                                  {agreed.history.length ? (
                                    <p className="muted">{`Earlier: ${agreed.history.map((h) => label(h.level)).join(" → ")}`}</p>
                                  ) : null}
                                  {data.canConfirm && !agreed.confirmedBy && !state.outcome ? (
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
                              {data.canAgree && !state.outcome ? (
                                <Form method="post" className="agree-form">
                                  <CsrfInput />
                                  <input type="hidden" name="intent" value="agree" />
                                  <input type="hidden" name="criterionId" value={c.id} />
                                  <input
                                    type="hidden"
                                    name="basedOn"
                                    value={agreed?.agreedSeq ?? 0}
                                  />
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
                </TableScroll>
              </div>
            ))}
          </section>

          <section aria-labelledby="outcome-heading" className="panel stack">
            <h2 id="outcome-heading">Outcome</h2>
            <Recommendation
              content={data.content as FrameworkContent}
              state={state}
              asSubmitted={data.asSubmitted}
              moved={data.moved}
            />
            <OutcomeStatus state={state} name={name} />
            {data.canAgree && state.outcome ? (
              <p className="hint">
                The agreed judgements are final now that the outcome is recorded. To change the
                decision, correct the outcome below: the correction is recorded beside the outcome
                it replaces.
              </p>
            ) : null}
            {data.canAgree ? (
              <OutcomeForm
                form={{
                  asSubmitted: data.asSubmitted,
                  content: data.content as FrameworkContent,
                  outcomes: data.outcomes,
                  tiers: data.tiers,
                  validityMonths: data.validityMonths,
                }}
                state={state}
                result={result?.intent === "outcome" ? result : null}
                busy={busy}
              />
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
