import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../../models/errors.ts";
import { objectId, requestId } from "../../models/input.ts";
import { listMembershipsOfTrust } from "../../models/membership/membership.ts";
import { WHO_MAY, can } from "../../models/permissions/can.ts";
import { loadSchool, loadTrustWhere, loadWorkspace } from "../../models/permissions/loaders.ts";
import { getSchool } from "../../models/school/school.ts";
import { pairingForWorkspace } from "../../models/workspace/from-pairing.ts";
import {
  addMember,
  archiveWorkspace as storeArchive,
  createWorkspaceOnce,
  getWorkspace,
  memberIdsOf,
  removeMembers,
  setParticipation,
  type Workspace,
} from "../../models/workspace/workspace.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

const title = () =>
  z
    .string()
    .trim()
    .min(3, "Give the workspace a title of at least 3 characters.")
    .max(200, "Keep the title under 200 characters.");

export const CreateWorkspaceInput = z.object({
  /** The school a school leader starts it for (its own); empty when a trust admin starts it. */
  leadSchoolId: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(objectId().optional()),
  title: title(),
  purpose: z.string().trim().max(2000, "Keep the purpose under 2,000 characters.").default(""),
  schoolIds: z
    .array(objectId("Choose schools from the list."))
    .max(50, "Choose at most 50 schools."),
  requestId: requestId(),
});

/** Which trust, and as whom: a trust admin for the trust, or a school leader for their school. */
async function starter(ctx: CommandContext, leadSchoolId: string) {
  if (leadSchoolId) {
    const { school } = await loadSchool(ctx.actor, leadSchoolId, "startWorkspace");
    return { trustId: school.trustId, leadSchoolId: school.id };
  }
  const { trustId } = await loadTrustWhere(ctx.actor, "startWorkspace");
  return { trustId, leadSchoolId: null };
}

async function audited(ctx: CommandContext, result: { workspace: Workspace; created: boolean }) {
  if (result.created) {
    await recordAudit({
      trustId: result.workspace.trustId,
      actorId: ctx.actor.userId,
      action: "workspaceCreated",
      subject: `workspace:${result.workspace.id}`,
      details: {
        title: result.workspace.title,
        schools: result.workspace.schools.length,
        pairingId: result.workspace.pairingId,
      },
    });
  }
  return result;
}

/**
 * A trust admin, or a school leader for their own school, starts a joint workspace with other
 * schools of the trust: the starter's own school takes part at once (with them as its first
 * member), the others are invited. The same form sent twice starts one workspace.
 */
export async function createWorkspace(
  ctx: CommandContext,
  raw: Raw<typeof CreateWorkspaceInput>,
): Promise<{ workspace: Workspace; created: boolean }> {
  const who = await starter(ctx, idIn(raw, "leadSchoolId"));
  const input = parse(CreateWorkspaceInput, raw);
  const others = [...new Set(input.schoolIds)].filter((id) => id !== who.leadSchoolId);
  const total = others.length + (who.leadSchoolId ? 1 : 0);
  if (total < 2) {
    throw new InvalidInputError(
      who.leadSchoolId
        ? "Invite at least one other school."
        : "Choose at least two schools to work together.",
      "schoolIds",
    );
  }
  for (const id of others) {
    if (!(await getSchool(who.trustId, id)))
      throw new InvalidInputError("Choose schools from the list.", "schoolIds");
  }
  return audited(
    ctx,
    await createWorkspaceOnce({
      trustId: who.trustId,
      title: input.title,
      purpose: input.purpose,
      slot: `request:${input.requestId}`,
      createdBy: ctx.actor.userId,
      schools: [
        ...(who.leadSchoolId ? [{ schoolId: who.leadSchoolId, status: "accepted" as const }] : []),
        ...others.map((schoolId) => ({ schoolId, status: "invited" as const })),
      ],
      members: who.leadSchoolId ? [{ schoolId: who.leadSchoolId, userId: ctx.actor.userId }] : [],
    }),
  );
}

export const CreateFromPairingInput = z.object({ pairingId: objectId() });

/**
 * From an accepted pairing: a workspace with both schools and the area filled in. A trust admin
 * invites both; a leader of one of the two schools takes part at once and invites the other.
 * One workspace per pairing, however many times (or at once) this is asked.
 */
