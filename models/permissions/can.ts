import { ROLE_LABELS, type Actor, type Grant, type Role } from "./roles.ts";

/**
 * The one permission check, used by every Remix loader/action (through the loaders in
 * loaders.ts and the commands in server/commands) and by the collab server's authentication.
 * Pure: a loader builds the resource; this only decides. No role is compared anywhere else.
 */
export type Resource =
  /** The trust itself: its people and settings (manage), everything of it (oversee). */
  | { type: "trust"; trustId: string }
  | { type: "school"; trustId: string; schoolId: string }
  | {
      type: "evaluation";
      trustId: string;
      schoolId: string;
      validatorIds?: string[];
      /** People invited to give their own perspective's judgements. */
      contributorIds?: string[];
      frameworkKind?: "qualityMark" | "schoolSelfEvaluation" | "trustSelfReview";
    }
  /** A framework of the trust: its live draft and its published versions. */
  | { type: "framework"; trustId: string }
  /** A cycle: one framework version distributed to some of the trust's schools. */
  | { type: "cycle"; trustId: string }
  /** The validation of a school's evaluation, and its record (agreed judgements, outcome). */
  | { type: "validation"; trustId: string; schoolId: string; validatorIds: string[] }
  /** A validation's meeting: its schedule and its live document (minutes, whiteboard). */
  | {
      type: "meeting";
      trustId: string;
      schoolId: string;
      validatorIds: string[];
      /** Whether the meeting has begun (the school sees provisional judgements from then). */
      started?: boolean;
    }
  /** The comment threads on an evaluation (`discussion.<evaluationId>`). */
  | {
      type: "discussion";
      trustId: string;
      schoolId: string;
      validatorIds: string[];
      /** For "resolve": who started the thread. */
      threadStartedBy?: string;
      /** For "amend": who wrote the comment. */
      commentBy?: string;
    }
  /**
   * A school's award (and its certificate). `validatorIds`: the validators assigned to the
   * validation whose outcome made it (they may read the certificate they gave).
   */
  | { type: "award"; trustId: string; schoolId: string; validatorIds?: string[] }
  /**
   * A joint workspace (`workspace.<id>`): its schools, each with its status and members.
   * `schoolId` names the school a leader acts for (respond, chooseMembers, removeSchool).
   */
  | {
      type: "workspace";
      trustId: string;
      schools: { schoolId: string; status: string; memberIds: string[] }[];
      archived: boolean;
      schoolId?: string;
    };

export type Action =
  | "read"
  | "write"
  /** trust: add schools and people, change roles, read the audit log */
  | "manage"
  /** trust: see every school, framework, cycle, validation and the register (read-only) */
  | "oversee"
  /** trust: hold the validator role there (the "my validations" list) */
  | "validate"
  /** school: begin a new self-evaluation */
  | "startEvaluation"
  /** school: see its place against the trust's distribution (the other schools anonymous) */
  | "compare"
  /** framework: freeze the draft as a new immutable version */
  | "publish"
  /** framework: send a published version to schools as a cycle */
  | "distribute"
  /** evaluation: move to a newer version of its framework */
  | "upgrade"
  /** evaluation: freeze a snapshot and submit it for validation */
  | "submit"
  /** evaluation: invite contributors, each with a perspective */
  | "invite"
  /** evaluation: record one's own perspective's judgements */
  | "contribute"
  /** validation: choose its validators */
  | "assign"
  /** validation: set an agreed judgement, or record the outcome (assigned validators) */
  | "agree"
  /** validation: keep one's own unrecorded agreement (level, rationale) as a draft (assigned validators) */
  | "draftAgreement"
  /** validation: confirm an agreed judgement (the school's leaders) */
  | "confirm"
  /** meeting: set its date, video link and agenda, and record provisional judgements (assigned validators) */
  | "schedule"
  /** meeting: see the validators' provisional judgements */
  | "readProvisional"
  /** award: start the next cycle from it */
  | "renew"
  /** discussion: resolve or reopen a thread */
  | "resolve"
  /** discussion: edit or delete a comment (its author's own) */
  | "amend"
  /** trust (its admins) or school (its leaders): start a joint workspace with other schools */
  | "startWorkspace"
  /** workspace: accept or decline the invitation of `schoolId` (its leaders) */
  | "respond"
  /** workspace: choose or remove the members of `schoolId` (its leaders) */
  | "chooseMembers"
  /** workspace: take `schoolId` out of it (the trust's admins, or the school's own leaders) */
  | "removeSchool"
  /** workspace: archive it (read-only for everyone from then) */
  | "archive";

function holds(actor: Actor, predicate: (g: Grant) => boolean): boolean {
  return actor.grants.some(predicate);
}

