import { Link } from "@remix-run/react";
import { useMemo } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import type { Criterion, ScaleLevel } from "../../../models/framework/types.ts";
import type { DiscussionAbilities } from "../../../models/permissions/can.ts";
import { evidenceField, narrativeField } from "../../../collab/shapes/evaluation.ts";
import { usePresenceFocus } from "../../collab/collab-room.tsx";
import type { FocusField } from "./focus.ts";
import { CriterionActions } from "./criterion-actions.tsx";
import { CriterionSummary } from "./criterion-summary.tsx";
import { criterionAnchor } from "./use-open-criteria.ts";
import { CriterionDiscussion } from "./criterion-discussion.tsx";
import { EvidenceItems } from "./evidence-items.tsx";
import { ForceField } from "./force-field.tsx";
import { IndicatorRatings } from "./indicator-ratings.tsx";
import { JudgementPicker } from "./judgement-picker.tsx";
import { RichTextField } from "./rich-text-field.tsx";
import { useHydrated } from "../../utils/use-hydrated.ts";

/** What every part of a criterion's workspace needs. */
export interface CriterionWorkspace {
  evaluationId: string;
  criterion: Criterion;
  levels: ScaleLevel[];
  /** The evaluation's document (null while it opens) and its presence. */
  doc: Y.Doc | null;
  awareness: Awareness | null;
  /** True until the server said this person may write, and always for those who may not. */
  readOnly: boolean;
  /** The server has not answered yet (for someone who may write): controls say so. */
  connecting?: boolean;
  /**
   * A writer's page before its live document is open (as served, and while scripts start): the
   * judgement and the text fields already take input, which reaches the live document once open.
   */
  early?: boolean;
  /**
   * The text fields as served (HTML by field; a field that cannot be served exactly is absent
   * and waits for its editor), while the document shown is the page's served copy; undefined
   * once the live document is open.
   */
  servedText?: Record<string, string>;
  /** The document has its content from the server (until then it may look empty). */
  synced?: boolean;
  me: { userId: string; name: string; colour: string; role: string; observing: boolean };
  /** What this person may do in the evaluation's comment threads. */
  discussion: DiscussionAbilities;
}

/**
 * One criterion: a summary row (code, statement, judgement and how much work there is) that
 * opens onto the criterion worked through in the ABACUS order.
 */