export async function createWorkspaceFromPairing(
  ctx: CommandContext,
  raw: Raw<typeof CreateFromPairingInput>,
): Promise<{ workspace: Workspace; created: boolean }> {
  const found = await pairingForWorkspace(ctx.actor, idIn(raw, "pairingId"));
  if (!found) throw new NotFoundError();
  const { pairing, centre, supported } = found;
  const asAdmin = can(ctx.actor, "startWorkspace", { type: "trust", trustId: pairing.trustId });
  const led = [centre, supported].find((school) =>
    can(ctx.actor, "startWorkspace", {
      type: "school",
      trustId: school.trustId,
      schoolId: school.id,
    }),
  );
  if (!asAdmin && !led) throw new ForbiddenError(WHO_MAY.startWorkspace!);
  const leadSchoolId = asAdmin ? null : led!.id;
  return audited(
    ctx,
    await createWorkspaceOnce({
      trustId: pairing.trustId,
      title: `${pairing.areaTitle}: ${centre.name} and ${supported.name}`,
      purpose: pairing.explanation,
      frameworkId: pairing.frameworkId,
      areaId: pairing.areaId,
      areaTitle: pairing.areaTitle,
      pairingId: pairing.id,
      slot: `pairing:${pairing.id}`,
      createdBy: ctx.actor.userId,
      schools: [centre, supported].map((s) => ({
        schoolId: s.id,
        status: s.id === leadSchoolId ? ("accepted" as const) : ("invited" as const),
      })),
      members: leadSchoolId ? [{ schoolId: leadSchoolId, userId: ctx.actor.userId }] : [],
    }),
  );
}

export const RespondInput = z.object({
  workspaceId: objectId(),
  schoolId: objectId(),
  answer: z.enum(["accept", "decline"], { message: "Choose accept or decline." }),
});

/**
 * Whether the school `schoolId`, led by the actor, has declined this workspace: a leader whose
 * school declined no longer sees it, and asking again (a double-click, a retry) is answered
 * "done", not "not found".
 */
async function declinedBy(ctx: CommandContext, workspaceId: string, schoolId: string) {
  const leads = ctx.actor.grants.find((g) => g.schoolId === schoolId && g.role === "schoolLeader");
  if (!leads) return false;
  const workspace = await getWorkspace(leads.trustId, workspaceId);
  return workspace?.schools.find((s) => s.schoolId === schoolId)?.status === "declined";
}

/**
 * An invited school's leader accepts (becoming its first member) or declines. Once only: of
 * any number of simultaneous answers one is recorded; the same answer again changes nothing.
 * The workspace as the actor now sees it, or null once their school declined (they no longer
 * see it). Declining closes the workspace on the open pages of the school's staff.
 */
export async function respondToInvitation(
  ctx: CommandContext,
  raw: Raw<typeof RespondInput>,
): Promise<{ workspace: Workspace | null; changed: boolean }> {
  const schoolId = idIn(raw, "schoolId");
  const workspaceId = idIn(raw, "workspaceId");
  const loaded = await loadWorkspace(ctx.actor, workspaceId, "read", schoolId).catch(
    async (error: unknown) => {
      const again = raw.answer === "decline" && (await declinedBy(ctx, workspaceId, schoolId));
      if (error instanceof NotFoundError && again) return null;
      throw error;
    },
  );
  if (!loaded) return { workspace: null, changed: false };
  const { workspace, resource } = loaded;
  const input = parse(RespondInput, raw);
  const to = input.answer === "accept" ? "accepted" : "declined";
  const current = workspace.schools.find((s) => s.schoolId === schoolId);
  const leads = ctx.actor.grants.some((g) => g.schoolId === schoolId && g.role === "schoolLeader");
  // The same answer again (a double-click, or a request that lost the race): nothing to do.
  if (current?.status === to && leads)
    return { workspace: await asSeenBy(ctx, workspace.id), changed: false };
  if (!can(ctx.actor, "respond", resource)) throw new ForbiddenError(WHO_MAY.respond!);
  const set = await setParticipation(workspace.id, schoolId, ["invited"], to, ctx.actor.userId);
  if (!set.changed) {
    // Lost the race to the same answer (a double-click, a retry): done, by the other request.
    if (set.status === to) return { workspace: await asSeenBy(ctx, workspace.id), changed: false };
    throw new ForbiddenError(WHO_MAY.respond!);
  }
  if (to === "accepted")
    await addMember(
      workspace.trustId,
      workspace.id,
      { schoolId, userId: ctx.actor.userId },
      ctx.actor.userId,
    );
  // Accepting makes the actor a member (read-write); declining takes the workspace away from
  // every leader of the school, who could see it while the school was invited.
  await ctx.collab.recheckAccess(
    to === "accepted" ? [ctx.actor.userId] : [...(await staffOf(workspace.trustId, schoolId))],
  );
  await recordAudit({
    trustId: workspace.trustId,
    actorId: ctx.actor.userId,
    action: to === "accepted" ? "workspaceInvitationAccepted" : "workspaceInvitationDeclined",
    subject: `workspace:${workspace.id}`,
    details: { schoolId },
  });
  return { workspace: await asSeenBy(ctx, workspace.id), changed: true };
}