function inTrust(actor: Actor, trustId: string, roles: Role[]): boolean {
  return holds(actor, (g) => g.trustId === trustId && roles.includes(g.role));
}

function inSchool(actor: Actor, schoolId: string, roles: Role[]): boolean {
  return holds(actor, (g) => g.schoolId === schoolId && roles.includes(g.role));
}

const SCHOOL_TEAM: Role[] = ["schoolLeader", "schoolStaff"];
/** Who confirms an agreed judgement: the school's leaders (pages name them to the rest). */
export const CONFIRMING_ROLES: readonly Role[] = ["schoolLeader"];
const TRUST_OVERSIGHT: Role[] = ["trustAdmin", "trustLeader"];

function assignedValidator(
  actor: Actor,
  resource: { trustId: string; validatorIds?: string[] },
): boolean {
  return (
    (resource.validatorIds ?? []).includes(actor.userId) &&
    inTrust(actor, resource.trustId, ["validator"])
  );
}

/** What a read-only credential may still do: look, never change (ADR 019). */
const LOOKING: ReadonlySet<Action> = new Set<Action>([
  "read",
  "oversee",
  "validate",
  "readProvisional",
]);

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  if (actor.readOnly && !LOOKING.has(action)) return false;
  switch (resource.type) {
    case "trust":
      if (action === "read") return holds(actor, (g) => g.trustId === resource.trustId);
      if (action === "manage" || action === "startWorkspace")
        return inTrust(actor, resource.trustId, ["trustAdmin"]);
      if (action === "oversee") return inTrust(actor, resource.trustId, TRUST_OVERSIGHT);
      if (action === "validate") return inTrust(actor, resource.trustId, ["validator"]);
      return false;

    case "school":
      if (action === "read") {
        return (
          inTrust(actor, resource.trustId, TRUST_OVERSIGHT) ||
          inSchool(actor, resource.schoolId, SCHOOL_TEAM)
        );
      }
      if (action === "startEvaluation" || action === "startWorkspace")
        return inSchool(actor, resource.schoolId, ["schoolLeader"]);
      // The school's own team sees where it stands; the trust's oversight sees every school anyway.
      if (action === "compare") {
        return (
          inSchool(actor, resource.schoolId, SCHOOL_TEAM) ||
          inTrust(actor, resource.trustId, TRUST_OVERSIGHT)
        );
      }
      return false;

    case "award":
      if (action === "read") {
        return (
          inTrust(actor, resource.trustId, TRUST_OVERSIGHT) ||
          inSchool(actor, resource.schoolId, SCHOOL_TEAM) ||
          assignedValidator(actor, resource)
        );
      }
      if (action === "renew") {
        return (
          inSchool(actor, resource.schoolId, ["schoolLeader"]) ||
          inTrust(actor, resource.trustId, ["trustAdmin"])
        );
      }
      return false;

    case "framework":
    case "cycle":
      // Trust leaders see everything read-only; only trust admins design and distribute.
      if (action === "read") return inTrust(actor, resource.trustId, TRUST_OVERSIGHT);
      if (
        action === "write" ||
        action === "publish" ||
        action === "distribute" ||
        action === "manage"
      ) {
        return inTrust(actor, resource.trustId, ["trustAdmin"]);
      }
      return false;

    case "validation": {
      const validator = assignedValidator(actor, resource);
      if (action === "read") {
        return (
          validator ||
          inSchool(actor, resource.schoolId, SCHOOL_TEAM) ||
          inTrust(actor, resource.trustId, TRUST_OVERSIGHT)
        );
      }
      if (action === "assign") return inTrust(actor, resource.trustId, ["trustAdmin"]);
      if (action === "agree") return validator && !inSchool(actor, resource.schoolId, SCHOOL_TEAM);
      // A draft is the person's own agreement not yet made: whoever may agree may keep one.
      if (action === "draftAgreement") return can(actor, "agree", resource);
      if (action === "confirm") return inSchool(actor, resource.schoolId, [...CONFIRMING_ROLES]);
      // The record document is written by the server only, after one of the actions above.
      return false;
    }

    case "meeting": {
      const validator = assignedValidator(actor, resource);
      const team = inSchool(actor, resource.schoolId, SCHOOL_TEAM);
      const oversight = inTrust(actor, resource.trustId, TRUST_OVERSIGHT);
      // Trust leaders and admins may join any meeting, but only as observers (read, never write).
      if (action === "read") return validator || team || oversight;
      if (action === "write") return validator || team;
      if (action === "schedule") return validator && !team;
      // Provisional judgements must not steer the school's own judgement before the meeting.
      if (action === "readProvisional")
        return (validator && !team) || oversight || (team && resource.started === true);
      return false;
    }

    case "discussion": {
      // Validators comment here, so they never need write access to the school's evaluation.
      // Invited contributors give their perspective on the evaluation only. Nobody writes the
      // document itself: "write" is commenting, through the server's commands.
      const validator = assignedValidator(actor, resource);
      const admin = inTrust(actor, resource.trustId, ["trustAdmin"]);
      const writer = inSchool(actor, resource.schoolId, SCHOOL_TEAM) || validator || admin;
      if (action === "write") return writer;
      if (action === "read") return writer || inTrust(actor, resource.trustId, ["trustLeader"]);
      if (action === "resolve") {
        const starter =
          resource.threadStartedBy !== undefined && resource.threadStartedBy === actor.userId;
        return (
          writer &&
          (starter || validator || admin || inSchool(actor, resource.schoolId, ["schoolLeader"]))
        );
      }
      if (action === "amend")
        return writer && resource.commentBy !== undefined && resource.commentBy === actor.userId;
      return false;
    }

    case "workspace": {
      // A member is chosen by their school's leader and must still work there; they see and
      // edit the workspace and nothing else of the other schools (that is the other cases' job).
      const taking = (s: { status: string }) => s.status === "accepted";
      // A role at the school, held in this workspace's trust.
      const here = (schoolId: string, roles: Role[]) =>
        holds(
          actor,
          (g) =>
            g.schoolId === schoolId && g.trustId === resource.trustId && roles.includes(g.role),
        );
      const member = resource.schools.some(
        (s) => taking(s) && s.memberIds.includes(actor.userId) && here(s.schoolId, SCHOOL_TEAM),
      );
      // A leader of an invited or participating school may see it, to decide and to choose.
      const leads = (s: { schoolId: string }) => here(s.schoolId, ["schoolLeader"]);
      const leader = resource.schools.some(
        (s) => (s.status === "invited" || taking(s)) && leads(s),
      );
      const admin = inTrust(actor, resource.trustId, ["trustAdmin"]);
      const oversight = inTrust(actor, resource.trustId, TRUST_OVERSIGHT);
      const acting = resource.schools.find((s) => s.schoolId === resource.schoolId);
      if (action === "read") return member || leader || oversight;
      if (resource.archived) return false;
      if (action === "write") return member;
      if (action === "respond") return acting?.status === "invited" && leads(acting);
      if (action === "chooseMembers")
        return acting !== undefined && taking(acting) && leads(acting);
      if (action === "removeSchool")
        return (
          acting !== undefined &&
          (acting.status === "invited" || taking(acting)) &&
          (admin || leads(acting))
        );
      if (action === "archive") return admin || resource.schools.some((s) => taking(s) && leads(s));
      return false;
    }

    case "evaluation": {
      const team = inSchool(actor, resource.schoolId, SCHOOL_TEAM);
      if (action === "write") return team;
      if (action === "upgrade" || action === "submit")
        return inSchool(actor, resource.schoolId, ["schoolLeader"]);
      const contributor = (resource.contributorIds ?? []).includes(actor.userId);
      if (action === "contribute") return contributor;
      if (action === "invite") {
        return (
          inSchool(actor, resource.schoolId, ["schoolLeader"]) ||
          (resource.frameworkKind === "trustSelfReview" &&
            inTrust(actor, resource.trustId, ["trustAdmin"]))
        );
      }
      if (action === "read") {
        return (
          team ||
          contributor ||
          inTrust(actor, resource.trustId, TRUST_OVERSIGHT) ||
          assignedValidator(actor, resource)
        );
      }
      return false;
    }
  }
}