export function CriterionPanel(
  props: CriterionWorkspace & {
    open: boolean;
    /** Absent until the page's scripts run: the toggle is disabled, not a click that is lost. */
    onToggle?: () => void;
  },
) {
  const { criterion: c, open } = props;
  const headingId = criterionAnchor(c.id);
  const bodyId = `${headingId}-body`;
  return (
    <article className={`criterion${open ? " criterion-open" : ""}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="criterion-heading">
        <button
          type="button"
          className="criterion-toggle"
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={props.onToggle}
          disabled={!props.onToggle}
        >
          <span className="code">{c.code}</span> {c.statement}
        </button>
      </h3>
      <CriterionSummary {...props} />
      {open ? (
        <div id={bodyId} className="criterion-body">
          <CriterionBody {...props} />
        </div>
      ) : null}
    </article>
  );
}

/**
 * The criterion worked through in the ABACUS order: Judge (with the descriptors and indicators
 * at hand), Evidence, Analyse (force-field), Plan (actions).
 */
function CriterionBody(props: CriterionWorkspace) {
  const { criterion: c, levels, doc, awareness, readOnly } = props;
  const { focusProps } = usePresenceFocus();
  const at = (field: FocusField) => focusProps({ criterionId: c.id, field });
  // One object per document: the editors are rebuilt when it changes.
  // The editor is browser-only: until it exists the field shows its text as served.
  const hydrated = useHydrated();
  const editorSource = useMemo(
    () => (hydrated && doc && awareness ? { document: doc, awareness } : null),
    [hydrated, doc, awareness],
  );
  const headingId = criterionAnchor(c.id);
  // The same identity the server stamps on presence, so our own entry matches what others see.
  const user = {
    name: props.me.name,
    color: props.me.colour,
    userId: props.me.userId,
    role: props.me.role,
    observing: props.me.observing,
  };
  // The stages are plain sections under their h4 headings, not named regions: four landmarks per
  // criterion, each named "Judge", "Evidence"…, would bury the page's real ones.
  return (
    <>
      {c.guidance ? <p className="guidance">{c.guidance}</p> : null}

      <section className="stage">
        <h4 id={`${headingId}-judge`} className="stage-heading">
          <span className="stage-number" aria-hidden="true">
            1
          </span>{" "}
          Judge
        </h4>
        <div {...at("judgement")}>
          <JudgementPicker
            doc={doc}
            criterionId={c.id}
            code={c.code}
            levels={levels}
            descriptors={c.descriptors}
            readOnly={readOnly}
            connecting={props.connecting}
            early={props.early}
          />
        </div>
        <details className="descriptors" {...at("judgement")}>
          <summary>What each level looks like</summary>
          <dl>
            {levels.map((l) => (
              <div key={l.key} className="descriptor-row">
                <dt>
                  <span
                    className="swatch"
                    style={{ backgroundColor: l.colour }}
                    aria-hidden="true"
                  />{" "}
                  {l.label}
                </dt>
                <dd>{c.descriptors[l.key]}</dd>
              </div>
            ))}
          </dl>
        </details>
        {c.indicators?.length ? (
          <div {...at("indicators")}>
            <IndicatorRatings {...props} />
          </div>
        ) : null}
        <div className="field-block" {...at("narrative")}>
          <h5 id={`${headingId}-narrative`}>Narrative: where are we now, and why?</h5>
          <RichTextField
            doc={doc}
            live={editorSource}
            field={narrativeField(c.id)}
            servedHtml={props.servedText?.[narrativeField(c.id)] ?? null}
            label={`Narrative for ${c.code}`}
            readOnly={readOnly}
            early={props.early ?? false}
            user={user}
          />
        </div>
      </section>

      <section className="stage" {...at("evidence")}>
        <h4 id={`${headingId}-evidence`} className="stage-heading">
          <span className="stage-number" aria-hidden="true">
            2
          </span>{" "}
          Evidence
        </h4>
        <details className="expectations">
          <summary>Evidence that would show it</summary>
          <ul>
            {c.evidenceExpectations.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </details>
        <div className="field-block">
          <h5>Evidence summary</h5>
          <RichTextField
            doc={doc}
            live={editorSource}
            field={evidenceField(c.id)}
            servedHtml={props.servedText?.[evidenceField(c.id)] ?? null}
            label={`Evidence notes for ${c.code}`}
            readOnly={readOnly}
            early={props.early ?? false}
            user={user}
          />
        </div>
        <EvidenceItems {...props} />
      </section>

      <section className="stage" {...at("forces")}>
        <h4 id={`${headingId}-analyse`} className="stage-heading">
          <span className="stage-number" aria-hidden="true">
            3
          </span>{" "}
          Analyse: what helps and what hinders?
        </h4>
        <ForceField {...props} />
      </section>

      <section className="stage" {...at("actions")}>
        <h4 id={`${headingId}-plan`} className="stage-heading">
          <span className="stage-number" aria-hidden="true">
            4
          </span>{" "}
          Plan: what will we do?
        </h4>
        <CriterionActions {...props} />
      </section>

      <div {...at("comments")}>
        <CriterionDiscussion {...props} />
      </div>
      {readOnly ? null : (
        <p className="share-link">
          <Link
            to={`/evaluations/${props.evaluationId}/share?criterion=${encodeURIComponent(c.id)}`}
          >
            {`Share ${c.code} to a workspace`}
          </Link>
        </p>
      )}
    </>
  );
}
