import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  NO_NAMES,
  auditSentence,
  auditSubject,
  hasSentence,
  type AuditNames,
} from "../../models/audit/sentences.ts";

const PRIYA = "a".repeat(24);
const HELEN = "b".repeat(24);
const JORDAN = "c".repeat(24);
const SAM = "d".repeat(24);
const SCHOOL = "e".repeat(24);
const EVALUATION = "f".repeat(24);
const VALIDATION = "1".repeat(24);
const OAKFIELD = "2".repeat(24);
const WORKSPACE = "2".repeat(24);

const NAMES: AuditNames = {
  people: {
    [PRIYA]: "Priya Shah",
    [HELEN]: "Helen Wright",
    [JORDAN]: "Jordan Lee",
    [SAM]: "Sam Taylor",
  },
  schools: { [SCHOOL]: "Riverside Primary Academy", [OAKFIELD]: "Oakfield Primary" },
  evaluations: { [EVALUATION]: { title: "Self-evaluation 2026–27", schoolId: SCHOOL } },
  validations: { [VALIDATION]: { evaluationId: EVALUATION } },
  criteria: { [EVALUATION]: { "incl-1": "2.1" } },
  levels: { [EVALUATION]: { needsAttention: "Needs attention" } },
};

type Details = Record<string, string | number | boolean | null>;
const entry = (actorId: string | null, action: string, subject: string, details: Details = {}) => ({
  actorId,
  action,
  subject,
  details,
});

