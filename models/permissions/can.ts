import type { Actor, Grant, Role } from "./roles.ts";

/**
 * The one permission check, used by every Remix loader/action and by the collab server's
 * authentication. Pure: the caller loads the resource; this only decides.
 */
export type Resource =
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
  | { type: "meeting"; trustId: string; schoolId: string; validatorIds: string[] }
  /** The comment threads on an evaluation (`discussion.<evaluationId>`). */
  | { type: "discussion"; trustId: string; schoolId: string; validatorIds: string[] };

export type Action =
  | "read"
  | "write"
  /** trust: add schools and people */
  | "manage"
  /** school: begin a new self-evaluation */
  | "startEvaluation"
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
  /** validation: confirm an agreed judgement (the school's leaders) */
  | "confirm"
  /** meeting: set its date, video link and agenda, and record provisional judgements (assigned validators) */
  | "schedule";

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
const TRUST_OVERSIGHT: Role[] = ["trustAdmin", "trustLeader"];

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  switch (resource.type) {
    case "trust":
      if (action === "read") return holds(actor, (g) => g.trustId === resource.trustId);
      if (action === "manage") return inTrust(actor, resource.trustId, ["trustAdmin"]);
      return false;

    case "school":
      if (action === "read") {
        return (
          inTrust(actor, resource.trustId, TRUST_OVERSIGHT) ||
          inSchool(actor, resource.schoolId, SCHOOL_TEAM)
        );
      }
      if (action === "startEvaluation") return inSchool(actor, resource.schoolId, ["schoolLeader"]);
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
      const validator =
        resource.validatorIds.includes(actor.userId) &&
        inTrust(actor, resource.trustId, ["validator"]);
      if (action === "read") {
        return (
          validator ||
          inSchool(actor, resource.schoolId, SCHOOL_TEAM) ||
          inTrust(actor, resource.trustId, TRUST_OVERSIGHT)
        );
      }
      if (action === "assign") return inTrust(actor, resource.trustId, ["trustAdmin"]);
      if (action === "agree") return validator && !inSchool(actor, resource.schoolId, SCHOOL_TEAM);
      if (action === "confirm") return inSchool(actor, resource.schoolId, ["schoolLeader"]);
      // The record document is written by the server only, after one of the actions above.
      return false;
    }

    case "meeting": {
      const validator =
        resource.validatorIds.includes(actor.userId) &&
        inTrust(actor, resource.trustId, ["validator"]);
      const team = inSchool(actor, resource.schoolId, SCHOOL_TEAM);
      // Trust leaders and admins may join any meeting, but only as observers (read, never write).
      if (action === "read")
        return validator || team || inTrust(actor, resource.trustId, TRUST_OVERSIGHT);
      if (action === "write") return validator || team;
      if (action === "schedule") return validator && !team;
      return false;
    }

    case "discussion": {
      // Validators comment here, so they never need write access to the school's evaluation.
      // Invited contributors give their perspective on the evaluation only.
      const writer =
        inSchool(actor, resource.schoolId, SCHOOL_TEAM) ||
        (inTrust(actor, resource.trustId, ["validator"]) &&
          resource.validatorIds.includes(actor.userId)) ||
        inTrust(actor, resource.trustId, ["trustAdmin"]);
      if (action === "write") return writer;
      if (action === "read") return writer || inTrust(actor, resource.trustId, ["trustLeader"]);
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
          (inTrust(actor, resource.trustId, ["validator"]) &&
            (resource.validatorIds ?? []).includes(actor.userId))
        );
      }
      return false;
    }
  }
}
