import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { formatClock } from "../../../models/dates.ts";
import type { ScaleLevel } from "../../../models/framework/types.ts";
import type { NamedLevel } from "../../../models/snapshot/level-names.ts";
import type { AgreedJudgement } from "../../../models/validation/record-state.ts";
import { CsrfInput } from "../csrf-input.tsx";
import { SchoolJudgementNote } from "./school-judgement-note.tsx";
import type { SubmissionSeen } from "./submitted-judgement.ts";
import { awaitingConfirmation, NOT_CONFIRMED_BEFORE_OUTCOME } from "./awaiting-confirmation.ts";
import type { Provisional } from "./types.ts";
import { SAID_ELSEWHERE, draftStateText, useAgreementDraft } from "./use-agreement-draft.ts";

type Answer = {
  intent?: string;
  done?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
};

/** A level as a chip: its label on its colour (the label carries the meaning, not the colour). */
export function LevelChip({
  level,
}: {
  level: Pick<ScaleLevel, "label" | "colour"> | null | undefined;
}) {
  if (!level) return <span className="muted">Not judged</span>;
  return (
    <span className="level-chip" style={{ backgroundColor: level.colour }}>
      {level.label}
    </span>
  );
}

/**
 * The validator's agreement (or correction) of one criterion: level, rationale, Agree. Until it
 * is recorded, what they pick and type is their draft, kept on the server (to carry on from
 * another device) and in this browser (use-agreement-draft.ts); never in the meeting's
 * document, which the school writes too.
 */
function AgreeForm(props: {
  code: string;
  criterionId: string;
  /** Whose draft the rationale is. */
  userId: string;
  levels: ScaleLevel[];
  agreed?: AgreedJudgement;
  /** Called as the form is sent: the panel then takes the keyboard to the decision. */
  onSend?: () => void;
}) {
  const fetcher = useFetcher<Answer>();
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const basedOn = props.agreed?.agreedSeq ?? 0;
  const draft = useAgreementDraft({
    criterionId: props.criterionId,
    userId: props.userId,
    basedOn,
    agreed: props.agreed,
  });
  const { clear, changed } = draft;
  // Once recorded, the rationale is in the record: clear the form (and its draft) for the next.
  // Not recorded (refused): the draft is still the person's, and the server keeps it.
  useEffect(() => {
    if (!answer) return;
    if (answer.done) clear();
    else changed();
  }, [answer, clear, changed]);
  const { code } = props;
  const fieldError = (field: string) => answer?.fieldErrors?.[field];
  const draftText = draftStateText(draft.state);
  return (
    <fetcher.Form
      method="post"
      className="agree-form"
      ref={draft.form}
      noValidate
      onChange={changed}
      onSubmit={() => {
        draft.beforeSubmit();
        props.onSend?.();
      }}
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="agree" />
      <input type="hidden" name="criterionId" value={props.criterionId} />
      <input type="hidden" name="basedOn" value={basedOn} />
      {answer?.formError ? (
        <p role="alert" className="form-error">
          {answer.formError}
        </p>
      ) : null}
      <fieldset
        className="level-options"
        aria-describedby={fieldError("level") ? `level-error-${code}` : undefined}
      >
        <legend>{`Agreed level for ${code}`}</legend>
        {props.levels.map((l) => (
          <label key={l.key} className="level-option">
            <input
              type="radio"
              name="level"
              value={l.key}
              defaultChecked={draft.initial?.level === l.key}
            />
            <LevelChip level={l} />
          </label>
        ))}
        {fieldError("level") ? (
          <p className="field-error" id={`level-error-${code}`}>
            {fieldError("level")}
          </p>
        ) : null}
      </fieldset>
      <div className={`field${fieldError("rationale") ? " field-invalid" : ""}`}>
        <label htmlFor={`rationale-${props.criterionId}`}>{`Rationale for ${code}`}</label>
        <textarea
          id={`rationale-${props.criterionId}`}
          name="rationale"
          rows={2}
          defaultValue={draft.initial?.rationale ?? ""}
          aria-invalid={fieldError("rationale") ? true : undefined}
          aria-describedby={fieldError("rationale") ? `rationale-error-${code}` : undefined}
        />
        {fieldError("rationale") ? (
          <p className="field-error" id={`rationale-error-${code}`}>
            {fieldError("rationale")}
          </p>
        ) : null}
      </div>
      <p className={`draft-state draft-${draft.state.kind}`} role="status">
        {draftText}
        {draft.elsewhere ? (
          <span className="draft-elsewhere"> {SAID_ELSEWHERE[draft.elsewhere]}</span>
        ) : null}
      </p>
      <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
        {props.agreed ? `Correct ${code}` : `Agree ${code}`}
      </button>
    </fetcher.Form>
  );
}

