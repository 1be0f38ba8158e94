import { listMembershipsAround, toGrant, type Membership } from "../membership/membership.ts";
import { can, roleLabelAt, type Resource } from "../permissions/can.ts";
import type { Actor, Grant } from "../permissions/roles.ts";
import { getUsers } from "../user/user.ts";

type EvaluationResource = Extract<Resource, { type: "evaluation" }>;

/** Someone who may submit an evaluation for validation, as the pages name them. */
export interface Submitter {
  userId: string;
  name: string;
  /** Their role there, as presence shows it ("School leader"). */
  role: string;
}

/** The people among `memberships` who may submit, each asked of `can` with their roles in its trust. */
function maySubmit(memberships: Membership[], resource: EvaluationResource): Actor[] {
  const grants = new Map<string, Grant[]>();
  for (const m of memberships.filter((m) => m.trustId === resource.trustId))
    grants.set(m.userId, [...(grants.get(m.userId) ?? []), toGrant(m)]);
  return [...grants]
    .map(([userId, held]): Actor => ({ userId, name: "", grants: held }))
    .filter((person) => can(person, "submit", resource));
}

/**
 * The people among `memberships` who may submit the evaluation (no role is compared here: `can`
 * decides), named by `nameOf` (someone without a name is left out), in alphabetical order.
 */
export function submittersAmong(
  memberships: Membership[],
  resource: EvaluationResource,
  nameOf: (userId: string) => string | undefined,
): Submitter[] {
  return maySubmit(memberships, resource)
    .flatMap((person) => {
      const name = nameOf(person.userId);
      return name ? [{ userId: person.userId, name, role: roleLabelAt(person, resource) }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/**
 * Who may submit the evaluation for validation, for those who may not (the school's staff), so
 * the page can say whom to tell it is ready. Two reads: the roles at its school and the trust's
 * own (listMembershipsAround), and the names of those who may.
 */
export async function whoMaySubmit(resource: EvaluationResource): Promise<Submitter[]> {
  const memberships = await listMembershipsAround(resource.trustId, resource.schoolId);
  const ids = maySubmit(memberships, resource).map((person) => person.userId);
  const names = new Map((await getUsers(ids)).map((u) => [u.id, u.name]));
  return submittersAmong(memberships, resource, (id) => names.get(id));
}
