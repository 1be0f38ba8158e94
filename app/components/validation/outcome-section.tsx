import { Form, Link } from "@remix-run/react";
import { formatDay, formatMoment } from "../../../models/dates.ts";
import { recommend } from "../../../models/framework/accreditation.ts";
import type { FrameworkContent } from "../../../models/framework/types.ts";
import { OUTCOME_LABELS } from "../../../models/validation/outcome.ts";
import { judgementsForRule } from "../../../models/validation/rule-judgements.ts";
import {
  type OutcomeResult,
  type RecordEntry,
  type RecordState,
} from "../../../models/validation/record-state.ts";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError, SelectField, TextField } from "../field.tsx";

/** What recording the outcome needs: the framework (for its rule) and its choices. */
export interface OutcomeFormData {
  content: FrameworkContent;
  outcomes: OutcomeResult[];
  tiers: { id: string; name: string }[];
  validityMonths: number;
  /** Criteria the rule counts at the school's submitted level (rule-judgements.ts). */
  asSubmitted?: Record<string, string>;
}

type OutcomeEntry = Extract<RecordEntry, { kind: "outcome" }>;

/** An outcome's details after its name: tier, dates, what must improve, conditions, reason. */
function outcomeDetails(outcome: OutcomeEntry): string {
  return [
    outcome.tier ? ` · ${outcome.tier}` : "",
    outcome.startDate
      ? ` · from ${formatDay(outcome.startDate)} to ${formatDay(outcome.expiryDate)}`
      : "",
    outcome.mustImprove ? ` · must improve: ${outcome.mustImprove}` : "",
    outcome.conditions
      ? ` · conditions: ${outcome.conditions}, review ${formatDay(outcome.reviewDate)}`
      : "",
    outcome.reason ? ` · reason: ${outcome.reason}` : "",
  ].join("");
}

/**
 * The recorded outcome, as everyone sees it (live from the record); a correction says so, with
 * the outcomes it replaced under it, latest first: what each was, who recorded it and when.
 */
