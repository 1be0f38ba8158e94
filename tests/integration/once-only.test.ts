import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import {
  applyVersionUpgrade,
  readJudgements,
  setJudgement,
} from "../../collab/shapes/evaluation.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { AwardModel } from "../../models/award/award.ts";
import {
  EvaluationModel,
  getEvaluation,
  moveToVersion,
  startEvaluation,
  type Evaluation,
} from "../../models/evaluation/evaluation.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import { claimVersionMove } from "../../models/evaluation/version-move-claim.ts";
import {
  ensureStarterFramework,
  getFrameworkVersion,
  publishVersion,
  type FrameworkVersion,
} from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import { MembershipModel } from "../../models/membership/membership.ts";
import { getSchool } from "../../models/school/school.ts";
import { EvaluationSnapshotModel } from "../../models/snapshot/snapshot.ts";
import { NOTHING_JUDGED } from "../../models/snapshot/submission-rule.ts";
import { RecordEntryModel } from "../../models/validation/record.ts";
import { UserModel } from "../../models/user/user.ts";
import { ValidationModel } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { judgeOneCriterion } from "../support/judge.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { AWARD_START } from "../support/award-dates.ts";

// Decisions that must happen once happen once: a double-click, a retry or 20 identical requests
// in parallel (as an attacker sent them) leave one outcome, one award, one snapshot, one renewal.
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
const PARALLEL = 20;

async function as(userId: string, path: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(path);
  return http;
}

/** The same request, PARALLEL times at once; the statuses that came back. */
async function inParallel(http: HttpSession, path: string, fields: Record<string, string>) {
  const answers = await Promise.all(
    Array.from({ length: PARALLEL }, () => http.post(path, fields)),
  );
  return answers.map((a) => a.status);
}

async function qualityMarkEvaluation(title: string) {
  const version = await ensureStarterFramework(
    world.trust.id,
    "inclusion-excellence",
    inclusionExcellence,
  );
  const evaluation = await startEvaluation(world.school, version, {
    title,
    createdBy: world.people.schoolLeader.id,
  });
  await setEvaluationStatus(world.trust.id, evaluation.id, "submitted", { from: ["inProgress"] });
  const validation = await buildValidation(
    evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  return { evaluation, validation, path: `/evaluations/${evaluation.id}/validation` };
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});
afterAll(() => server.close());

