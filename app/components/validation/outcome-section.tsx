import { Form, Link } from "@remix-run/react";
import { formatDay, formatMoment } from "../../../models/dates.ts";
import { recommend } from "../../../models/framework/accreditation.ts";
import type { FrameworkContent } from "../../../models/framework/types.ts";
import { OUTCOME_LABELS } from "../../../models/validation/outcome.ts";
import {
  confirmedJudgements,
  whyNotConfirmed,
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

/** The framework's recommendation over the record's confirmed agreed judgements. */
function recommendFrom(content: FrameworkContent, state: RecordState) {
  return recommend(content, confirmedJudgements(state), whyNotConfirmed(state));
}

/** The framework's recommendation over the confirmed agreed judgements (live). */
export function Recommendation(props: { content: FrameworkContent; state: RecordState }) {
  const recommendation = recommendFrom(props.content, props.state);
  return (
    <>
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
 * What the meeting has not settled yet, said beside the outcome so it is never recorded by
 * accident over open items: the agenda's criteria with no agreed judgement, and those agreed
 * but not confirmed by the school. It does not stop the validator: theirs is the decision.
 */
function OpenItems(props: { agenda: { id: string; code: string }[]; state: RecordState }) {
  const notAgreed = props.agenda.filter((c) => !props.state.agreed[c.id]);
  const unconfirmed = props.agenda.filter((c) => {
    const agreed = props.state.agreed[c.id];
    return agreed && !agreed.confirmedBy;
  });
  if (notAgreed.length === 0 && unconfirmed.length === 0) return null;
  const codes = (items: { code: string }[]) => items.map((c) => c.code).join(", ");
  return (
    <div className="notice" role="note">
      <p>{`Still open on the agenda (${props.agenda.length} ${props.agenda.length === 1 ? "criterion" : "criteria"}):`}</p>
      <ul>
        {notAgreed.length ? <li>{`not agreed yet: ${codes(notAgreed)}`}</li> : null}
        {unconfirmed.length ? (
          <li>{`agreed, not yet confirmed by the school: ${codes(unconfirmed)}`}</li>
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
  const recommendation = recommendFrom(form.content, state);
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
        Record the outcome
      </button>
    </Form>
  );
}
