import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { evidenceField, judgementsOf, narrativeField } from "../../../collab/shapes/evaluation.ts";
import type { DiscussionAbilities } from "../../../models/permissions/can.ts";
import type { AgreedJudgement } from "../../../models/validation/record-state.ts";
import { CriterionDiscussion } from "../evaluation/criterion-discussion.tsx";
import type { CriterionWorkspace } from "../evaluation/criterion-panel.tsx";
import { EvidenceItems } from "../evaluation/evidence-items.tsx";
import { ForceFieldDiagram } from "../evaluation/force-field-diagram.tsx";
import RichTextEditor from "../evaluation/rich-text-editor.client.tsx";
import { useForces } from "../plan/use-plan.ts";
import { JudgementsPanel, LevelChip } from "./judgements-panel.tsx";
import type { MeetingCriterion, MeetingMe, Provisional } from "./types.ts";

/** The school's judgement of a criterion as its evaluation has it now (live). */
function useSchoolJudgement(
  provider: HocuspocusProvider | null,
  criterionId: string,
  initial: string | null,
) {
  const [level, setLevel] = useState(initial);
  useEffect(() => {
    setLevel(initial);
    const doc = provider?.document;
    if (!doc) return;
    const map = judgementsOf(doc);
    const read = () => {
      if (provider.isSynced) setLevel(map.get(criterionId) ?? null);
    };
    read();
    map.observe(read);
    provider.on("synced", read);
    return () => {
      map.unobserve(read);
      provider.off("synced", read);
    };
  }, [provider, criterionId, initial]);
  return level;
}

/** Whether the school has written anything in one rich-text field yet (live). */
function useWritten(provider: HocuspocusProvider | null, field: string): boolean | null {
  const [written, setWritten] = useState<boolean | null>(null);
  useEffect(() => {
    const doc = provider?.document;
    if (!doc) return;
    const fragment = doc.getXmlFragment(field);
    const read = () => {
      if (provider.isSynced)
        setWritten(
          fragment
            .toString()
            .replace(/<[^>]*>/g, "")
            .trim() !== "",
        );
    };
    read();
    fragment.observeDeep(read);
    provider.on("synced", read);
    return () => {
      fragment.unobserveDeep(read);
      provider.off("synced", read);
    };
  }, [provider, field]);
  return written;
}

function LiveForceField({
  provider,
  code,
  criterionId,
}: {
  provider: HocuspocusProvider | null;
  code: string;
  criterionId: string;
}) {
  const forces = useForces(provider?.document ?? null, criterionId);
  if (!provider) return <p className="editor-loading">Loading the force-field…</p>;
  if (!forces.length)
    return <p className="muted">{`The school has not analysed the forces on ${code} yet.`}</p>;
  return <ForceFieldDiagram code={code} forces={forces} />;
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
  provider: HocuspocusProvider | null;
  hydrated: boolean;
  provisional: Provisional[];
  provisionalVisible: boolean;
  agreed: AgreedJudgement | undefined;
  names: Record<string, string>;
  can: { agree: boolean; confirm: boolean };
  me: MeetingMe;
  discussion: DiscussionAbilities;
  /** "Item 2 of 5", previous/next, "bring everyone here": drawn above the item. */
  navigation: React.ReactNode;
}) {
  const { item, provider, agreed } = props;
  const c = item.criterion;
  const schoolJudgement = useSchoolJudgement(provider, c.id, item.schoolJudgement);
  const headingId = `agenda-item-${c.id}`;
  const user = {
    name: props.me.name,
    color: props.me.colour,
    userId: props.me.userId,
    role: props.me.role,
    observing: props.me.observing,
  };
  // The levels in play: the school's, the validators', the agreed one (lowest first).
  const inPlay = new Set(
    [
      schoolJudgement,
      agreed?.level,
      ...(props.provisionalVisible ? props.provisional.map((p) => p.level) : []),
    ].filter((k): k is string => Boolean(k)),
  );
  const marks = (key: string) =>
    [
      key === schoolJudgement ? "the school's" : null,
      props.provisionalVisible && props.provisional.some((p) => p.level === key)
        ? "the validator's"
        : null,
      key === agreed?.level ? "agreed" : null,
    ].filter(Boolean);
  const workspace: CriterionWorkspace = {
    evaluationId: props.evaluationId,
    criterion: c,
    levels: item.levels,
    provider,
    readOnly: true,
    me: props.me,
    discussion: props.discussion,
  };
  const narrativeWritten = useWritten(provider, narrativeField(c.id));
  const evidenceWritten = useWritten(provider, evidenceField(c.id));
  const richText = (field: string, label: string, written: boolean | null, empty: string) =>
    written === false ? (
      <p className="muted">{empty}</p>
    ) : props.hydrated && provider ? (
      <RichTextEditor provider={provider} field={field} label={label} readOnly user={user} />
    ) : (
      <p className="editor-loading">Loading…</p>
    );
  return (
    <article className="agenda-focus" aria-labelledby={headingId}>
      {props.navigation}
      <h2 id={headingId} className="agenda-focus-heading">
        <span className="code">{c.code}</span> {c.statement}
      </h2>
      <p className="muted">{item.areaTitle}</p>

      <JudgementsPanel
        code={c.code}
        criterionId={c.id}
        levels={item.levels}
        schoolJudgement={schoolJudgement}
        provisional={props.provisional}
        provisionalVisible={props.provisionalVisible}
        agreed={agreed}
        names={props.names}
        can={props.can}
      />

      <section aria-labelledby={`${headingId}-descriptors`} className="item-section">
        <h3 id={`${headingId}-descriptors`}>What the levels in play look like</h3>
        {inPlay.size ? (
          <dl className="descriptors-in-play">
            {item.levels
              .filter((l) => inPlay.has(l.key))
              .map((l) => (
                <div key={l.key} className="descriptor-row">
                  <dt>
                    <LevelChip level={l} />{" "}
                    <span className="muted">{`(${marks(l.key).join(", ")})`}</span>
                  </dt>
                  <dd>{c.descriptors[l.key] ?? "—"}</dd>
                </div>
              ))}
          </dl>
        ) : (
          <p className="muted">No level has been chosen yet.</p>
        )}
        <details className="descriptors">
          <summary>Every level</summary>
          <dl>
            {item.levels.map((l) => (
              <div key={l.key} className="descriptor-row">
                <dt>
                  <LevelChip level={l} />
                </dt>
                <dd>{c.descriptors[l.key] ?? "—"}</dd>
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
        <LiveForceField provider={provider} code={c.code} criterionId={c.id} />
      </section>

      {props.hydrated ? <CriterionDiscussion {...workspace} /> : null}
    </article>
  );
}
