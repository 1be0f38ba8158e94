import type { Evaluation } from "../../../models/evaluation/evaluation.ts";
import type { ProjectedAction } from "../../../models/evaluation/projection.ts";
import { trustIdsOf } from "../../../models/permissions/can.ts";
import type { Actor } from "../../../models/permissions/roles.ts";
import {
  actionsOwnedBy,
  listEvaluationsWithActionsOf,
} from "../../../models/evaluation/actions.ts";
import { getFrameworkVersion } from "../../../models/framework/framework.ts";
import { listReadableEvaluations } from "../../../models/permissions/loaders.ts";
import { getSchool } from "../../../models/school/school.ts";
import { getUsers } from "../../../models/user/user.ts";
import { listActionOwners } from "../../models.server.ts";
import { isOverdue } from "../../../collab/shapes/plan.ts";
import type { ActionPlanRow } from "./action-plan.ts";

export { listActionOwners };

type CriterionInfo = { code: string; statement: string; areaId: string };

/** Criterion codes and statements of a framework version, by criterion id. */
async function criteriaOfVersion(
  trustId: string,
  versionId: string,
): Promise<Map<string, CriterionInfo>> {
  const version = await getFrameworkVersion(trustId, versionId);
  return new Map(
    (version?.content.areas ?? []).flatMap((a) =>
      a.criteria.map(
        (c) => [c.id, { code: c.code, statement: c.statement, areaId: a.id }] as const,
      ),
    ),
  );
}

function toRow(
  evaluationId: string,
  action: ProjectedAction,
  criteria: Map<string, CriterionInfo>,
  names: Map<string, string>,
  today: string,
): ActionPlanRow {
  const criterion = criteria.get(action.criterionId);
  return {
    id: action.id,
    evaluationId,
    criterionId: action.criterionId,
    criterionCode: criterion?.code ?? "",
    criterionStatement: criterion?.statement ?? "",
    areaId: criterion?.areaId ?? null,
    what: action.what,
    ownerId: action.ownerId,
    ownerName: action.ownerId
      ? (names.get(action.ownerId) ?? "Someone no longer in the school")
      : null,
    due: action.due,
    status: action.status,
    overdue: isOverdue(action, today),
    forceCount: action.forceIds.length,
    addresses: action.addresses ?? null,
  };
}

/**
 * Every action of an evaluation, as last saved (its projection), with the people who can own
 * them: the school's team, plus anyone who owns one and has since left.
 */
export async function actionPlanOf(evaluation: Evaluation, today: string) {
  const actions = evaluation.projection.actions ?? [];
  const [criteria, members] = await Promise.all([
    criteriaOfVersion(evaluation.trustId, evaluation.frameworkVersionId),
    listActionOwners(evaluation.trustId, evaluation.schoolId),
  ]);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const missing = [
    ...new Set(
      actions.map((a) => a.ownerId).filter((id): id is string => id !== null && !names.has(id)),
    ),
  ];
  const former = missing.length ? await getUsers(missing) : [];
  for (const u of former) names.set(u.id, u.name);
  const owners = [...members, ...former.map((u) => ({ id: u.id, name: u.name }))];
  return { rows: actions.map((a) => toRow(evaluation.id, a, criteria, names, today)), owners };
}

export interface MyActionRow extends ActionPlanRow {
  evaluationTitle: string;
  schoolName: string;
}

/** Every action owned by the signed-in person, in the evaluations they may read, from projections. */
export async function actionsOwnedByActor(actor: Actor, today: string): Promise<MyActionRow[]> {
  const found = (
    await Promise.all(
      trustIdsOf(actor).map((trustId) => listEvaluationsWithActionsOf(trustId, actor.userId)),
    )
  ).flat();
  const readable = await listReadableEvaluations(
    actor,
    found.map((e) => e.id),
  );
  const names = new Map([[actor.userId, actor.name]]);
  const rows = await Promise.all(
    readable.map(async (evaluation) => {
      const [criteria, school] = await Promise.all([
        criteriaOfVersion(evaluation.trustId, evaluation.frameworkVersionId),
        getSchool(evaluation.trustId, evaluation.schoolId),
      ]);
      return actionsOwnedBy(evaluation, actor.userId).map((a) => ({
        ...toRow(evaluation.id, a, criteria, names, today),
        evaluationTitle: evaluation.title,
        schoolName: school?.name ?? "",
      }));
    }),
  );
  return rows.flat();
}
