import { listMembershipsOfTrust, loadActor } from "../membership/membership.ts";
import { eligibleToValidate } from "../permissions/can.ts";
import type { School } from "../school/school.ts";
import { getUsers } from "../user/user.ts";

export interface ValidatorCandidate {
  id: string;
  name: string;
  eligible: boolean;
  /** Why not, in words ("works at this school, ..."), or null. */
  reason: string | null;
}

/** The trust's validators, each marked eligible or not to validate `school`'s evaluation. */
export async function validatorCandidates(school: School): Promise<ValidatorCandidate[]> {
  const memberships = await listMembershipsOfTrust(school.trustId, "validator");
  const ids = [...new Set(memberships.map((m) => m.userId))];
  const users = await getUsers(ids);
  return Promise.all(
    users.map(async (u) => {
      const check = eligibleToValidate((await loadActor(u.id))?.grants ?? [], school);
      return { id: u.id, name: u.name, eligible: check.ok, reason: check.ok ? null : check.reason };
    }),
  );
}