/** The workspace as the actor sees it now, or null if they no longer do (their school left). */
async function asSeenBy(ctx: CommandContext, workspaceId: string): Promise<Workspace | null> {
  try {
    return (await loadWorkspace(ctx.actor, workspaceId, "read")).workspace;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** The people who work at a school of the trust (any school role), by id. */
async function staffOf(trustId: string, schoolId: string): Promise<Set<string>> {
  const memberships = await listMembershipsOfTrust(trustId);
  return new Set(memberships.filter((m) => m.schoolId === schoolId).map((m) => m.userId));
}

export const ChooseMembersInput = z.object({
  workspaceId: objectId(),
  schoolId: objectId(),
  memberIds: z.array(objectId("Choose people from the list.")).max(200, "Choose at most 200."),
});

async function changeMembers(
  ctx: CommandContext,
  workspace: Workspace,
  schoolId: string,
  next: string[],
) {
  const before = workspace.schools.find((s) => s.schoolId === schoolId)?.memberIds ?? [];
  const added: string[] = [];
  for (const userId of next.filter((id) => !before.includes(id))) {
    if (await addMember(workspace.trustId, workspace.id, { schoolId, userId }, ctx.actor.userId))
      added.push(userId);
  }
  const removed = await removeMembers(
    workspace.id,
    before.filter((id) => !next.includes(id)),
  );
  if (added.length + removed.length === 0) return;
  // Whoever was taken off loses the workspace at once, open pages included.
  await ctx.collab.recheckAccess([...added, ...removed]);
  await recordAudit({
    trustId: workspace.trustId,
    actorId: ctx.actor.userId,
    action: "workspaceMembersChanged",
    subject: `workspace:${workspace.id}`,
    details: { schoolId, added: added.join(","), removed: removed.join(",") },
  });
}

/** A participating school's leader chooses which of the school's staff are members. */
export async function chooseMembers(
  ctx: CommandContext,
  raw: Raw<typeof ChooseMembersInput>,
): Promise<void> {
  const schoolId = idIn(raw, "schoolId");
  const { workspace } = await loadWorkspace(
    ctx.actor,
    idIn(raw, "workspaceId"),
    "chooseMembers",
    schoolId,
  );
  const input = parse(ChooseMembersInput, raw);
  const staff = await staffOf(workspace.trustId, schoolId);
  const next = [...new Set(input.memberIds)];
  if (next.some((id) => !staff.has(id)))
    throw new InvalidInputError("Choose people who work at your school.", "memberIds");
  await changeMembers(ctx, workspace, schoolId, next);
}

export const RemoveMemberInput = z.object({
  workspaceId: objectId(),
  schoolId: objectId(),
  userId: objectId(),
});

/** A school's leader takes one of its members off the workspace. */
export async function removeMember(
  ctx: CommandContext,
  raw: Raw<typeof RemoveMemberInput>,
): Promise<void> {
  const schoolId = idIn(raw, "schoolId");
  const { workspace } = await loadWorkspace(
    ctx.actor,
    idIn(raw, "workspaceId"),
    "chooseMembers",
    schoolId,
  );
  const input = parse(RemoveMemberInput, raw);
  const before = workspace.schools.find((s) => s.schoolId === schoolId)?.memberIds ?? [];
  await changeMembers(
    ctx,
    workspace,
    schoolId,
    before.filter((id) => id !== input.userId),
  );
}

export const RemoveSchoolInput = z.object({ workspaceId: objectId(), schoolId: objectId() });

/**
 * A trust admin, or the school's own leader, takes a school out: its members and its leaders
 * lose access at once, open pages included. Says whether the actor still sees the workspace (a
 * leader who took their own school out does not).
 */
export async function removeSchool(
  ctx: CommandContext,
  raw: Raw<typeof RemoveSchoolInput>,
): Promise<{ stillSees: boolean }> {
  const schoolId = idIn(raw, "schoolId");
  const { workspace } = await loadWorkspace(
    ctx.actor,
    idIn(raw, "workspaceId"),
    "removeSchool",
    schoolId,
  );
  parse(RemoveSchoolInput, raw);
  const { changed } = await setParticipation(
    workspace.id,
    schoolId,
    ["invited", "accepted"],
    "removed",
    ctx.actor.userId,
  );
  if (!changed) return { stillSees: (await asSeenBy(ctx, workspace.id)) !== null };
  const members = workspace.schools.find((s) => s.schoolId === schoolId)?.memberIds ?? [];
  const staff = await staffOf(workspace.trustId, schoolId);
  await ctx.collab.recheckAccess([...new Set([...members, ...staff, ctx.actor.userId])]);
  await recordAudit({
    trustId: workspace.trustId,
    actorId: ctx.actor.userId,
    action: "workspaceSchoolRemoved",
    subject: `workspace:${workspace.id}`,
    details: { schoolId },
  });
  return { stillSees: (await asSeenBy(ctx, workspace.id)) !== null };
}

export const ArchiveInput = z.object({ workspaceId: objectId() });

/** Archives the workspace: kept for the record, read-only for everyone from now (open pages too). */
export async function archiveWorkspace(
  ctx: CommandContext,
  raw: Raw<typeof ArchiveInput>,
): Promise<void> {
  const { workspace } = await loadWorkspace(ctx.actor, idIn(raw, "workspaceId"), "archive");
  parse(ArchiveInput, raw);
  if (!(await storeArchive(workspace.id, ctx.actor.userId))) return;
  await ctx.collab.recheckAccess(memberIdsOf(workspace));
  await recordAudit({
    trustId: workspace.trustId,
    actorId: ctx.actor.userId,
    action: "workspaceArchived",
    subject: `workspace:${workspace.id}`,
    details: { title: workspace.title },
  });
}