// One example per recorded action, as an admin should read it.
const EXAMPLES: [ReturnType<typeof entry>, string][] = [
  [
    entry(HELEN, "signIn", `user:${HELEN}`, { address: "::1", secondFactor: "code" }),
    "Helen Wright signed in with a code from their authenticator app",
  ],
  [
    entry(SAM, "signIn", `user:${SAM}`, { address: "::1", secondFactor: "none" }),
    "Sam Taylor signed in",
  ],
  [
    entry(PRIYA, "roleGranted", `user:${JORDAN}`, { role: "schoolLeader", schoolId: SCHOOL }),
    "Priya Shah gave Jordan Lee the role of school leader at Riverside Primary Academy",
  ],
  [
    entry(PRIYA, "validatorsAssigned", `evaluation:${EVALUATION}`, {
      validators: `${HELEN},${JORDAN}`,
    }),
    "Priya Shah assigned Helen Wright and Jordan Lee to validate this evaluation",
  ],
  [
    entry(HELEN, "judgementAgreed", `validation:${VALIDATION}`, {
      criterionId: "incl-1",
      level: "needsAttention",
    }),
    "Helen Wright agreed 2.1 at Needs attention",
  ],
  [
    entry(SAM, "judgementConfirmed", `validation:${VALIDATION}`, {
      criterionId: "incl-1",
      agreedSeq: 3,
    }),
    "Sam Taylor confirmed the agreed judgement on 2.1",
  ],
  [
    entry(HELEN, "outcomeRecorded", `validation:${VALIDATION}`, {
      result: "accredited",
      tier: "Gold",
      expiryDate: "2029-08-31",
      award: "QM-1",
    }),
    "Helen Wright recorded the outcome: accredited (Gold), until 31 August 2029",
  ],
  [
    entry(HELEN, "meetingScheduled", `validation:${VALIDATION}`, {
      scheduledAt: "2027-01-12T10:30:00.000Z",
      agendaItems: 4,
    }),
    "Helen Wright scheduled the validation meeting for 12 Jan 2027, 10:30, with 4 agenda items",
  ],
  [
    entry(SAM, "renewalStarted", `evaluation:${EVALUATION}`, {
      award: "QM-7K2P",
      from: null,
      frameworkVersion: 2,
    }),
    "Sam Taylor started the renewal of award QM-7K2P",
  ],
  [
    entry(SAM, "contributorInvited", `evaluation:${EVALUATION}`, {
      userId: JORDAN,
      perspective: "trustee",
    }),
    "Sam Taylor invited Jordan Lee to give their perspective on this evaluation",
  ],
  [
    entry(SAM, "contributorRemoved", `evaluation:${EVALUATION}`, { userId: JORDAN }),
    "Sam Taylor removed Jordan Lee as a contributor to this evaluation",
  ],
  [
    entry(PRIYA, "pairingAccepted", "pairing:p1", {
      areaTitle: "Inclusion",
      supportedSchoolId: SCHOOL,
      centreSchoolId: OAKFIELD,
    }),
    "Priya Shah accepted the pairing of Oakfield Primary with Riverside Primary Academy to share practice in Inclusion",
  ],
  [
    entry(PRIYA, "schoolAdded", "school:s1", { name: "Oakfield Primary" }),
    "Priya Shah added Oakfield Primary to the trust",
  ],
  [
    entry(PRIYA, "roleRemoved", `user:${JORDAN}`, { role: "schoolLeader", schoolId: null }),
    "Priya Shah removed Jordan Lee's role of school leader",
  ],
  [
    entry(SAM, "passwordChanged", `user:${SAM}`, { otherSessionsEnded: 2 }),
    "Sam Taylor changed their password, signing out 2 other sessions",
  ],
  [
    entry(PRIYA, "sessionsRevoked", `user:${JORDAN}`, { sessionsEnded: 1 }),
    "Priya Shah signed Jordan Lee out everywhere (1 session)",
  ],
  [
    entry(PRIYA, "sessionsRevoked", `user:${JORDAN}`, { sessionsEnded: 2, tokensRevoked: 1 }),
    "Priya Shah signed Jordan Lee out everywhere (2 sessions, 1 access token)",
  ],
  [
    entry(SAM, "accessTokenCreated", `user:${SAM}`, {
      tokenId: "t1",
      name: "MIS import",
      scope: "read",
      days: 30,
    }),
    'Sam Taylor created a read-only access token "MIS import" expiring in 30 days',
  ],
  [
    entry(SAM, "accessTokenRevoked", `user:${SAM}`, { tokenId: "t1", name: "MIS import" }),
    'Sam Taylor revoked their access token "MIS import"',
  ],
  [
    entry(HELEN, "threadResolved", `evaluation:${EVALUATION}`, { threadId: "t1" }),
    "Helen Wright resolved a comment thread",
  ],
  [
    entry(HELEN, "threadReopened", `evaluation:${EVALUATION}`, { threadId: "t1" }),
    "Helen Wright reopened a comment thread",
  ],
  [
    entry(SAM, "commentDeleted", `evaluation:${EVALUATION}`, { commentId: "c1" }),
    "Sam Taylor deleted one of their comments",
  ],
  [
    entry(SAM, "evaluationStarted", `evaluation:${EVALUATION}`, { title: "Reading review" }),
    "Sam Taylor started the evaluation “Reading review”",
  ],
  [
    entry(SAM, "evaluationSubmitted", `evaluation:${EVALUATION}`, { snapshot: "s1" }),
    "Sam Taylor submitted the evaluation for validation",
  ],
  [
    entry(SAM, "evaluationUpgraded", `evaluation:${EVALUATION}`, { from: 1, to: 2 }),
    "Sam Taylor moved the evaluation from version 1 to version 2 of its framework",
  ],
  [
    entry(PRIYA, "frameworkCreated", "framework:f1", { name: "Inclusion Excellence" }),
    "Priya Shah created the framework “Inclusion Excellence”",
  ],
  [
    entry(PRIYA, "frameworkPublished", "framework:f1", {
      version: 2,
      name: "Inclusion Excellence",
    }),
    "Priya Shah published version 2 of “Inclusion Excellence”",
  ],
  [
    entry(PRIYA, "frameworkDistributed", "cycle:c1", { version: 2, schools: 1 }),
    "Priya Shah distributed version 2 to 1 school",
  ],
  [
    entry(PRIYA, "evaluationAdopted", `evaluation:${EVALUATION}`, {
      cycle: "Inclusion Excellence 2026–27",
    }),
    "Priya Shah brought the evaluation into the cycle “Inclusion Excellence 2026–27”, with its work",
  ],
  [entry(HELEN, "secondFactorEnrolled", `user:${HELEN}`), "Helen Wright set up two-factor sign-in"],
  [
    entry(HELEN, "recoveryCodesReplaced", `user:${HELEN}`),
    "Helen Wright made new recovery codes for two-factor sign-in (the old ones no longer work)",
  ],
  [
    entry(HELEN, "secondFactorFailed", `user:${HELEN}`, { reason: "wrong", method: "code" }),
    "A wrong two-factor code was entered for Helen Wright",
  ],
  [
    entry(HELEN, "secondFactorFailed", `user:${HELEN}`, { reason: "used", method: "recoveryCode" }),
    "An already used recovery code was entered for Helen Wright",
  ],
  [
    entry(PRIYA, "secondFactorReset", `user:${JORDAN}`, { hadFactor: true, sessionsEnded: 2 }),
    "Priya Shah reset Jordan Lee's two-factor sign-in",
  ],
  [
    entry(PRIYA, "workspaceCreated", `workspace:${WORKSPACE}`, {
      title: "Reading together",
      schools: 2,
      pairingId: VALIDATION,
    }),
    "Priya Shah started the joint workspace “Reading together” with 2 schools, from an accepted pairing",
  ],
  [
    entry(SAM, "workspaceInvitationAccepted", `workspace:${WORKSPACE}`, { schoolId: SCHOOL }),
    "Sam Taylor accepted the invitation to the joint workspace for Riverside Primary Academy",
  ],
  [
    entry(SAM, "workspaceInvitationDeclined", `workspace:${WORKSPACE}`, { schoolId: SCHOOL }),
    "Sam Taylor declined the invitation to the joint workspace for Riverside Primary Academy",
  ],
  [
    entry(SAM, "workspaceMembersChanged", `workspace:${WORKSPACE}`, {
      schoolId: SCHOOL,
      added: `${JORDAN},${HELEN}`,
      removed: PRIYA,
    }),
    "Sam Taylor added Jordan Lee and Helen Wright and removed Priya Shah as members for Riverside Primary Academy",
  ],
  [
    entry(PRIYA, "workspaceSchoolRemoved", `workspace:${WORKSPACE}`, { schoolId: SCHOOL }),
    "Priya Shah took Riverside Primary Academy out of the joint workspace",
  ],
  [
    entry(PRIYA, "workspaceArchived", `workspace:${WORKSPACE}`, { title: "Reading together" }),
    "Priya Shah archived the joint workspace “Reading together”",
  ],
  [
    entry(SAM, "workspaceCriterionShared", `workspace:${WORKSPACE}`, {
      schoolId: SCHOOL,
      code: "2.1",
    }),
    "Sam Taylor shared 2.1 of Riverside Primary Academy's evaluation to a joint workspace",
  ],
  [
    entry(SAM, "workspaceShareWithdrawn", `workspace:${WORKSPACE}`, { shareId: VALIDATION }),
    "Sam Taylor withdrew a shared criterion from a joint workspace",
  ],
  [
    entry(SAM, "workspaceMeetingScheduled", `workspace:${WORKSPACE}`, {
      meetingId: VALIDATION,
      title: "Phonics review",
      scheduledAt: "2027-03-02T09:30:00.000Z",
    }),
    "Sam Taylor scheduled the joint workspace meeting “Phonics review”",
  ],
];