/** The trusts in which the person holds any role, in a stable order. */
export function trustIdsOf(actor: Actor): string[] {
  return [...new Set(actor.grants.map((g) => g.trustId))];
}

/** The first trust of the person's where they may `action` the trust itself, or null. */
export function trustWhere(actor: Actor, action: Action): string | null {
  return (
    trustIdsOf(actor).find((trustId) => can(actor, action, { type: "trust", trustId })) ?? null
  );
}

/**
 * The role a person acts in for a resource, shown beside their name in presence and lists: the
 * most specific one they hold there (their school's role before a trust-wide one).
 */
export function roleAt(actor: Actor, resource: Resource): Role | null {
  if (resource.type === "workspace") {
    // Their role at a school taking part (a member, or its leader), else their trust role.
    const taking = new Set(resource.schools.map((s) => s.schoolId));
    const atSchool = actor.grants.find((g) => g.schoolId && taking.has(g.schoolId));
    const inTheTrust = actor.grants.find((g) => g.trustId === resource.trustId && !g.schoolId);
    return (atSchool ?? inTheTrust)?.role ?? null;
  }
  const schoolId = "schoolId" in resource ? resource.schoolId : undefined;
  const atSchool = schoolId ? actor.grants.find((g) => g.schoolId === schoolId) : undefined;
  const inTheTrust = actor.grants.find((g) => g.trustId === resource.trustId && !g.schoolId);
  return (atSchool ?? inTheTrust)?.role ?? null;
}

