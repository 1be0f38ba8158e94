// What the workspace pages' loaders gather. Server-only.
import type { CollabAccess } from "../../../collab/access.ts";
import { colourFor } from "../../../collab/context.ts";
import { attachedItemIds } from "../../../collab/shapes/evidence.ts";
import { frameworkOfEvaluation } from "../../../models/evaluation/framework-of.ts";
import { listEvidenceOfEvaluation } from "../../../models/evidence/evidence.ts";
import {
  evaluationsForEvidence,
  shareTargets,
} from "../../../server/commands/workspace-content.ts";
import { documentName } from "../../../collab/document-name.ts";
import { listMembershipsOfTrust } from "../../../models/membership/membership.ts";
import { can, roleLabelAt, trustIdsOf } from "../../../models/permissions/can.ts";
import { whiteboardLicence } from "../meeting/whiteboard-licence.server.ts";
import {
  loadEvaluation,
  loadWorkspace,
  workspaceResource,
} from "../../../models/permissions/loaders.ts";
import type { Actor } from "../../../models/permissions/roles.ts";
import { listSchools } from "../../../models/school/school.ts";
import { getUsers } from "../../../models/user/user.ts";
import { lastVisitBefore } from "../../../models/workspace/visits.ts";
import { formatDay, formatMoment } from "../../../models/dates.ts";
import { pairingsForWorkspace } from "../../../models/workspace/from-pairing.ts";
import { NotFoundError } from "../../../models/errors.ts";
import { attachmentDisposition, downloadFileName } from "../../../models/evidence/file-name.ts";
import { extensionOfContentType } from "../../../models/evidence/sniff.ts";
import {
  getLibraryItem,
  openLibraryFile,
  listJointActions,
  listJointActionsOwnedBy,
  listLibrary,
  listSharesOfEvaluation,
  listSharedCriteria,
} from "../../../models/workspace/content.ts";
import {
  listWorkspacesOfSchools,
  listWorkspacesOfTrust,
  type Workspace,
} from "../../../models/workspace/workspace.ts";
import { editorsSince } from "../../../models/document-log/editors.ts";
import { newRequestId } from "../../../models/input.ts";
import { inviteFileName, calendarInvite } from "../../../models/meeting/invite.ts";
import {
  DEFAULT_MEETING_MINUTES,
  meetingHasEnded,
  meetingHasStarted,
} from "../../../models/meeting/schedule.ts";
import {
  getWorkspaceMeeting,
  listWorkspaceMeetings,
  type WorkspaceMeeting,
} from "../../../models/workspace/meetings.ts";
import { minutesField } from "../../../collab/shapes/workspace.ts";
import { openSharedFile, getSharedCriterion } from "../../../models/workspace/content.ts";

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
  // Trust leaders and admins see (observe) every workspace of their trusts.
  const oversees = trustIds.some((trustId) => can(actor, "oversee", { type: "trust", trustId }));
  return {
    oversees,
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
export async function workspacePageData(actor: Actor, workspaceId: string, newVisit = false) {
  const { workspace, resource } = await loadWorkspace(actor, workspaceId);
  const schools = await listSchools(workspace.trustId);
  const schoolName = Object.fromEntries(schools.map((s) => [s.id, s.name]));
  const [library, actions, shared, meetings] = await Promise.all([
    listLibrary(workspace.id),
    listJointActions(workspace.id),
    listSharedCriteria(workspace.id),
    listWorkspaceMeetings(workspace.id),
  ]);
  const document = documentName("workspace", workspace.id);
  const people = await getUsers([
    ...new Set([
      ...workspace.schools.flatMap((s) => s.memberIds),
      ...library.map((i) => i.addedBy),
      ...actions.flatMap((a) => [a.ownerId, a.createdBy]),
      ...shared.map((c) => c.sharedBy),
      ...meetings.map((m) => m.scheduledBy),
    ]),
  ]);
  const personName = Object.fromEntries(people.map((u) => [u.id, u.name]));
  const nameOf = (id: string) => personName[id] ?? "someone";
  const lastVisit = await lastVisitBefore(workspace.id, actor.userId, newVisit);
  // Who edited the live document (notes, whiteboard, minutes) since then: stamped by the
  // collaboration server as it accepted their edits (collab/editor-stamps.ts).
  const editors = lastVisit
    ? (await editorsSince(document, lastVisit)).filter((e) => e.userId !== actor.userId)
    : [];
  const editorNames = await getUsers(editors.map((e) => e.userId));
  const schoolOfMember = (userId: string) =>
    workspace.schools.find((s) => s.memberIds.includes(userId))?.schoolId;
  const editedBy = editors.map((e) => {
    const name = editorNames.find((u) => u.id === e.userId)?.name ?? "someone";
    const school = schoolName[schoolOfMember(e.userId) ?? ""];
    return school ? `${name} (${school})` : name;
  });
  const since = (at: Date, by: string) =>
    lastVisit !== null && at > lastVisit && by !== actor.userId;
  const soon = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const whatsNew = lastVisit
    ? {
        lastVisit: lastVisit.toISOString(),
        items: [
          ...(editedBy.length
            ? [`Notes, whiteboard or minutes edited by ${listOfNames(editedBy)}`]
            : []),
          ...meetings
            .filter((m) => since(m.createdAt, m.scheduledBy))
            .map(
              (m) =>
                `${nameOf(m.scheduledBy)} scheduled the meeting “${m.title}” for ${formatMoment(m.scheduledAt)}`,
            ),
          ...library
            .filter((i) => since(i.addedAt, i.addedBy))
            .map((i) => `${nameOf(i.addedBy)} added “${i.title}” to the library`),
          ...shared
            .filter((c) => since(c.sharedAt, c.sharedBy))
            .map(
              (c) =>
                `${nameOf(c.sharedBy)} shared ${c.code} from ${schoolName[c.schoolId] ?? "their school"}`,
            ),
          ...actions
            .filter((a) => since(a.createdAt, a.createdBy))
            .map((a) => `${nameOf(a.createdBy)} added the joint action “${a.title}”`),
          ...actions
            .filter(
              (a) =>
                a.ownerId === actor.userId && a.status !== "done" && a.dueDate && a.dueDate <= soon,
            )
            .map((a) => `Your action “${a.title}” is due ${formatDay(a.dueDate!)}`),
        ],
      }
    : null;
  const mySchools = new Set(actor.grants.flatMap((g) => (g.schoolId ? [g.schoolId] : [])));
  const canWrite = can(actor, "write", resource);
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
    whatsNew,
    /** The person's own school's evaluations a library item can become evidence in. */
    evidenceTargets: canWrite ? await evaluationsForEvidence(actor, workspace) : [],
    library: library.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      url: i.url,
      file: i.file ? { name: i.file.fileName, size: i.file.size } : null,
      school: schoolName[i.schoolId] ?? "A school",
      addedBy: nameOf(i.addedBy),
      addedAt: i.addedAt.toISOString(),
    })),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      owner: nameOf(a.ownerId),
      ownerSchool: schoolName[a.ownerSchoolId] ?? "A school",
      dueDate: a.dueDate,
      status: a.status,
    })),
    shared: shared.map((c) => ({
      id: c.id,
      code: c.code,
      statement: c.statement,
      narrative: c.narrative,
      evidence: c.evidence.map((e, i) => ({
        title: e.title,
        kind: e.kind,
        url: e.url,
        download: e.file ? `/workspaces/${workspace.id}/shared/${c.id}/files/${i}` : null,
      })),
      school: schoolName[c.schoolId] ?? "A school",
      sharedBy: nameOf(c.sharedBy),
      sharedAt: c.sharedAt.toISOString(),
      /** The sharing school's own people may withdraw it (the command checks again). */
      withdrawable: mySchools.has(c.schoolId) && canWrite,
    })),
    /** Who can own a joint action: every member of a school taking part. */
    owners: workspace.schools
      .filter((s) => s.status === "accepted")
      .flatMap((s) =>
        s.memberIds.map((id) => ({
          id,
          label: `${nameOf(id)} (${schoolName[s.schoolId] ?? "A school"})`,
        })),
      ),
    meetings: meetings.map((m) => meetingRow(m, nameOf)),
    /** The schedule form's defaults and its request id (members only). */
    meetingForm: canWrite
      ? {
          requestId: newRequestId(),
          defaults: { scheduledAt: "", videoLink: "", durationMinutes: DEFAULT_MEETING_MINUTES },
        }
      : null,
    document,
    can: { write: canWrite, archive: can(actor, "archive", resource) },
    me: {
      userId: actor.userId,
      name: actor.name,
      colour: colourFor(actor.userId),
      role: roleLabelAt(actor, resource),
      observing: !canWrite,
    },
    whiteboard: whiteboardLicence(actor, workspace.trustId),
  };
}

function listOfNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function meetingRow(m: WorkspaceMeeting, nameOf: (id: string) => string, now = new Date()) {
  return {
    id: m.id,
    title: m.title,
    scheduledAt: m.scheduledAt.toISOString(),
    durationMinutes: m.durationMinutes,
    videoLink: m.videoLink,
    agenda: m.agenda,
    scheduledBy: nameOf(m.scheduledBy),
    started: meetingHasStarted(m, now),
    ended: meetingHasEnded(m, now),
  };
}

/** One meeting of a workspace: its schedule, agenda and where its live minutes are. */
export async function workspaceMeetingPageData(
  actor: Actor,
  workspaceId: string,
  meetingId: string,
) {
  const { workspace, resource } = await loadWorkspace(actor, workspaceId);
  const meeting = await getWorkspaceMeeting(workspace.id, meetingId);
  if (!meeting) throw new NotFoundError();
  const [scheduler] = await getUsers([meeting.scheduledBy]);
  const canWrite = can(actor, "write", resource);
  return {
    workspace: {
      id: workspace.id,
      title: workspace.title,
      archived: workspace.archivedAt !== null,
    },
    meeting: meetingRow(meeting, () => scheduler?.name ?? "someone"),
    document: documentName("workspace", workspace.id),
    minutesField: minutesField(meeting.id),
    can: { write: canWrite },
    me: {
      userId: actor.userId,
      name: actor.name,
      colour: colourFor(actor.userId),
      role: roleLabelAt(actor, resource),
      observing: !canWrite,
    },
  };
}