describe("audit entries in plain English", () => {
  for (const [facts, sentence] of EXAMPLES) {
    it(`${facts.action}: "${sentence}"`, () => {
      expect(auditSentence(facts, NAMES)).toBe(sentence);
    });
  }

  it("has an example above for every action it knows", () => {
    expect(new Set(EXAMPLES.map(([facts]) => facts.action))).toEqual(new Set(AUDIT_ACTIONS));
  });

  it("names what an entry is about: a person, or the school and evaluation (also through a validation)", () => {
    expect(auditSubject(entry(PRIYA, "secondFactorReset", `user:${JORDAN}`), NAMES)).toBe(
      "Jordan Lee",
    );
    const about = "Riverside Primary Academy · Self-evaluation 2026–27";
    expect(auditSubject(entry(HELEN, "judgementAgreed", `validation:${VALIDATION}`), NAMES)).toBe(
      about,
    );
    expect(auditSubject(entry(SAM, "renewalStarted", `evaluation:${EVALUATION}`), NAMES)).toBe(
      about,
    );
    expect(auditSubject(entry(null, "signIn", "something:else"), NAMES)).toBe("something:else");
    expect(
      auditSubject(entry(SAM, "workspaceArchived", `workspace:${WORKSPACE}`), {
        ...NAMES,
        workspaces: { [WORKSPACE]: "Reading together" },
      }),
    ).toBe("Joint workspace “Reading together”");
    expect(auditSubject(entry(SAM, "workspaceArchived", `workspace:${WORKSPACE}`), NAMES)).toBe(
      "A joint workspace no longer here",
    );
  });

  it("names the school, framework, cycle and pairing an entry is about, not their ids", () => {
    const FRAMEWORK = "3".repeat(24);
    const CYCLE = "4".repeat(24);
    const PAIRING = "5".repeat(24);
    const names: AuditNames = {
      ...NAMES,
      frameworks: { [FRAMEWORK]: "Inclusion Excellence" },
      cycles: { [CYCLE]: { name: "Inclusion Excellence 2026–27", frameworkId: FRAMEWORK } },
      pairings: {
        [PAIRING]: { centreSchoolId: OAKFIELD, supportedSchoolId: SCHOOL, areaTitle: "Inclusion" },
      },
    };
    const about = (action: string, subject: string) =>
      auditSubject(entry(PRIYA, action, subject), names);
    expect(about("schoolAdded", `school:${OAKFIELD}`)).toBe("Oakfield Primary");
    expect(about("frameworkPublished", `framework:${FRAMEWORK}`)).toBe(
      "Framework “Inclusion Excellence”",
    );
    expect(about("frameworkDistributed", `cycle:${CYCLE}`)).toBe(
      "Cycle “Inclusion Excellence 2026–27” of “Inclusion Excellence”",
    );
    expect(about("pairingAccepted", `pairing:${PAIRING}`)).toBe(
      "Pairing of Oakfield Primary with Riverside Primary Academy in Inclusion",
    );
  });

  it("says in words that the thing an entry is about is no longer here, never its id", () => {
    const gone = "9".repeat(24);
    const about = (action: string, kind: string) =>
      auditSubject(entry(PRIYA, action, `${kind}:${gone}`), NAMES);
    expect(about("schoolAdded", "school")).toBe("A school no longer here");
    expect(about("frameworkPublished", "framework")).toBe("A framework no longer here");
    expect(about("frameworkDistributed", "cycle")).toBe("A cycle no longer here");
    expect(about("pairingAccepted", "pairing")).toBe("A pairing no longer here");
    expect(about("evaluationSubmitted", "evaluation")).toBe("An evaluation no longer here");
    expect(about("judgementAgreed", "validation")).toBe("A validation no longer here");
    expect(about("secondFactorReset", "user")).toBe("Someone no longer here");
    // Still there, but its school is not.
    expect(
      auditSubject(entry(SAM, "evaluationSubmitted", `evaluation:${EVALUATION}`), {
        ...NAMES,
        schools: {},
      }),
    ).toBe("A school no longer here · Self-evaluation 2026–27");
  });

  it("still reads when names are missing (a person removed, an unknown action)", () => {
    const unknown = "9".repeat(24);
    expect(auditSentence(entry(unknown, "secondFactorReset", `user:${unknown}`), NAMES)).toBe(
      "Someone reset someone's two-factor sign-in",
    );
    expect(auditSentence(entry(null, "somethingNew", "x:1"), NAMES)).toBe(
      "The system did “somethingNew”",
    );
  });
});