/** The school leader confirms the agreement they read (its sequence number). */
function ConfirmForm(props: { code: string; criterionId: string; agreedSeq: number }) {
  const fetcher = useFetcher<Answer>();
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post" className="confirm-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="confirm" />
      <input type="hidden" name="criterionId" value={props.criterionId} />
      <input type="hidden" name="agreedSeq" value={props.agreedSeq} />
      {answer?.formError ? (
        <p role="alert" className="form-error">
          {answer.formError}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
        {`Confirm ${props.code}`}
      </button>
    </fetcher.Form>
  );
}

/**
 * The three judgements of one criterion side by side — the school's (as submitted, with what
 * it is now where it has changed since; ADR 062), the validator's
 * provisional one, the agreed one — with agreeing (validator) and confirming (school leader)
 * right there. The agreed judgement is the live record: everyone sees a decision as it is made.
 */
export function JudgementsPanel(props: {
  code: string;
  criterionId: string;
  levels: ScaleLevel[];
  /** The school's judgement under review: as submitted (live when never submitted). */
  schoolJudgement: string | null;
  /** That level as shown: as submitted, named as the scale named it then (ADR 063). */
  schoolLevel: NamedLevel | null;
  /** The school's judgement now. */
  liveJudgement: string | null;
  submission: SubmissionSeen | null;
  provisional: Provisional[];
  provisionalVisible: boolean;
  agreed: AgreedJudgement | undefined;
  names: Record<string, string>;
  /** Who may confirm an agreed judgement (the school's leaders), named while it waits. */
  confirmers: string[];
  can: { agree: boolean; confirm: boolean };
  /** The outcome is recorded: an agreement not confirmed by then stays unconfirmed (ADR 068). */
  final?: boolean;
  /** Who is looking (their drafts are theirs). */
  userId: string;
}) {
  const { code, levels, agreed } = props;
  const level = (key: string | null | undefined) => levels.find((l) => l.key === key);
  // The Agree button goes once the decision is in the record: focus moves to the decision,
  // so keyboard and screen reader users carry on from there, not from the top of the page.
  const agreedCard = useRef<HTMLDivElement>(null);
  const sent = useRef(false);
  const agreedSeq = agreed?.agreedSeq;
  useEffect(() => {
    if (!sent.current || agreedSeq === undefined) return;
    sent.current = false;
    agreedCard.current?.focus();
  }, [agreedSeq]);
  const onSend = () => {
    sent.current = true;
  };
  const name = (id: string) => props.names[id] ?? "someone";
  return (
    <section className="judgements" aria-labelledby={`judgements-${code}`}>
      <h3 id={`judgements-${code}`} className="visually-hidden">
        Judgements
      </h3>
      <dl className="judgements-side-by-side">
        <div className="judgement-card">
          <dt>{props.submission ? "School's judgement as submitted" : "School's judgement"}</dt>
          <dd>
            <LevelChip level={props.schoolLevel} />
            <SchoolJudgementNote
              submission={props.submission}
              submitted={props.schoolJudgement}
              live={props.liveJudgement}
              labelOf={(key) => level(key)?.label ?? null}
            />
          </dd>
        </div>
        <div className="judgement-card">
          <dt>Validator&apos;s provisional judgement</dt>
          <dd>
            {!props.provisionalVisible ? (
              <span className="muted">Shown when the meeting starts</span>
            ) : props.provisional.length ? (
              <ul className="plain-list">
                {props.provisional.map((p) => (
                  <li key={p.validatorId}>
                    <LevelChip level={level(p.level)} />{" "}
                    <span className="muted">{name(p.validatorId)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">Not judged</span>
            )}
          </dd>
        </div>
        <div className="judgement-card judgement-agreed" ref={agreedCard} tabIndex={-1}>
          <dt>Agreed judgement</dt>
          <dd>
            {agreed ? (
              <>
                <LevelChip level={level(agreed.level)} />
                <p className="rationale">{agreed.rationale}</p>
                <p className="muted">
                  {agreed.confirmedBy
                    ? `Confirmed by ${name(agreed.confirmedBy)}, ${formatClock(agreed.confirmedAt)}`
                    : `Agreed by ${name(agreed.agreedBy)}, ${formatClock(agreed.agreedAt)}: ${props.final ? NOT_CONFIRMED_BEFORE_OUTCOME : awaitingConfirmation({ confirmers: props.confirmers, names: props.names, mayConfirm: props.can.confirm })}`}
                </p>
                {agreed.history.length ? (
                  <details className="agreed-history">
                    <summary>{`Corrected ${agreed.history.length === 1 ? "once" : `${agreed.history.length} times`}`}</summary>
                    <ol>
                      {agreed.history.map((h) => (
                        <li key={h.seq}>{`${level(h.level)?.label ?? h.level}: ${h.rationale}`}</li>
                      ))}
                    </ol>
                  </details>
                ) : null}
                {props.can.confirm && !props.final && !agreed.confirmedBy ? (
                  <ConfirmForm
                    code={code}
                    criterionId={props.criterionId}
                    agreedSeq={agreed.agreedSeq}
                  />
                ) : null}
              </>
            ) : (
              <span className="muted">Not agreed yet</span>
            )}
          </dd>
        </div>
      </dl>
      {props.can.agree ? (
        agreed ? (
          <details className="agree-correct">
            <summary>{`Correct the agreed judgement for ${code}`}</summary>
            <AgreeForm
              code={code}
              criterionId={props.criterionId}
              levels={levels}
              agreed={agreed}
              userId={props.userId}
              onSend={onSend}
            />
          </details>
        ) : (
          <AgreeForm
            code={code}
            criterionId={props.criterionId}
            levels={levels}
            userId={props.userId}
            onSend={onSend}
          />
        )
      ) : null}
    </section>
  );
}
