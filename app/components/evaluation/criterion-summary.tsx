import { useMemo } from "react";
import { listComments, listThreads } from "../../../collab/shapes/discussion.ts";
import { useDiscussion } from "../discussion/use-discussion.ts";
import { useAttachments } from "../evidence/use-evidence.ts";
import { useActions, useForces } from "../plan/use-plan.ts";
import type { CriterionWorkspace } from "./criterion-panel.tsx";
import { useJudgement } from "./judgement-picker.tsx";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How many comments the criterion's threads hold, live (null until the discussion arrives). */
function useCommentCount(evaluationId: string, userId: string, criterionId: string): number | null {
  const { doc, version, refused, synced } = useDiscussion(evaluationId, userId);
  return useMemo(() => {
    if (!doc || refused || !synced) return null;
    return listThreads(doc, criterionId).reduce((n, t) => n + listComments(doc, t.id).length, 0);
    // version: the discussion changed.
  }, [doc, version, refused, synced, criterionId]);
}

/**
 * A criterion at a glance, open or closed: its judgement and how much evidence, analysis,
 * planning and discussion it has, live.
 */
export function CriterionSummary(props: CriterionWorkspace) {
  const { criterion: c, doc, levels } = props;
  const level = useJudgement(doc, c.id);
  const evidence = useAttachments(doc, c.id).attached.length;
  const forces = useForces(doc, c.id).length;
  const actions = useActions(doc, c.id).length;
  const comments = useCommentCount(props.evaluationId, props.me.userId, c.id);
  const chosen = levels.find((l) => l.key === level) ?? null;
  if (!doc || props.synced === false) return <p className="criterion-summary muted">Opening…</p>;
  return (
    <ul className="criterion-summary" aria-label={`Summary of ${c.code}`}>
      <li className={`criterion-summary-judgement${chosen ? "" : " muted"}`}>
        {chosen ? (
          <span className="swatch" style={{ backgroundColor: chosen.colour }} aria-hidden="true" />
        ) : null}
        {chosen ? `Judged: ${chosen.label}` : "Not judged yet"}
      </li>
      <li>{plural(evidence, "evidence item", "evidence items")}</li>
      <li>{plural(forces, "force", "forces")}</li>
      <li>{plural(actions, "action", "actions")}</li>
      {comments === null ? null : <li>{plural(comments, "comment", "comments")}</li>}
    </ul>
  );
}
