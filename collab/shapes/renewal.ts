import * as Y from "yjs";
import { evidenceField, judgementsOf, narrativeField } from "./evaluation.ts";
import { actionsOf, forcesOf } from "./plan.ts";

/**
 * Renewal: a new cycle's evaluation starts from the last one (shared/DOMAIN.md, "the next cycle
 * starts from the previous one"). Copies, for each criterion the new evaluation still has, the
 * judgement (the agreed one where validation agreed one), the narrative and evidence notes, and
 * the force-field and actions.
 */
export interface RenewalScope {
  /** The new evaluation's criteria, each with its scale's level keys: only these carry over. */
  levelsByCriterion: Record<string, string[]>;
  /** Criteria reworded since: their text carries over, their judgement waits for a fresh look. */
  freshJudgementOf?: string[];
  /**
   * The judgements agreed in validation, by criterion: where there is one, it is the starting
   * point rather than the school's own (the award rests on the agreed ones).
   */
  agreed?: Record<string, string>;
}

export interface RenewalCopied {
  judgements: number;
  fragments: number;
  forces: number;
  actions: number;
}

// Rich text is copied node by node: clone() makes unintegrated copies that keep marks and
// attributes, and the target doc gives them new ids, so the two documents never share items.
function copyFragment(from: Y.XmlFragment, to: Y.XmlFragment): boolean {
  if (from.length === 0 || to.length > 0) return false;
  // TipTap writes elements and text only; a hook (a foreign node type) has nothing to carry.
  to.insert(
    0,
    from.toArray().flatMap((node) => (node instanceof Y.XmlHook ? [] : [node.clone()])),
  );
  return true;
}

function cloneItem(item: Y.Map<unknown>, keptForceIds: Set<string>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  for (const [key, value] of item.entries()) {
    if (key === "forceIds" && value instanceof Y.Array) {
      // An action may only address forces that came along with it.
      copy.set(key, Y.Array.from(value.toArray().filter((id) => keptForceIds.has(String(id)))));
    } else copy.set(key, value instanceof Y.AbstractType ? value.clone() : value);
  }
  return copy;
}

/**
 * Copies the last evaluation's content (`from`, e.g. a read-only copy) into the new one (`to`),
 * in one transaction. Safe to repeat: nothing already in `to` is overwritten or duplicated.
 */
export function copyForRenewal(from: Y.Doc, to: Y.Doc, scope: RenewalScope): RenewalCopied {
  const copied: RenewalCopied = { judgements: 0, fragments: 0, forces: 0, actions: 0 };
  const fresh = new Set(scope.freshJudgementOf ?? []);
  const carried = (criterionId: unknown) =>
    typeof criterionId === "string" && Object.hasOwn(scope.levelsByCriterion, criterionId);
  to.transact(() => {
    const oldJudgements = judgementsOf(from);
    const newJudgements = judgementsOf(to);
    for (const [criterionId, levels] of Object.entries(scope.levelsByCriterion)) {
      const agreed = scope.agreed?.[criterionId];
      const level = agreed !== undefined ? agreed : oldJudgements.get(criterionId);
      if (
        typeof level === "string" &&
        levels.includes(level) &&
        !fresh.has(criterionId) &&
        !newJudgements.has(criterionId)
      ) {
        newJudgements.set(criterionId, level);
        copied.judgements += 1;
      }
      for (const field of [narrativeField(criterionId), evidenceField(criterionId)]) {
        if (copyFragment(from.getXmlFragment(field), to.getXmlFragment(field)))
          copied.fragments += 1;
      }
    }

    const newForces = forcesOf(to);
    const keptForceIds = new Set<string>();
    for (const [id, item] of forcesOf(from).entries()) {
      if (!carried(item.get("criterionId"))) continue;
      keptForceIds.add(id);
      if (newForces.has(id)) continue;
      newForces.set(id, cloneItem(item, keptForceIds));
      copied.forces += 1;
    }
    const newActions = actionsOf(to);
    for (const [id, item] of actionsOf(from).entries()) {
      if (!carried(item.get("criterionId")) || newActions.has(id)) continue;
      newActions.set(id, cloneItem(item, keptForceIds));
      copied.actions += 1;
    }
  });
  return copied;
}