describe("once-only decisions under 20 parallel identical requests", () => {
  it("records one outcome, one award and one certificate code; renewal starts once", async () => {
    const { evaluation, validation, path } = await qualityMarkEvaluation("Mark A");
    const validator = await as(world.people.validator.id, path);
    const statuses = await inParallel(validator, path, {
      intent: "outcome",
      result: "accredited",
      startDate: AWARD_START,
      reason: "Strong evidence seen in the meeting",
      basedOn: "0",
    });
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(
      await RecordEntryModel.countDocuments({ validationId: validation.id, kind: "outcome" }),
    ).toBe(1);
    const awards = await AwardModel.find({ validationId: validation.id }).lean();
    expect(awards).toHaveLength(1);
    // Only that one code verifies publicly.
    const visitor = new HttpSession(server.url);
    const verify = await visitor.get(`/verify?code=${awards[0].code}`);
    expect(verify.html).toContain("This certificate is genuine");
    expect((await EvaluationModel.findById(evaluation.id).lean())!.status).toBe("accredited");

    // A later retry of the same form (the page still shows "no outcome yet") changes nothing.
    const retry = await validator.post(path, {
      intent: "outcome",
      result: "accredited",
      startDate: AWARD_START,
      reason: "Strong evidence seen in the meeting",
      basedOn: "0",
    });
    expect(retry.status).toBe(200);
    expect(await AwardModel.countDocuments({ validationId: validation.id })).toBe(1);

    // A different outcome taken over the same stale page is a conflict, not a silent correction.
    const stale = await validator.post(path, {
      intent: "outcome",
      result: "notYetAccredited",
      mustImprove: "Consistency across classes",
      reason: "On reflection",
      basedOn: "0",
    });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain("Another outcome was recorded while you were deciding");

    const renewPath = `/awards/${awards[0]._id.toString()}/renew`;
    const leader = await as(
      world.people.schoolLeader.id,
      `/awards/${awards[0]._id.toString()}/certificate`,
    );
    const before = await EvaluationModel.countDocuments({ schoolId: world.school.id });
    const renewals = await inParallel(leader, renewPath, {});
    expect(renewals.every((s) => s === 302 || s === 204)).toBe(true);
    expect(await EvaluationModel.countDocuments({ schoolId: world.school.id })).toBe(before + 1);
  });

  it("agrees a judgement once and confirms it once", async () => {
    const { evaluation, validation, path } = await qualityMarkEvaluation("Mark B");
    const criterionId = Object.keys(evaluation.levelsByCriterion)[0];
    const level = evaluation.levelsByCriterion[criterionId][1];
    const validator = await as(world.people.validator.id, path);
    const agreed = await inParallel(validator, path, {
      intent: "agree",
      criterionId,
      level,
      rationale: "Seen in the books and the pupil voice",
      basedOn: "0",
    });
    expect(agreed.every((s) => s === 200)).toBe(true);
    const entries = await RecordEntryModel.find({ validationId: validation.id }).lean();
    expect(entries.filter((e) => e.kind === "agreed")).toHaveLength(1);

    const leader = await as(world.people.schoolLeader.id, path);
    const confirmed = await inParallel(leader, path, {
      intent: "confirm",
      criterionId,
      agreedSeq: String(entries[0].seq),
    });
    expect(confirmed.every((s) => s === 200)).toBe(true);
    expect(
      await RecordEntryModel.countDocuments({ validationId: validation.id, kind: "confirmed" }),
    ).toBe(1);
  });

  it("freezes one snapshot per submission", async () => {
    const evaluation = await startEvaluation(
      world.school,
      await ensureStarterFramework(world.trust.id, "inclusion-excellence", inclusionExcellence),
      { title: "Mark C", createdBy: world.people.schoolLeader.id },
    );
    await judgeOneCriterion(server, evaluation);
    const page = `/evaluations/${evaluation.id}`;
    const leader = await as(world.people.schoolLeader.id, page);
    const statuses = await inParallel(leader, `${page}/submit`, { basedOn: "none" });
    expect(statuses.every((s) => s === 302 || s === 204)).toBe(true);
    expect(await EvaluationSnapshotModel.countDocuments({ evaluationId: evaluation.id })).toBe(1);
    // Submitting again from a fresh page (which knows of that submission) is a resubmission.
    const latest = (await EvaluationSnapshotModel.findOne({ evaluationId: evaluation.id }).lean())!;
    await leader.post(`${page}/submit`, { basedOn: latest._id.toString() });
    expect(await EvaluationSnapshotModel.countDocuments({ evaluationId: evaluation.id })).toBe(2);
  });

  it("answers a retry of a submission already made as the first did, after every judgement is cleared", async () => {
    const evaluation = await startEvaluation(
      world.school,
      await ensureStarterFramework(world.trust.id, "inclusion-excellence", inclusionExcellence),
      { title: "Mark E", createdBy: world.people.schoolLeader.id },
    );
    await judgeOneCriterion(server, evaluation);
    const page = `/evaluations/${evaluation.id}`;
    const leader = await as(world.people.schoolLeader.id, page);
    const first = await leader.post(`${page}/submit`, { basedOn: "none" });
    expect(first.status).toBe(302);
    // The team clears its only judgement; then the same request (a retry) arrives, 20 at once.
    const [criterionId] = Object.keys(evaluation.levelsByCriterion);
    await server.collab.change(documentName("evaluation", evaluation.id), (doc) =>
      setJudgement(doc, criterionId, null),
    );
    const retries = await Promise.all(
      Array.from({ length: PARALLEL }, () => leader.post(`${page}/submit`, { basedOn: "none" })),
    );
    expect(retries.map((r) => [r.status, r.location])).toEqual(
      retries.map(() => [302, first.location]),
    );
    expect(await EvaluationSnapshotModel.countDocuments({ evaluationId: evaluation.id })).toBe(1);
    expect(
      await AuditModel.countDocuments({
        action: "evaluationSubmitted",
        subject: `evaluation:${evaluation.id}`,
      }),
    ).toBe(1);
    expect((await EvaluationModel.findById(evaluation.id).lean())!.status).toBe("submitted");

    // A new submission (from a page that knows of the first) with nothing judged is refused.
    const latest = (await EvaluationSnapshotModel.findOne({ evaluationId: evaluation.id }).lean())!;
    const fresh = await leader.post(`${page}/submit`, { basedOn: latest._id.toString() });
    expect(fresh.status).toBe(409);
    expect(JSON.parse(fresh.html)).toMatchObject({ formError: NOTHING_JUDGED });
    expect(await EvaluationSnapshotModel.countDocuments({ evaluationId: evaluation.id })).toBe(1);
  });

  it("assigns validators into one validation", async () => {
    const evaluation = await startEvaluation(
      world.school,
      await ensureStarterFramework(world.trust.id, "inclusion-excellence", inclusionExcellence),
      { title: "Mark D", createdBy: world.people.schoolLeader.id },
    );
    await setEvaluationStatus(world.trust.id, evaluation.id, "submitted", { from: ["inProgress"] });
    const path = `/evaluations/${evaluation.id}/validation`;
    const admin = await as(world.people.trustAdmin.id, path);
    const statuses = await inParallel(admin, path, {
      intent: "assign",
      validatorIds: world.people.validator.id,
    });
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await ValidationModel.countDocuments({ evaluationId: evaluation.id })).toBe(1);
  });

  it("adds a new person once: one account, one role, one audit entry, one 'is now'", async () => {
    const admin = await as(world.people.trustAdmin.id, "/trust");
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        admin.post("/trust", {
          intent: "addPerson",
          name: "Priya Shah",
          email: "priya.shah@riverside-primary.example",
          role: "schoolStaff",
          schoolId: world.school.id,
          password: "a first password 2026",
        }),
      ),
    );
    expect(answers.map((a) => a.status).every((s) => s === 200)).toBe(true);
    const users = await UserModel.find({ email: "priya.shah@riverside-primary.example" }).lean();
    expect(users).toHaveLength(1);
    const userId = users[0]._id.toString();
    expect(await MembershipModel.countDocuments({ userId, role: "schoolStaff" })).toBe(1);
    expect(
      await AuditModel.countDocuments({ action: "roleGranted", subject: `user:${userId}` }),
    ).toBe(1);
    // Exactly one answer says the role was given; the others say it is held already.
    const given = answers.filter((a) => a.html.includes("Priya Shah is now school staff"));
    const held = answers.filter((a) => a.html.includes("Priya Shah is already school staff"));
    expect([given.length, held.length]).toEqual([1, PARALLEL - 1]);
  });
});