// Every action name recorded anywhere in the code (recordAudit, recordAuditOfPerson, or the
// sign-in steps' helper) must have a sentence: find them in the source.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("every recorded audit action", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const recorded = new Set<string>();
  for (const dir of ["app", "models", "server", "collab"]) {
    for (const file of sourceFiles(path.join(root, dir))) {
      const text = readFileSync(file, "utf8");
      if (!/recordAudit|recordAuditOfPerson/.test(text)) continue;
      for (const match of text.matchAll(/\baction:\s*"(\w+)"/g)) recorded.add(match[1]);
    }
  }

  it("is found in the code (the scan works)", () => {
    expect(recorded.size).toBeGreaterThanOrEqual(10);
    for (const known of ["signIn", "roleGranted", "judgementAgreed", "secondFactorReset"])
      expect(recorded).toContain(known);
  });

  it("has a sentence", () => {
    expect([...recorded].filter((action) => !hasSentence(action))).toEqual([]);
  });
});

// Every kind of subject recorded anywhere (`subject: \`evaluation:${…}\``) must read as words on
// the page, even with nothing left to name: find the kinds in the source.
describe("every recorded kind of subject", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const kinds = new Set<string>();
  for (const dir of ["app", "models", "server", "collab"]) {
    for (const file of sourceFiles(path.join(root, dir))) {
      const text = readFileSync(file, "utf8");
      if (!/recordAudit|recordAuditOfPerson/.test(text)) continue;
      for (const match of text.matchAll(/\bsubject:\s*`(\w+):/g)) kinds.add(match[1]);
    }
  }

  it("is found in the code (the scan works)", () => {
    for (const known of ["user", "evaluation", "validation", "cycle", "framework"])
      expect(kinds).toContain(known);
  });

  it("reads as words, never as its id, when the thing is no longer there", () => {
    const gone = "9".repeat(24);
    const abouts = [...kinds].map((kind) =>
      auditSubject(entry(null, "signIn", `${kind}:${gone}`), NO_NAMES),
    );
    expect(
      abouts.filter((about) => about.includes(gone) || !/no longer here$/.test(about)),
    ).toEqual([]);
  });
});
