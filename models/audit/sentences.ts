import { formatDay, formatMoment } from "../dates.ts";
import { ROLE_LABELS, type Role } from "../permissions/roles.ts";
import type { AuditFacts } from "./chain.ts";

/**
 * Each audit entry as a sentence a trust admin can read ("Helen Wright agreed 2.1 at Needs
 * attention"), and what it was about in names rather than ids. Pure: the names are looked up
 * beforehand (names.ts) and handed in. Every action recorded anywhere must have a sentence
 * here (a unit test finds the recorded names in the code).
 */

/** The names an entry may mention, keyed by id; anything missing reads as "someone" or similar. */
export interface AuditNames {
  people: Record<string, string>;
  schools: Record<string, string>;
  evaluations: Record<string, { title: string; schoolId: string }>;
  validations: Record<string, { evaluationId: string }>;
  /** Per evaluation: criterion id → its code (e.g. "2.1"). */
  criteria: Record<string, Record<string, string>>;
  /** Per evaluation: level key → its label (e.g. "Needs attention"). */
  levels: Record<string, Record<string, string>>;
  /** Joint workspaces: id → title. */
  workspaces?: Record<string, string>;
  /** Frameworks: id → name. */
  frameworks?: Record<string, string>;
  /** Cycles: id → name and framework. */
  cycles?: Record<string, { name: string; frameworkId: string }>;
  /** Accepted pairings: id → the two schools and the area. */
  pairings?: Record<
    string,
    { centreSchoolId: string; supportedSchoolId: string; areaTitle: string }
  >;
}

export const NO_NAMES: AuditNames = {
  people: {},
  schools: {},
  evaluations: {},
  validations: {},
  criteria: {},
  levels: {},
};

export type AuditEntryFacts = Pick<AuditFacts, "actorId" | "action" | "subject" | "details">;

/** What a subject refers to: its kind and id ("evaluation:<id>"). */
export function parseSubject(subject: string): { kind: string; id: string } {
  const at = subject.indexOf(":");
  return at < 0
    ? { kind: subject, id: "" }
    : { kind: subject.slice(0, at), id: subject.slice(at + 1) };
}

/** Reads an entry's facts with its names at hand. */
class Reading {
  constructor(
    readonly entry: AuditEntryFacts,
    readonly names: AuditNames,
  ) {}

  person(id: unknown, fallback = "someone"): string {
    return (typeof id === "string" && this.names.people[id]) || fallback;
  }

  get actor(): string {
    return this.entry.actorId ? this.person(this.entry.actorId) : "The system";
  }

  /** The person a `user:<id>` subject names. */
  get subjectPerson(): string {
    const { kind, id } = parseSubject(this.entry.subject);
    return kind === "user" ? this.person(id) : "someone";
  }

  /** The evaluation a subject refers to, directly or through its validation. */
  get evaluationId(): string | null {
    const { kind, id } = parseSubject(this.entry.subject);
    if (kind === "evaluation") return id;
    if (kind === "validation") return this.names.validations[id]?.evaluationId ?? null;
    return null;
  }

  detail(key: string): string | number | boolean | null {
    return this.entry.details[key] ?? null;
  }

  text(key: string): string {
    const value = this.detail(key);
    return value === null ? "" : String(value);
  }

  criterion(criterionId: string): string {
    const evaluationId = this.evaluationId;
    return (evaluationId && this.names.criteria[evaluationId]?.[criterionId]) || criterionId;
  }

  level(levelKey: string): string {
    const evaluationId = this.evaluationId;
    return (evaluationId && this.names.levels[evaluationId]?.[levelKey]) || levelKey;
  }

  school(schoolId: unknown): string | null {
    return typeof schoolId === "string" ? (this.names.schools[schoolId] ?? null) : null;
  }
}

const OUTCOMES: Record<string, string> = {
  accredited: "accredited",
  notYetAccredited: "not yet accredited",
  deferred: "deferred",
  validated: "validated",
};

const SECOND_STEPS: Record<string, string> = {
  none: "",
  code: " with a code from their authenticator app",
  recoveryCode: " with a recovery code",
  enrolled: ", setting up two-factor sign-in on the way",
};

function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role]?.toLowerCase() ?? role;
}

