import type * as Y from "yjs";
import {
  actionsOf,
  forcesOf,
  readActions,
  readForces,
  type Force,
  type PlanAction,
} from "../../../collab/shapes/plan.ts";

/** How long after this person last changed a factor or action its removal is still news to them. */
export const RECENTLY_CHANGED_MS = 5000;

/** A factor or action someone else removed, as it was just before, with what puts it back. */
export type Removal =
  | { kind: "force"; force: Force; position: number; linkedActionIds: string[] }
  | { kind: "action"; action: PlanAction; position: number };

export const removedId = (removal: Removal) =>
  removal.kind === "force" ? removal.force.id : removal.action.id;

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));

/**
 * Calls `onRemoved` when someone else's change removes a factor or action this person is working
 * in (`workingIn(id)`, their focus) or changed in the last few seconds. Whatever a removal leaves
 * of the item cannot be read any more, so the factors and actions are kept as last read (the
 * document keeps them in order) and re-read after each change to them.
 */
export function watchRemovalsWhileEditing(
  doc: Y.Doc,
  workingIn: (itemId: string) => boolean,
  onRemoved: (removal: Removal) => void,
  now: () => number = Date.now,
): () => void {
  let forces = byId(readForces(doc));
  let actions = byId(readActions(doc));
  const changedByMe = new Map<string, number>();
  const editing = (id: string) =>
    workingIn(id) || now() - (changedByMe.get(id) ?? -Infinity) <= RECENTLY_CHANGED_MS;

  const noteMine = <T extends { id: string }>(before: Map<string, T>, after: Map<string, T>) => {
    for (const [id, item] of after)
      if (JSON.stringify(before.get(id)) !== JSON.stringify(item)) changedByMe.set(id, now());
  };

  const onTransaction = (transaction: Y.Transaction) => {
    // Every type changed in the transaction, and each one around it (so the maps themselves).
    const changed = transaction.changedParentTypes as Map<unknown, unknown>;
    const forcesChanged = changed.has(forcesOf(doc));
    const actionsChanged = changed.has(actionsOf(doc));
    if (!forcesChanged && !actionsChanged) return;
    const nextForces = forcesChanged ? byId(readForces(doc)) : forces;
    const nextActions = actionsChanged ? byId(readActions(doc)) : actions;
    if (transaction.local) {
      noteMine(forces, nextForces);
      noteMine(actions, nextActions);
    } else {
      for (const [id, force] of forces) {
        if (nextForces.has(id) || !editing(id)) continue;
        const side = [...forces.values()].filter(
          (f) => f.criterionId === force.criterionId && f.side === force.side,
        );
        onRemoved({
          kind: "force",
          force,
          position: side.findIndex((f) => f.id === id),
          linkedActionIds: [...actions.values()]
            .filter((a) => a.forceIds.includes(id))
            .map((a) => a.id),
        });
      }
      for (const [id, action] of actions) {
        if (nextActions.has(id) || !editing(id)) continue;
        const plan = [...actions.values()].filter((a) => a.criterionId === action.criterionId);
        onRemoved({ kind: "action", action, position: plan.findIndex((a) => a.id === id) });
      }
    }
    for (const id of changedByMe.keys())
      if (!nextForces.has(id) && !nextActions.has(id)) changedByMe.delete(id);
    forces = nextForces;
    actions = nextActions;
  };

  doc.on("afterTransaction", onTransaction);
  return () => doc.off("afterTransaction", onTransaction);
}
