// What the workspace pages' loaders gather. Server-only.
import { colourFor } from "../../../collab/context.ts";
import { documentName } from "../../../collab/document-name.ts";
import { listMembershipsOfTrust } from "../../../models/membership/membership.ts";
import { can, roleAt, trustIdsOf } from "../../../models/permissions/can.ts";
import { loadWorkspace, workspaceResource } from "../../../models/permissions/loaders.ts";
import { ROLE_LABELS, type Actor } from "../../../models/permissions/roles.ts";
import { listSchools } from "../../../models/school/school.ts";
import { getUsers } from "../../../models/user/user.ts";
import { pairingsForWorkspace } from "../../../models/workspace/from-pairing.ts";
import {
  listWorkspacesOfSchools,
  listWorkspacesOfTrust,
  type Workspace,
} from "../../../models/workspace/workspace.ts";
import { publicEnv } from "../../utils/env.server.ts";

export const STATUS_LABELS: Record<string, string> = {
  invited: "Invited",
  accepted: "Taking part",
  declined: "Declined",
  removed: "Removed",
};

/** Every workspace the person may open, newest first. */
async function readableWorkspaces(actor: Actor): Promise<Workspace[]> {
  const found: Workspace[] = [];
  for (const trustId of trustIdsOf(actor)) {
    const list = can(actor, "oversee", { type: "trust", trustId })
      ? await listWorkspacesOfTrust(trustId)
      : await listWorkspacesOfSchools(
          trustId,
          actor.grants.flatMap((g) => (g.trustId === trustId && g.schoolId ? [g.schoolId] : [])),
        );
    found.push(...list.filter((w) => can(actor, "read", workspaceResource(w))));
  }
  return found;
}

/** The list page: the person's workspaces, invitations to answer, and what they may start. */
export async function workspacesPageData(actor: Actor) {
  const workspaces = await readableWorkspaces(actor);
  const trustIds = trustIdsOf(actor);
  const schools = (await Promise.all(trustIds.map((id) => listSchools(id)))).flat();
  const schoolName = Object.fromEntries(schools.map((s) => [s.id, s.name]));
  const asAdmin = trustIds.some((trustId) =>
    can(actor, "startWorkspace", { type: "trust", trustId }),
  );
  const leads = schools.filter((s) =>
    can(actor, "startWorkspace", { type: "school", trustId: s.trustId, schoolId: s.id }),
  );
  const pairings = await pairingsForWorkspace(actor);
  return {
    workspaces: workspaces.map((w) => ({
      id: w.id,
      title: w.title,
      purpose: w.purpose,
      areaTitle: w.areaTitle,
      archived: w.archivedAt !== null,
      schools: w.schools
        .filter((s) => s.status === "accepted" || s.status === "invited")
        .map((s) => ({ name: schoolName[s.schoolId] ?? "A school", status: s.status })),
      /** Invitations this person answers (they lead the invited school). */
      invitations: w.schools
        .filter(
          (s) => can(actor, "respond", workspaceResource(w, s.schoolId)) && w.archivedAt === null,
        )
        .map((s) => ({ schoolId: s.schoolId, name: schoolName[s.schoolId] ?? "Your school" })),
      member: can(actor, "write", workspaceResource(w)),
    })),
    start:
      asAdmin || leads.length
        ? {
            asAdmin,
            leads: leads.map((s) => ({ id: s.id, name: s.name })),
            schools: schools.map((s) => ({ id: s.id, name: s.name })),
          }
        : null,
    pairings: pairings.map((p) => ({
      id: p.id,
      areaTitle: p.areaTitle,
      centre: schoolName[p.centreSchoolId] ?? "A school",
      supported: schoolName[p.supportedSchoolId] ?? "A school",
      made: workspaces.some((w) => w.pairingId === p.id),
    })),
  };
}

/** One workspace, as this person may see it. */
export async function workspacePageData(actor: Actor, workspaceId: string) {
  const { workspace, resource } = await loadWorkspace(actor, workspaceId);
  const schools = await listSchools(workspace.trustId);
  const schoolName = Object.fromEntries(schools.map((s) => [s.id, s.name]));
  const people = await getUsers(workspace.schools.flatMap((s) => s.memberIds));
  const personName = Object.fromEntries(people.map((u) => [u.id, u.name]));
  const canWrite = can(actor, "write", resource);
  const role = roleAt(actor, resource);
  const memberships = await listMembershipsOfTrust(workspace.trustId);
  return {
    workspace: {
      id: workspace.id,
      title: workspace.title,
      purpose: workspace.purpose,
      areaTitle: workspace.areaTitle,
      archived: workspace.archivedAt !== null,
      archivedAt: workspace.archivedAt?.toISOString() ?? null,
    },
    schools: await Promise.all(
      workspace.schools.map(async (s) => {
        const acting = workspaceResource(workspace, s.schoolId);
        return {
          id: s.schoolId,
          name: schoolName[s.schoolId] ?? "A school",
          status: s.status,
          statusLabel: STATUS_LABELS[s.status] ?? s.status,
          members:
            s.status === "accepted"
              ? s.memberIds.map((id) => ({ id, name: personName[id] ?? "someone" }))
              : [],
          can: {
            respond: can(actor, "respond", acting),
            chooseMembers: can(actor, "chooseMembers", acting),
            removeSchool: can(actor, "removeSchool", acting),
          },
          /** For its leaders: the school's staff to choose members from. */
          staff: can(actor, "chooseMembers", acting) ? await staffOf(memberships, s.schoolId) : [],
        };
      }),
    ),
    document: documentName("workspace", workspace.id),
    can: { write: canWrite, archive: can(actor, "archive", resource) },
    me: {
      userId: actor.userId,
      name: actor.name,
      colour: colourFor(actor.userId),
      role: role ? ROLE_LABELS[role] : "",
      observing: !canWrite,
    },
    tldrawLicenseKey: publicEnv().TLDRAW_LICENSE_KEY ?? null,
  };
}

async function staffOf(
  memberships: Awaited<ReturnType<typeof listMembershipsOfTrust>>,
  schoolId: string,
) {
  const ids = [...new Set(memberships.filter((m) => m.schoolId === schoolId).map((m) => m.userId))];
  const users = await getUsers(ids);
  return users
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