/** A workspace meeting's calendar invitation, for people who may read the workspace. */
export async function workspaceMeetingInviteFor(
  actor: Actor,
  workspaceId: string,
  meetingId: string,
  origin: string,
) {
  const { workspace } = await loadWorkspace(actor, workspaceId);
  const meeting = await getWorkspaceMeeting(workspace.id, meetingId);
  if (!meeting) throw new NotFoundError();
  return {
    filename: inviteFileName("workspace-meeting", meeting.title),
    body: calendarInvite({
      uid: `workspace-meeting-${meeting.id}`,
      productId: "quality-marks/workspace-meeting",
      title: `${meeting.title} (${workspace.title})`,
      schedule: meeting,
      pageUrl: `${origin}/workspaces/${workspace.id}/meetings/${meeting.id}`,
      host: new URL(origin).hostname,
      more: [
        `The workspace: ${origin}/workspaces/${workspace.id}`,
        ...(meeting.agenda.length
          ? ["Agenda:", ...meeting.agenda.map((item, i) => `${i + 1}. ${item}`)]
          : []),
      ],
    }),
  };
}

/**
 * A file of evidence shared with a criterion, as copied when it was shared: for people who may
 * read the workspace, while the share is not withdrawn (NotFound otherwise).
 */
export async function sharedEvidenceFileOf(
  actor: Actor,
  workspaceId: string,
  shareId: string,
  index: string,
) {
  const { workspace } = await loadWorkspace(actor, workspaceId);
  const shared = await getSharedCriterion(workspace.id, shareId);
  if (!shared || shared.withdrawnAt !== null || !/^\d{1,2}$/.test(index)) throw new NotFoundError();
  const file = shared.evidence[Number(index)]?.file;
  if (!file) throw new NotFoundError();
  return {
    contentType: file.contentType,
    size: file.size,
    disposition: attachmentDisposition(
      downloadFileName(file.fileName, extensionOfContentType(file.contentType)),
    ),
    open: () => openSharedFile(file.fileId),
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

/** A library item's file, for people who may read its workspace (NotFound for anyone else). */
export async function libraryFileOf(actor: Actor, workspaceId: string, itemId: string) {
  const { workspace } = await loadWorkspace(actor, workspaceId);
  const item = await getLibraryItem(workspace.id, itemId);
  if (!item?.file) throw new NotFoundError();
  const { fileId, fileName, contentType, size } = item.file;
  return {
    contentType,
    size,
    disposition: attachmentDisposition(
      downloadFileName(fileName, extensionOfContentType(contentType)),
    ),
    open: () => openLibraryFile(fileId),
  };
}

/** The joint actions this person owns, in workspaces they may still open ("My actions"). */
export async function jointActionsOf(actor: Actor) {
  const actions = await listJointActionsOwnedBy(actor.userId);
  const rows = [];
  const titles = new Map<string, string | null>();
  for (const a of actions) {
    if (!titles.has(a.workspaceId)) {
      const title = await loadWorkspace(actor, a.workspaceId).then(
        ({ workspace }) => workspace.title,
        (error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        },
      );
      titles.set(a.workspaceId, title);
    }
    const title = titles.get(a.workspaceId);
    if (!title) continue;
    rows.push({
      id: a.id,
      title: a.title,
      workspaceId: a.workspaceId,
      workspaceTitle: title,
      dueDate: a.dueDate,
      status: a.status,
    });
  }
  return rows;
}

/** The "Share to a workspace" page of one criterion of an evaluation (its school's team only). */
export async function sharePageData(
  actor: Actor,
  collab: CollabAccess,
  evaluationId: string,
  criterionId: string,
) {
  const { evaluation } = await loadEvaluation(actor, evaluationId, "write");
  const { content } = await frameworkOfEvaluation(evaluation);
  const criterion = content.areas
    .flatMap((a) => a.criteria)
    .find((c) => c.id === criterionId && Object.hasOwn(evaluation.levelsByCriterion, c.id));
  if (!criterion) throw new NotFoundError();
  const doc = await collab.read(documentName("evaluation", evaluation.id));
  const attached = new Set(attachedItemIds(doc, criterion.id));
  const evidence = (await listEvidenceOfEvaluation(evaluation.trustId, evaluation.id)).filter((i) =>
    attached.has(i.id),
  );
  const targets = await shareTargets(actor, evaluation);
  const shares = (await listSharesOfEvaluation(evaluation.id)).filter(
    (s) => s.criterionId === criterion.id,
  );
  const titles = new Map(targets.map((w) => [w.id, w.title]));
  return {
    evaluation: { id: evaluation.id, title: evaluation.title },
    criterion: { id: criterion.id, code: criterion.code, statement: criterion.statement },
    evidence: evidence.map((i) => ({ id: i.id, title: i.title, kind: i.kind })),
    workspaces: targets.map((w) => ({ id: w.id, title: w.title })),
    shares: shares.map((s) => ({
      id: s.id,
      workspaceId: s.workspaceId,
      workspaceTitle: titles.get(s.workspaceId) ?? "A workspace",
      sharedAt: s.sharedAt.toISOString(),
    })),
  };
}