export function OutcomeStatus(props: { state: RecordState; name: (id: string) => string }) {
  const { outcome, outcomeHistory } = props.state;
  if (!outcome) return null;
  const replaced = [...outcomeHistory].reverse();
  return (
    <>
      <div role="status" className="notice">
        <strong>{OUTCOME_LABELS[outcome.result]}</strong>
        {outcomeDetails(outcome)}
        {` (recorded by ${props.name(outcome.by)}, ${formatMoment(outcome.at)}${replaced.length ? "; a correction" : ""})`}
      </div>
      {replaced.length ? (
        <section className="outcome-replaced" aria-labelledby="outcome-replaced-heading">
          <h3 id="outcome-replaced-heading">
            {replaced.length === 1
              ? "The outcome it corrects"
              : `The ${replaced.length} outcomes it corrects, latest first`}
          </h3>
          <ul>
            {replaced.map((earlier) => (
              <li key={earlier.seq}>
                <s>{OUTCOME_LABELS[earlier.result]}</s>
                {`${outcomeDetails(earlier)} (recorded by ${props.name(earlier.by)}, ${formatMoment(earlier.at)})`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** What recording an outcome answers: "Outcome recorded.", with the certificate it gave. */
export function outcomeRecorded(award: { id: string; code: string } | null) {
  return {
    intent: "outcome",
    done: award ? `Outcome recorded. Certificate code ${award.code}.` : "Outcome recorded.",
    certificate: award && { id: award.id, code: award.code },
  };
}

/** That answer, shown: the certificate's code links to the certificate. */
export function OutcomeRecorded(props: {
  result: { done?: string | null; certificate?: { id: string; code: string } | null };
}) {
  const { done, certificate } = props.result;
  if (!done) return null;
  return (
    <p role="status" className="notice">
      {certificate ? (
        <>
          {"Outcome recorded. "}
          <Link to={`/awards/${certificate.id}/certificate`}>
            {`Certificate code ${certificate.code}`}
          </Link>
          .
        </>
      ) : (
        done
      )}
    </p>
  );
}

/**
 * The framework's recommendation over the record's confirmed agreed judgements and the criteria
 * taken as submitted (rule-judgements.ts, as the server decides it).
 */
function recommendFrom(
  content: FrameworkContent,
  state: RecordState,
  asSubmitted: Record<string, string> = {},
) {
  const { judgements, unjudged } = judgementsForRule(state, asSubmitted);
  return recommend(content, judgements, unjudged);
}

/** The version a moved evaluation's validation is decided against, and the evaluation's now. */
export interface DecidedVersion {
  version: number;
  versionNow: number;
}

/**
 * The framework's recommendation over the agreed judgements (live), by the rule of the version
 * the validation is of (ADR 070): said so when the evaluation has moved to another since (`moved`).
 */
export function Recommendation(props: {
  content: FrameworkContent;
  state: RecordState;
  asSubmitted?: Record<string, string>;
  moved?: DecidedVersion | null;
}) {
  const recommendation = recommendFrom(props.content, props.state, props.asSubmitted);
  return (
    <>
      {props.moved ? (
        <p className="hint">
          {`The outcome is decided against version ${props.moved.version} of the framework, which the school submitted; its evaluation has moved to version ${props.moved.versionNow} since.`}
        </p>
      ) : null}
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
    </>
  );
}

/**
 * The agenda's items the meeting has not settled: not agreed, or agreed and not confirmed by the
 * school; `count` is how many are listed (the two lists together).
 */
export function openOnAgenda<T extends { id: string }>(agenda: T[], state: RecordState) {
  const notAgreed = agenda.filter((c) => !Object.hasOwn(state.agreed, c.id));
  const unconfirmed = agenda.filter(
    (c) => Object.hasOwn(state.agreed, c.id) && !state.agreed[c.id].confirmedBy,
  );
  return { notAgreed, unconfirmed, count: notAgreed.length + unconfirmed.length };
}

/**
 * What the meeting has not settled yet, said beside the outcome so it is never recorded by
 * accident over open items: the agenda's criteria with no agreed judgement, and those agreed
 * but not confirmed by the school. It does not stop the validator: theirs is the decision.
 */
function OpenItems(props: { agenda: { id: string; code: string }[]; state: RecordState }) {
  const open = openOnAgenda(props.agenda, props.state);
  if (open.count === 0) return null;
  const codes = (items: { code: string }[]) => items.map((c) => c.code).join(", ");
  return (
    <div className="notice" role="note">
      <p>{`Still open on the agenda (${open.count} ${open.count === 1 ? "criterion" : "criteria"}):`}</p>
      <ul>
        {open.notAgreed.length ? <li>{`not agreed yet: ${codes(open.notAgreed)}`}</li> : null}
        {open.unconfirmed.length ? (
          <li>{`agreed, not yet confirmed by the school: ${codes(open.unconfirmed)}`}</li>
        ) : null}
      </ul>
      <p>You can still record the outcome.</p>
    </div>
  );
}

/** The validator's form to record the outcome (posted to the page it sits on, intent "outcome"). */
export function OutcomeForm(props: {
  form: OutcomeFormData;
  state: RecordState;
  result: { formError?: string | null; fieldErrors?: Record<string, string> } | null;
  busy: boolean;
  /** The meeting's agenda, when recorded from the meeting: what is still open is said. */
  agenda?: { id: string; code: string }[];
}) {
  const { form, state } = props;
  const recommendation = recommendFrom(form.content, state, form.asSubmitted);
  const fieldError = (field: string) => props.result?.fieldErrors?.[field] ?? null;
  return (
    <Form method="post" className="stack" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="outcome" />
      <input type="hidden" name="basedOn" value={state.outcome?.seq ?? 0} />
      <FormError message={props.result?.formError} />
      <SelectField label="Outcome" name="result" defaultValue="" error={fieldError("result")}>
        <option value="">Choose</option>
        {form.outcomes.map((k) => (
          <option key={k} value={k}>
            {OUTCOME_LABELS[k]}
          </option>
        ))}
      </SelectField>
      {form.tiers.length ? (
        <SelectField
          label="Tier"
          name="tier"
          defaultValue={recommendation.tier?.name ?? ""}
          error={fieldError("tier")}
        >
          <option value="">None</option>
          {form.tiers.map((t) => (
            <option key={t.id} value={t.name}>
              {t.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {form.outcomes.includes("accredited") ? (
        <>
          <TextField
            label={`Award starts (valid ${form.validityMonths} months)`}
            name="startDate"
            type="date"
            error={fieldError("startDate")}
          />
          <TextField
            label="What must improve (not yet accredited)"
            name="mustImprove"
            error={fieldError("mustImprove")}
          />
        </>
      ) : null}
      <TextField label="Conditions (deferred)" name="conditions" error={fieldError("conditions")} />
      <TextField
        label="Review date (deferred)"
        name="reviewDate"
        type="date"
        error={fieldError("reviewDate")}
      />
      {form.outcomes.includes("accredited") ? (
        <TextField
          label="Reason (required where it differs from the recommendation)"
          name="reason"
          error={fieldError("reason")}
        />
      ) : null}
      {props.agenda ? <OpenItems agenda={props.agenda} state={state} /> : null}
      <button type="submit" className="button" disabled={props.busy}>
        {state.outcome ? "Record the correction" : "Record the outcome"}
      </button>
    </Form>
  );
}