describe("a move to a newer framework version under 20 parallel identical requests", () => {
  const KEPT = "sg-1"; // Unchanged in version 2.
  const REWORDED = "sg-3"; // Reworded in version 2, so a move clears its judgement.
  let then: FrameworkVersion;
  let next: FrameworkVersion;

  beforeAll(async () => {
    then = (await getFrameworkVersion(world.trust.id, world.evaluation.frameworkVersionId))!;
    const content = structuredClone(then.content);
    const reworded = content.areas.flatMap((a) => a.criteria).find((c) => c.id === REWORDED)!;
    reworded.statement = "Pupils at risk get help on the day it is needed (2027 wording).";
    next = await publishVersion(world.trust.id, then.frameworkId, content);
  });

  /** An evaluation on version 1 with both criteria judged Met in its live document. */
  async function judgedOnVersionOne(title: string): Promise<Evaluation> {
    const evaluation = await startEvaluation(world.school, then, {
      title,
      createdBy: world.people.schoolLeader.id,
    });
    await judge(evaluation, { [KEPT]: "met", [REWORDED]: "met" });
    return evaluation;
  }

  const judge = (evaluation: Evaluation, levels: Record<string, string>) =>
    server.collab.change(documentName("evaluation", evaluation.id), (doc) => {
      for (const [criterionId, level] of Object.entries(levels))
        setJudgement(doc, criterionId, level);
    });

  async function liveJudgements(evaluation: Evaluation): Promise<Record<string, string>> {
    const doc = await server.collab.read(documentName("evaluation", evaluation.id));
    try {
      return readJudgements(doc);
    } finally {
      doc.destroy();
    }
  }

  const movesAudited = (evaluation: Evaluation) =>
    AuditModel.countDocuments({
      action: "evaluationUpgraded",
      subject: `evaluation:${evaluation.id}`,
    });

  const versionOf = async (evaluation: Evaluation) =>
    (await getEvaluation(world.trust.id, evaluation.id))!.frameworkVersionId;

  it("moves once: one move, one audit entry, every answer a success", async () => {
    const evaluation = await judgedOnVersionOne("Move A");
    const path = `/evaluations/${evaluation.id}/upgrade`;
    const leader = await as(world.people.schoolLeader.id, path);
    const statuses = await inParallel(leader, path, { versionId: next.id });
    expect(statuses).toEqual(statuses.map(() => 302));
    expect(await versionOf(evaluation)).toBe(next.id);
    expect(await movesAudited(evaluation)).toBe(1);
    expect(await liveJudgements(evaluation)).toEqual({ [KEPT]: "met" });

    // The school judges straight after the move; then a late retry of the same request arrives.
    await judge(evaluation, { [KEPT]: "not-met", [REWORDED]: "not-met" });
    expect((await leader.post(path, { versionId: next.id })).status).toBe(302);
    expect(await liveJudgements(evaluation)).toEqual({ [KEPT]: "not-met", [REWORDED]: "not-met" });
    expect(await movesAudited(evaluation)).toBe(1);
  });

  it("completes a move whose request stopped right after claiming it", async () => {
    const evaluation = await judgedOnVersionOne("Move B");
    await claimVersionMove({ evaluationId: evaluation.id, versionId: next.id }, then.id);
    const path = `/evaluations/${evaluation.id}/upgrade`;
    const leader = await as(world.people.schoolLeader.id, path);
    expect((await leader.post(path, { versionId: next.id })).status).toBe(302);
    expect(await versionOf(evaluation)).toBe(next.id);
    expect(await liveJudgements(evaluation)).toEqual({ [KEPT]: "met" });
    expect(await movesAudited(evaluation)).toBe(1);
  });

  it("completes a move stopped before its audit entry, clearing nothing judged since", async () => {
    // The request claimed the move, moved the record and the live document, and stopped there.
    const evaluation = await judgedOnVersionOne("Move C");
    await claimVersionMove({ evaluationId: evaluation.id, versionId: next.id }, then.id);
    const moved = (await moveToVersion(
      evaluation,
      (await getSchool(world.trust.id, world.school.id))!,
      next,
    ))!;
    await server.collab.change(documentName("evaluation", evaluation.id), (doc) =>
      applyVersionUpgrade(doc, {
        frameworkVersionId: next.id,
        criterionIds: Object.keys(moved.levelsByCriterion),
        clearJudgementsOf: [REWORDED],
      }),
    );
    // The school takes its fresh look at the reworded criterion; then the retries arrive.
    await judge(evaluation, { [REWORDED]: "not-met" });
    const path = `/evaluations/${evaluation.id}/upgrade`;
    const leader = await as(world.people.schoolLeader.id, path);
    const statuses = await inParallel(leader, path, { versionId: next.id });
    expect(statuses).toEqual(statuses.map(() => 302));
    expect(await liveJudgements(evaluation)).toEqual({ [KEPT]: "met", [REWORDED]: "not-met" });
    expect(await movesAudited(evaluation)).toBe(1);
  });

  it("leaves the rest of a stopped move until the outcome, if submitted meanwhile", async () => {
    // The request claimed the move and moved the record only; then the school submitted.
    const evaluation = await judgedOnVersionOne("Move D");
    await claimVersionMove({ evaluationId: evaluation.id, versionId: next.id }, then.id);
    await moveToVersion(evaluation, (await getSchool(world.trust.id, world.school.id))!, next);
    await setEvaluationStatus(world.trust.id, evaluation.id, "submitted", { from: ["inProgress"] });
    const path = `/evaluations/${evaluation.id}/upgrade`;
    const leader = await as(world.people.schoolLeader.id, path);
    expect((await leader.post(path, { versionId: next.id })).status).toBe(409);
    expect(await liveJudgements(evaluation)).toEqual({ [KEPT]: "met", [REWORDED]: "met" });
    expect(await movesAudited(evaluation)).toBe(0);
  });
});
