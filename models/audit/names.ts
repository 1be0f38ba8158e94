import { getCycle } from "../cycle/cycle.ts";
import { getEvaluation } from "../evaluation/evaluation.ts";
import {
  getFramework,
  getFrameworkVersion,
  type FrameworkVersion,
} from "../framework/framework.ts";
import { getPairing } from "../insight/pairing.ts";
import { listSchools } from "../school/school.ts";
import { getUsers } from "../user/user.ts";
import { getValidation } from "../validation/validation.ts";
import { getWorkspace } from "../workspace/workspace.ts";
import type { ChainedEntry } from "./chain.ts";
import { parseSubject, type AuditNames } from "./sentences.ts";

/**
 * Looks up, within one trust, every name a list of audit entries mentions: the people who acted
 * or were acted on (and validators named in details), schools, evaluations (directly or through
 * their validation), and their criteria codes and level labels, frameworks, cycles, pairings and
 * joint workspaces. Plain data for sentences.ts.
 */
export async function auditNames(trustId: string, entries: ChainedEntry[]): Promise<AuditNames> {
  const personIds = new Set<string>();
  const evaluationIds = new Set<string>();
  const validationIds = new Set<string>();
  const workspaceIds = new Set<string>();
  const frameworkIds = new Set<string>();
  const cycleIds = new Set<string>();
  const pairingIds = new Set<string>();
  for (const entry of entries) {
    if (entry.actorId) personIds.add(entry.actorId);
    const { kind, id } = parseSubject(entry.subject);
    if (kind === "user") personIds.add(id);
    if (kind === "evaluation") evaluationIds.add(id);
    if (kind === "validation") validationIds.add(id);
    if (kind === "workspace") workspaceIds.add(id);
    if (kind === "framework") frameworkIds.add(id);
    if (kind === "cycle") cycleIds.add(id);
    if (kind === "pairing") pairingIds.add(id);
    for (const key of ["added", "removed"]) {
      const ids = entry.details[key];
      if (typeof ids === "string") for (const v of ids.split(",")) if (v) personIds.add(v);
    }
    const validators = entry.details.validators;
    if (typeof validators === "string")
      for (const v of validators.split(",")) if (v) personIds.add(v);
  }

  const names: AuditNames = {
    people: {},
    schools: {},
    evaluations: {},
    validations: {},
    criteria: {},
    levels: {},
    workspaces: {},
    frameworks: {},
    cycles: {},
    pairings: {},
  };
  for (const workspace of await Promise.all(
    [...workspaceIds].map((id) => getWorkspace(trustId, id)),
  )) {
    if (workspace) names.workspaces![workspace.id] = workspace.title;
  }
  for (const pairing of await Promise.all([...pairingIds].map((id) => getPairing(trustId, id)))) {
    if (!pairing) continue;
    const { centreSchoolId, supportedSchoolId, areaTitle } = pairing;
    names.pairings![pairing.id] = { centreSchoolId, supportedSchoolId, areaTitle };
  }
  for (const cycle of await Promise.all([...cycleIds].map((id) => getCycle(trustId, id)))) {
    if (!cycle) continue;
    names.cycles![cycle.id] = { name: cycle.name, frameworkId: cycle.frameworkId };
    frameworkIds.add(cycle.frameworkId);
  }
  for (const framework of await Promise.all(
    [...frameworkIds].map((id) => getFramework(trustId, id)),
  )) {
    if (framework) names.frameworks![framework.id] = framework.name;
  }
  for (const validation of await Promise.all(
    [...validationIds].map((id) => getValidation(trustId, id)),
  )) {
    if (!validation) continue;
    names.validations[validation.id] = { evaluationId: validation.evaluationId };
    evaluationIds.add(validation.evaluationId);
  }

  const versions = new Map<string, Promise<FrameworkVersion | null>>();
  for (const evaluation of await Promise.all(
    [...evaluationIds].map((id) => getEvaluation(trustId, id)),
  )) {
    if (!evaluation) continue;
    names.evaluations[evaluation.id] = { title: evaluation.title, schoolId: evaluation.schoolId };
    const versionId = evaluation.frameworkVersionId;
    if (!versions.has(versionId)) versions.set(versionId, getFrameworkVersion(trustId, versionId));
    const version = await versions.get(versionId)!;
    if (!version) continue;
    names.criteria[evaluation.id] = Object.fromEntries(
      version.content.areas.flatMap((area) => area.criteria.map((c) => [c.id, c.code])),
    );
    names.levels[evaluation.id] = Object.fromEntries(
      version.content.scales.flatMap((scale) => scale.levels.map((l) => [l.key, l.label])),
    );
  }

  for (const school of await listSchools(trustId)) names.schools[school.id] = school.name;
  for (const user of await getUsers([...personIds])) names.people[user.id] = user.name;
  return names;
}
