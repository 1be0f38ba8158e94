import { Suspense, useEffect, useMemo, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { evidenceField, judgementsOf, narrativeField } from "../../../collab/shapes/evaluation.ts";
import type { DiscussionAbilities } from "../../../models/permissions/can.ts";
import type { AgreedJudgement } from "../../../models/validation/record-state.ts";
import { CriterionDiscussion } from "../evaluation/criterion-discussion.tsx";
import type { CriterionWorkspace } from "../evaluation/criterion-panel.tsx";
import { EvidenceItems } from "../evaluation/evidence-items.tsx";
import { ForceFieldDiagram } from "../evaluation/force-field-diagram.tsx";
import { LazyRichTextEditor } from "../evaluation/lazy-rich-text-editor.tsx";
import { useForces } from "../plan/use-plan.ts";
import { JudgementsPanel, LevelChip } from "./judgements-panel.tsx";
import { MinutesLink } from "./minutes-link.tsx";
import {
  changedSinceSubmission,
  reviewedJudgement,
  reviewedLevel,
  type SubmissionSeen,
} from "./submitted-judgement.ts";
import type { MeetingCriterion, MeetingMe, Provisional } from "./types.ts";

/** The school's judgement of a criterion as its evaluation has it now (live, once synced). */
function useSchoolJudgement(
  doc: Y.Doc | null,
  synced: boolean,
  criterionId: string,
  initial: string | null,
) {
  const [level, setLevel] = useState(initial);
  useEffect(() => {
    setLevel(initial);
    if (!doc || !synced) return;
    const map = judgementsOf(doc);
    const read = () => setLevel(map.get(criterionId) ?? null);
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [doc, synced, criterionId, initial]);
  return level;
}

/** Whether the school has written anything in one rich-text field yet (live, once synced). */
function useWritten(doc: Y.Doc | null, synced: boolean, field: string): boolean | null {
  const [written, setWritten] = useState<boolean | null>(null);
  useEffect(() => {
    if (!doc || !synced) return;
    const fragment = doc.getXmlFragment(field);
    const read = () =>
      setWritten(
        fragment
          .toString()
          .replace(/<[^>]*>/g, "")
          .trim() !== "",
      );
    read();
    fragment.observeDeep(read);
    return () => fragment.unobserveDeep(read);
  }, [doc, synced, field]);
  return written;
}

function LiveForceField({
  doc,
  code,
  criterionId,
}: {
  doc: Y.Doc | null;
  code: string;
  criterionId: string;
}) {
  const forces = useForces(doc, criterionId);
  if (!doc) return <p className="editor-loading">Loading the force-field…</p>;
  if (!forces.length)
    return <p className="muted">{`The school has not analysed the forces on ${code} yet.`}</p>;
  return <ForceFieldDiagram code={code} forces={forces} />;
}

/**
 * Each level of the criterion with its descriptor, as the meeting shows them: the version the
 * school submitted against, where the evaluation has moved to another since (ADR 062), then any
 * level that version did not have, as the current version describes it; else the current ones.
 */
function describedLevels(item: MeetingCriterion) {
  const now = item.levels.map((level) => ({
    level,
    descriptor: item.criterion.descriptors[level.key],
    asNow: true,
  }));
  const then = item.asSubmitted;
  if (!then) return now;
  return [
    ...then.levels.map((level) => ({
      level,
      descriptor: then.descriptors[level.key],
      asNow: false,
    })),
    ...now.filter((row) => !then.levels.some((l) => l.key === row.level.key)),
  ];
}

/**
 * The agenda item in focus, filling the screen: the judgements side by side (agree and confirm
 * in place), the descriptors of the levels in play, and what the school wrote: narrative,
 * evidence (summary, files and links), force-field; then the comment threads. Everything of
 * the school's is read-only here, and live.
 */
export function AgendaItemView(props: {
  item: MeetingCriterion;
  evaluationId: string;
  /** The submission the school's judgements are shown as (null: never submitted, live). */
  submission: SubmissionSeen | null;
  /** The school's evaluation, open read-only in the page's room (null while it opens). */
  doc: Y.Doc | null;
  awareness: Awareness | null;
  synced: boolean;
  hydrated: boolean;
  provisional: Provisional[];
  provisionalVisible: boolean;
  agreed: AgreedJudgement | undefined;
  names: Record<string, string>;
  confirmers: string[];
  can: { agree: boolean; confirm: boolean };
  /** The outcome is recorded: the agreements are final, and no longer confirmed. */
  final: boolean;
  me: MeetingMe;
  discussion: DiscussionAbilities;
  /** "Item 2 of 5", previous/next, "bring everyone here": drawn above the item. */
  navigation: React.ReactNode;
}) {
  const { item, doc, agreed } = props;
  const c = item.criterion;
  const liveJudgement = useSchoolJudgement(doc, props.synced, c.id, item.schoolJudgement);
  const { submission } = props;
  const schoolJudgement = reviewedJudgement(submission, item.submittedJudgement, liveJudgement);
  const schoolLevel = reviewedLevel(submission, item.submittedLevel, liveJudgement, item.levels);
  const changed = changedSinceSubmission(submission, item.submittedJudgement, liveJudgement);
  // One object per document: the editors are rebuilt only when the document changes.
  const provider = useMemo(
    () => (doc ? { document: doc, awareness: props.awareness } : null),
    [doc, props.awareness],
  );
  const headingId = `agenda-item-${c.id}`;
  const user = {
    name: props.me.name,
    color: props.me.colour,
    userId: props.me.userId,
    role: props.me.role,
    observing: props.me.observing,
  };
  // The levels in play: the school's (as submitted and now), the validators', the agreed one.
  const inPlay = new Set(
    [
      schoolJudgement,
      changed ? liveJudgement : null,
      agreed?.level,
      ...(props.provisionalVisible ? props.provisional.map((p) => p.level) : []),
    ].filter((k): k is string => Boolean(k)),
  );
  const marks = (key: string) =>
    [
      key === schoolJudgement ? (submission ? "the school's as submitted" : "the school's") : null,
      changed && key === liveJudgement ? "the school's now" : null,
      props.provisionalVisible && props.provisional.some((p) => p.level === key)
        ? "the validator's"
        : null,
      key === agreed?.level ? "agreed" : null,
    ].filter(Boolean);
  const described = describedLevels(item);
  const describedInPlay = described.filter((row) => inPlay.has(row.level.key));
  const { asSubmitted } = item;
  const workspace: CriterionWorkspace = {
    evaluationId: props.evaluationId,
    criterion: c,
    levels: item.levels,
    doc,
    awareness: props.awareness,
    readOnly: true,
    me: props.me,
    discussion: props.discussion,
  };
  const narrativeWritten = useWritten(doc, props.synced, narrativeField(c.id));
  const evidenceWritten = useWritten(doc, props.synced, evidenceField(c.id));
  const loading = <p className="editor-loading">Loading…</p>;
  const richText = (field: string, label: string, written: boolean | null, empty: string) =>
    written === false ? (
      <p className="muted">{empty}</p>
    ) : props.hydrated && provider ? (
      <Suspense fallback={loading}>
        <LazyRichTextEditor provider={provider} field={field} label={label} readOnly user={user} />
      </Suspense>
    ) : (
      loading
    );
  return (
    <article className="agenda-focus" aria-labelledby={headingId}>
      {props.navigation}
      {/* Focusable by script: "Back to the item" under the minutes brings the keyboard here. */}
      <h2 id={headingId} className="agenda-focus-heading" tabIndex={-1}>
        <span className="code">{c.code}</span> {c.statement}
      </h2>
      <MinutesLink />
      <p className="muted">{item.areaTitle}</p>

      <JudgementsPanel
        code={c.code}
        criterionId={c.id}
        levels={item.levels}
        schoolJudgement={schoolJudgement}
        schoolLevel={schoolLevel}
        liveJudgement={liveJudgement}
        submission={submission}
        provisional={props.provisional}
        provisionalVisible={props.provisionalVisible}
        agreed={agreed}
        names={props.names}
        confirmers={props.confirmers}
        can={props.can}
        final={props.final}
        userId={props.me.userId}
      />

      <section aria-labelledby={`${headingId}-descriptors`} className="item-section">
        <h3 id={`${headingId}-descriptors`}>What the levels in play look like</h3>
        {asSubmitted ? (
          <p className="muted">
            {`As version ${asSubmitted.version} of the framework describes them: the version the school submitted against (the evaluation has since moved to version ${asSubmitted.versionNow}).`}
            {described.some((row) => row.asNow)
              ? ` A level version ${asSubmitted.version} did not have is described as in version ${asSubmitted.versionNow}.`
              : null}
          </p>
        ) : null}
        {inPlay.size ? (
          <dl className="descriptors-in-play">
            {describedInPlay.map(({ level: l, descriptor }) => (
              <div key={l.key} className="descriptor-row">
                <dt>
                  <LevelChip level={l} />{" "}
                  <span className="muted">{`(${marks(l.key).join(", ")})`}</span>
                </dt>
                <dd>{descriptor ?? "—"}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="muted">No level has been chosen yet.</p>
        )}
        <details className="descriptors">
          <summary>Every level</summary>
          <dl>
            {described.map(({ level: l, descriptor }) => (
              <div key={l.key} className="descriptor-row">
                <dt>
                  <LevelChip level={l} />
                </dt>
                <dd>{descriptor ?? "—"}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>

      <section aria-labelledby={`${headingId}-narrative`} className="item-section">
        <h3 id={`${headingId}-narrative`}>The school&apos;s narrative</h3>
        {richText(
          narrativeField(c.id),
          `Narrative for ${c.code}`,
          narrativeWritten,
          `The school has not written a narrative for ${c.code} yet.`,
        )}
      </section>

      <section aria-labelledby={`${headingId}-evidence`} className="item-section">
        <h3 id={`${headingId}-evidence`}>Evidence</h3>
        <h4>Evidence summary</h4>
        {richText(
          evidenceField(c.id),
          `Evidence summary for ${c.code}`,
          evidenceWritten,
          `The school has not summarised its evidence for ${c.code} yet.`,
        )}
        {props.hydrated ? <EvidenceItems {...workspace} /> : null}
      </section>

      <section aria-labelledby={`${headingId}-forces`} className="item-section">
        <h3 id={`${headingId}-forces`}>What helps and what hinders</h3>
        <LiveForceField doc={doc} code={c.code} criterionId={c.id} />
      </section>

      {props.hydrated ? <CriterionDiscussion {...workspace} /> : null}
    </article>
  );
}