/**
 * How a person is named beside their name in presence, for a resource they may read: their
 * role there (`roleAt`); someone invited to give their perspective on an evaluation, holding no
 * role at its school (the head of another school, say), as "Contributor", not by a role they
 * hold elsewhere; anyone else by their first role.
 */
export function roleLabelAt(actor: Actor, resource: Resource): string {
  const role = roleAt(actor, resource);
  if (role) return ROLE_LABELS[role];
  if (resource.type === "evaluation" && resource.contributorIds?.includes(actor.userId))
    return "Contributor";
  return actor.grants[0] ? ROLE_LABELS[actor.grants[0].role] : "";
}

/** What the main navigation offers a person: derived from `can`, never from role names. */
export function navigationOf(actor: Actor) {
  return {
    /** Frameworks, cycles and the register. */
    oversees: trustWhere(actor, "oversee") !== null,
    /** The validations list (assigned ones, or all for oversight). */
    validates: trustWhere(actor, "validate") !== null || trustWhere(actor, "oversee") !== null,
    /** Trust settings and the audit log. */
    manages: trustWhere(actor, "manage") !== null,
    /** Trust-wide insight (oversight), or the school's own place in the trust (its team). */
    insight:
      trustWhere(actor, "oversee") !== null ||
      actor.grants.some(
        (g) =>
          g.schoolId !== undefined &&
          can(actor, "compare", { type: "school", trustId: g.trustId, schoolId: g.schoolId }),
      ),
  };
}

/**
 * What the comment threads on an evaluation offer a person, for the page to show the right
 * buttons (the commands decide again on every request). Resolving one's own thread and
 * changing one's own comments need no flag: the thread or comment says whose it is.
 */
export function discussionAbilitiesOf(
  actor: Actor,
  resource: Extract<Resource, { type: "discussion" }>,
) {
  const discussion: Resource = {
    type: "discussion",
    trustId: resource.trustId,
    schoolId: resource.schoolId,
    validatorIds: resource.validatorIds,
  };
  return {
    /** Start threads and reply (and so resolve their own threads, change their own comments). */
    comment: can(actor, "write", discussion),
    /** Resolve or reopen anyone's thread. */
    resolveAny: can(actor, "resolve", discussion),
  };
}

export type DiscussionAbilities = ReturnType<typeof discussionAbilitiesOf>;

/** Whether a person may be assigned to validate an evaluation of `school`. */
export function eligibleToValidate(
  grants: Grant[],
  school: { id: string; trustId: string },
): { ok: true } | { ok: false; reason: string } {
  if (!grants.some((g) => g.role === "validator" && g.trustId === school.trustId)) {
    return { ok: false, reason: "is not a validator in this trust" };
  }
  if (grants.some((g) => g.schoolId === school.id)) {
    return { ok: false, reason: "works at this school, and nobody validates their own school" };
  }
  return { ok: true };
}

/** Who may do `action`, in words, for the message a refused person reads. */
export const WHO_MAY: Partial<Record<Action, string>> = {
  write: "Only the people working on this can change it.",
  manage: "Only the trust's admins can do this.",
  startEvaluation: "Only the school's leaders can start an evaluation.",
  compare: "Only the school's own team and the trust's leaders can see where it stands.",
  publish: "Only the trust's admins can publish a framework.",
  distribute: "Only the trust's admins can distribute a framework.",
  upgrade: "Only the school's leaders can move this evaluation to a newer version.",
  submit: "Only the school's leaders can submit this evaluation for validation.",
  invite: "Only the school's leaders can invite contributors.",
  contribute: "Only invited contributors can record a perspective's judgements.",
  assign: "Only the trust's admins assign validators.",
  agree: "Only the assigned validators agree judgements and record the outcome.",
  draftAgreement: "Only the assigned validators keep a draft of an agreed judgement.",
  confirm: "Only the school's leaders confirm agreed judgements.",
  schedule: "Only the assigned validators schedule the meeting and record provisional judgements.",
  renew: "Only the school's leaders and the trust's admins can start a renewal.",
  resolve:
    "Only the person who started the thread, the school's leaders, the assigned validators and the trust's admins can resolve or reopen it.",
  amend: "Only the person who wrote a comment can change or delete it.",
  startWorkspace:
    "Only the trust's admins and school leaders (for their own school) can start a joint workspace.",
  respond: "Only the invited school's leaders can accept or decline.",
  chooseMembers: "Only the school's leaders choose who joins, while the workspace is open.",
  removeSchool: "Only the trust's admins and the school's own leaders can take a school out.",
  archive: "Only the trust's admins and participating schools' leaders can archive a workspace.",
};
