import { op } from "../mongoose.ts";
import { MembershipModel } from "../membership/membership.ts";
import { SCHOOL_ROLES } from "../permissions/roles.ts";
import { getUsers } from "../user/user.ts";
import { getEvaluation, type Evaluation } from "./evaluation.ts";
import type { ProjectedAction } from "./projection.ts";
import { evaluationIdsWithActionsOf } from "./projection-store.ts";

/** Someone who may own an action: a member of the school's team. */
export interface ActionOwner {
  id: string;
  name: string;
}

/** The school's leaders and staff, by name: the people an action of its evaluations can be given to. */
export async function listActionOwners(trustId: string, schoolId: string): Promise<ActionOwner[]> {
  const memberships = await MembershipModel.find(
    { trustId, schoolId, role: op({ $in: [...SCHOOL_ROLES] }) },
    { userId: 1 },
  ).lean();
  const users = await getUsers([...new Set(memberships.map((m) => m.userId.toString()))]);
  return users
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The trust's evaluations whose projection has at least one action owned by `ownerId`, newest
 * first. The caller decides which of them the person may read.
 */
export async function listEvaluationsWithActionsOf(
  trustId: string,
  ownerId: string,
): Promise<Evaluation[]> {
  const ids = await evaluationIdsWithActionsOf(trustId, ownerId);
  const evaluations = await Promise.all(ids.map((id) => getEvaluation(trustId, id)));
  return evaluations
    .filter((e): e is Evaluation => e !== null)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** The actions of an evaluation's projection owned by `ownerId`. */
export function actionsOwnedBy(evaluation: Evaluation, ownerId: string): ProjectedAction[] {
  return (evaluation.projection.actions ?? []).filter((a) => a.ownerId === ownerId);
}