function listOf(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "nobody";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

const SENTENCES = {
  signIn: (r: Reading) => `${r.actor} signed in${SECOND_STEPS[r.text("secondFactor")] ?? ""}`,
  roleGranted: (r: Reading) => {
    const school = r.school(r.detail("schoolId"));
    return `${r.actor} gave ${r.subjectPerson} the role of ${roleLabel(r.text("role") as Role)}${school ? ` at ${school}` : ""}`;
  },
  contributorInvited: (r: Reading) =>
    `${r.actor} invited ${r.person(r.detail("userId"))} to give their perspective on this evaluation`,
  contributorRemoved: (r: Reading) =>
    `${r.actor} removed ${r.person(r.detail("userId"))} as a contributor to this evaluation`,
  schoolAdded: (r: Reading) => `${r.actor} added ${r.text("name")} to the trust`,
  roleRemoved: (r: Reading) => {
    const school = r.school(r.detail("schoolId"));
    return `${r.actor} removed ${r.subjectPerson}'s role of ${roleLabel(r.text("role") as Role)}${school ? ` at ${school}` : ""}`;
  },
  passwordChanged: (r: Reading) => {
    const ended = Number(r.detail("otherSessionsEnded") ?? 0);
    return `${r.actor} changed their password${ended ? `, signing out ${ended} other session${ended === 1 ? "" : "s"}` : ""}`;
  },
  sessionsRevoked: (r: Reading) => {
    const ended = Number(r.detail("sessionsEnded") ?? 0);
    const tokens = Number(r.detail("tokensRevoked") ?? 0);
    const alsoTokens = tokens ? `, ${tokens} access token${tokens === 1 ? "" : "s"}` : "";
    return `${r.actor} signed ${r.subjectPerson} out everywhere (${ended} session${ended === 1 ? "" : "s"}${alsoTokens})`;
  },
  accessTokenCreated: (r: Reading) => {
    const scope = r.text("scope") === "read" ? "read-only" : "read-write";
    const days = Number(r.detail("days") ?? 0);
    return `${r.actor} created a ${scope} access token "${r.text("name")}"${days ? ` expiring in ${days} day${days === 1 ? "" : "s"}` : ""}`;
  },
  accessTokenRevoked: (r: Reading) => `${r.actor} revoked their access token "${r.text("name")}"`,
  validatorsAssigned: (r: Reading) => {
    const ids = r.text("validators").split(",").filter(Boolean);
    return `${r.actor} assigned ${listOf(ids.map((id) => r.person(id)))} to validate this evaluation`;
  },
  judgementAgreed: (r: Reading) =>
    `${r.actor} agreed ${r.criterion(r.text("criterionId"))} at ${r.level(r.text("level"))}`,
  judgementConfirmed: (r: Reading) =>
    `${r.actor} confirmed the agreed judgement on ${r.criterion(r.text("criterionId"))}`,
  outcomeRecorded: (r: Reading) => {
    const result = OUTCOMES[r.text("result")] ?? r.text("result");
    const tier = r.text("tier");
    const expiry = r.text("expiryDate");
    return `${r.actor} recorded the outcome: ${result}${tier ? ` (${tier})` : ""}${expiry ? `, until ${formatDay(expiry)}` : ""}`;
  },
  meetingScheduled: (r: Reading) => {
    const items = Number(r.detail("agendaItems") ?? 0);
    return `${r.actor} scheduled the validation meeting for ${formatMoment(r.text("scheduledAt"))}, with ${items} agenda item${items === 1 ? "" : "s"}`;
  },
  renewalStarted: (r: Reading) => `${r.actor} started the renewal of award ${r.text("award")}`,
  threadResolved: (r: Reading) => `${r.actor} resolved a comment thread`,
  threadReopened: (r: Reading) => `${r.actor} reopened a comment thread`,
  commentDeleted: (r: Reading) => `${r.actor} deleted one of their comments`,
  evaluationStarted: (r: Reading) => `${r.actor} started the evaluation “${r.text("title")}”`,
  evaluationSubmitted: (r: Reading) => `${r.actor} submitted the evaluation for validation`,
  evaluationUpgraded: (r: Reading) =>
    `${r.actor} moved the evaluation from version ${r.text("from")} to version ${r.text("to")} of its framework`,
  frameworkCreated: (r: Reading) => `${r.actor} created the framework “${r.text("name")}”`,
  frameworkPublished: (r: Reading) =>
    `${r.actor} published version ${r.text("version")} of “${r.text("name")}”`,
  evaluationAdopted: (r: Reading) =>
    `${r.actor} brought the evaluation into the cycle “${r.text("cycle")}”, with its work`,
  frameworkDistributed: (r: Reading) => {
    const schools = Number(r.detail("schools") ?? 0);
    return `${r.actor} distributed version ${r.text("version")} to ${schools} school${schools === 1 ? "" : "s"}`;
  },
  secondFactorEnrolled: (r: Reading) => `${r.actor} set up two-factor sign-in`,
  secondFactorFailed: (r: Reading) => {
    const what = r.detail("method") === "recoveryCode" ? "recovery code" : "two-factor code";
    return r.detail("reason") === "used"
      ? `An already used ${what} was entered for ${r.subjectPerson}`
      : `A wrong ${what} was entered for ${r.subjectPerson}`;
  },
  recoveryCodesReplaced: (r: Reading) =>
    `${r.actor} made new recovery codes for two-factor sign-in (the old ones no longer work)`,
  secondFactorReset: (r: Reading) => `${r.actor} reset ${r.subjectPerson}'s two-factor sign-in`,
  pairingAccepted: (r: Reading) =>
    `${r.actor} accepted the pairing of ${r.school(r.detail("centreSchoolId")) ?? "a school"} with ${r.school(r.detail("supportedSchoolId")) ?? "a school"} to share practice in ${r.text("areaTitle")}`,
  workspaceCreated: (r: Reading) => {
    const schools = Number(r.detail("schools") ?? 0);
    const from = r.detail("pairingId") ? ", from an accepted pairing" : "";
    return `${r.actor} started the joint workspace “${r.text("title")}” with ${schools} school${schools === 1 ? "" : "s"}${from}`;
  },
  workspaceInvitationAccepted: (r: Reading) =>
    `${r.actor} accepted the invitation to the joint workspace for ${r.school(r.detail("schoolId")) ?? "their school"}`,
  workspaceInvitationDeclined: (r: Reading) =>
    `${r.actor} declined the invitation to the joint workspace for ${r.school(r.detail("schoolId")) ?? "their school"}`,
  workspaceMembersChanged: (r: Reading) => {
    const names = (key: string) =>
      r
        .text(key)
        .split(",")
        .filter(Boolean)
        .map((id) => r.person(id));
    const added = names("added");
    const removed = names("removed");
    const parts = [
      added.length ? `added ${listOf(added)}` : "",
      removed.length ? `removed ${listOf(removed)}` : "",
    ].filter(Boolean);
    const school = r.school(r.detail("schoolId")) ?? "their school";
    return `${r.actor} ${parts.join(" and ") || "changed nobody"} as members for ${school}`;
  },
  workspaceSchoolRemoved: (r: Reading) =>
    `${r.actor} took ${r.school(r.detail("schoolId")) ?? "a school"} out of the joint workspace`,
  workspaceArchived: (r: Reading) => `${r.actor} archived the joint workspace “${r.text("title")}”`,
  workspaceCriterionShared: (r: Reading) =>
    `${r.actor} shared ${r.text("code") || "a criterion"} of ${r.school(r.detail("schoolId")) ?? "their school"}'s evaluation to a joint workspace`,
  workspaceMeetingScheduled: (r: Reading) =>
    `${r.actor} scheduled the joint workspace meeting “${r.text("title")}”`,
  workspaceShareWithdrawn: (r: Reading) =>
    `${r.actor} withdrew a shared criterion from a joint workspace`,
} satisfies Record<string, (r: Reading) => string>;

export type AuditAction = keyof typeof SENTENCES;
/** Every action name the app records, each with its sentence. */
export const AUDIT_ACTIONS = Object.keys(SENTENCES) as AuditAction[];

export function hasSentence(action: string): action is AuditAction {
  return Object.hasOwn(SENTENCES, action);
}

/** The entry as one plain-English sentence. */
export function auditSentence(entry: AuditEntryFacts, names: AuditNames): string {
  const reading = new Reading(entry, names);
  const sentence = hasSentence(entry.action)
    ? SENTENCES[entry.action](reading)
    : `${reading.actor} did “${entry.action}”`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * What the entry was about, in names: a person, a school, a school's evaluation (also through its
 * validation), a framework, a cycle, a pairing or a joint workspace; one that is no longer there
 * says so, never shows its id (the CSV keeps the ids).
 */
export function auditSubject(entry: AuditEntryFacts, names: AuditNames): string {
  const reading = new Reading(entry, names);
  const { kind, id } = parseSubject(entry.subject);
  const school = (schoolId: string) => names.schools[schoolId] ?? "a school no longer here";
  switch (kind) {
    case "user":
      return reading.person(id, "Someone no longer here");
    case "school":
      return names.schools[id] ?? "A school no longer here";
    case "workspace": {
      const title = names.workspaces?.[id];
      return title ? `Joint workspace “${title}”` : "A joint workspace no longer here";
    }
    case "framework": {
      const name = names.frameworks?.[id];
      return name ? `Framework “${name}”` : "A framework no longer here";
    }
    case "cycle": {
      const cycle = names.cycles?.[id];
      if (!cycle) return "A cycle no longer here";
      const framework = names.frameworks?.[cycle.frameworkId];
      return `Cycle “${cycle.name}”${framework ? ` of “${framework}”` : ""}`;
    }
    case "pairing": {
      const pairing = names.pairings?.[id];
      if (!pairing) return "A pairing no longer here";
      return `Pairing of ${school(pairing.centreSchoolId)} with ${school(pairing.supportedSchoolId)} in ${pairing.areaTitle}`;
    }
    case "evaluation":
    case "validation": {
      const evaluationId = reading.evaluationId;
      const evaluation = evaluationId ? names.evaluations[evaluationId] : undefined;
      if (evaluation)
        return `${names.schools[evaluation.schoolId] ?? "A school no longer here"} · ${evaluation.title}`;
      return kind === "validation" && !names.validations[id]
        ? "A validation no longer here"
        : "An evaluation no longer here";
    }
  }
  return entry.subject;
}
