import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { readRecord, recordEntriesOf } from "../../collab/shapes/record.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { AwardModel } from "../../models/award/award.ts";
import { evaluationOfDocument as findEvaluationById } from "../../models/document-records.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import { grantRole } from "../../models/membership/membership.ts";
import { RecordEntryModel } from "../../models/validation/record.ts";
import { findValidationOfEvaluation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { AWARD_START, awardPeriodWords } from "../support/award-dates.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let path: string;

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(path);
  return http;
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  path = `/evaluations/${world.evaluation.id}/validation`;
});
afterAll(() => server.close());

describe("validation", () => {
  it("assigns validators only to a submitted evaluation, never someone from the school itself", async () => {
    const admin = await as(world.people.trustAdmin.id);
    // Before the school submits, the choices wait with the button, saying why.
    const waiting = (await admin.get(path)).html;
    const picker = /<fieldset[^>]*class="school-picker"[^>]*>/.exec(waiting)?.[0] ?? "";
    expect(picker).toMatch(/ disabled=""/);
    expect(picker).toContain('aria-describedby="assign-waits"');
    expect(waiting).toMatch(
      /id="assign-waits">Validators can be assigned once the school submits\./,
    );
    expect(
      (await admin.post(path, { intent: "assign", validatorIds: world.people.validator.id }))
        .status,
    ).toBe(400);
    await setEvaluationStatus(world.trust.id, world.evaluation.id, "submitted", {
      from: ["inProgress"],
    });
    // The school's own leader also holds the validator role: still refused for this school.
    await grantRole(world.trust.id, { userId: world.people.schoolLeader.id, role: "validator" });
    const own = await admin.post(path, {
      intent: "assign",
      validatorIds: world.people.schoolLeader.id,
    });
    expect(own.status).toBe(400);
    expect(own.html).toContain("nobody validates their own school");
    expect(
      (
        await (
          await as(world.people.trustLeader.id)
        ).post(path, { intent: "assign", validatorIds: world.people.validator.id })
      ).status,
    ).toBe(403);
    // Submitted: the choices can be made.
    const open = (await admin.get(path)).html;
    expect(/<fieldset[^>]*class="school-picker"[^>]*>/.exec(open)?.[0]).not.toMatch(/disabled/);
    const ok = await admin.post(path, {
      intent: "assign",
      validatorIds: world.people.validator.id,
    });
    expect(ok.html).toContain("Validators assigned.");
    expect((await findEvaluationById(world.evaluation.id))!.validatorIds).toEqual([
      world.people.validator.id,
    ]);
    // The validator can now read the evaluation, never write it.
    const client = connectClient(
      server.url,
      documentName("evaluation", world.evaluation.id),
      await cookieFor(world.people.validator.id),
    );
    expect(await client.authenticated).toBe("readonly");
    client.destroy();
  });

  it("lets the validator agree, the school leader confirm, and everyone see the record live; nobody writes it directly", async () => {
    const validation = (await findValidationOfEvaluation(world.trust.id, world.evaluation.id))!;
    const watcher = connectClient(
      server.url,
      documentName("record", validation.id),
      await cookieFor(world.people.trustLeader.id),
    );
    const leaderClient = connectClient(
      server.url,
      documentName("record", validation.id),
      await cookieFor(world.people.schoolLeader.id),
    );
    expect(await watcher.authenticated).toBe("readonly");
    expect(await leaderClient.authenticated).toBe("readonly");
    await Promise.all([watcher.synced, leaderClient.synced]);
    recordEntriesOf(leaderClient.doc).push([
      { seq: 99, kind: "confirmed", criterionId: "x", agreedSeq: 1, by: "forged", at: "" },
    ]);

    const criterion = Object.entries(world.evaluation.levelsByCriterion).find(
      ([, l]) => l.length === 5,
    )![0];
    const staff = await as(world.people.staff.id);
    expect(
      (
        await staff.post(path, {
          intent: "agree",
          criterionId: criterion,
          level: "strong",
          rationale: "Strong practice seen",
        })
      ).status,
    ).toBe(403);
    const validator = await as(world.people.validator.id);
    const noRationale = await validator.post(path, {
      intent: "agree",
      criterionId: criterion,
      level: "strong",
      rationale: "",
    });
    expect(noRationale.status).toBe(400);
    expect(
      (
        await validator.post(path, {
          intent: "agree",
          criterionId: criterion,
          level: "strong",
          rationale: "Consistent across classes",
        })
      ).status,
    ).toBe(200);
    await eventually(
      () => readRecord(watcher.doc).some((e) => e.kind === "agreed"),
      1000,
      "agreed entry live within a second",
    );

    const leader = await as(world.people.schoolLeader.id);
    expect(
      (await validator.post(path, { intent: "confirm", criterionId: criterion, agreedSeq: "1" }))
        .status,
    ).toBe(403);
    expect(
      (await leader.post(path, { intent: "confirm", criterionId: criterion, agreedSeq: "1" })).html,
    ).toContain("Confirmed.");
    await eventually(
      () =>
        readRecord(watcher.doc).some(
          (e) => e.kind === "confirmed" && e.by === world.people.schoolLeader.id,
        ),
      1000,
      "confirmation live",
    );
    expect(readRecord(watcher.doc).some((e) => e.by === "forged")).toBe(false);

    // A correction is a new entry: the history stays.
    await validator.post(path, {
      intent: "agree",
      criterionId: criterion,
      level: "expected",
      rationale: "On reflection, not yet consistent",
    });
    const page = await leader.get(path);
    expect(page.html).toContain("Earlier: Strong standard");
    expect(await RecordEntryModel.countDocuments({ validationId: validation.id })).toBe(3);
    await expect(
      RecordEntryModel.updateOne({ validationId: validation.id }, { $set: { level: "x" } }),
    ).rejects.toThrow(/append-only/);
    watcher.destroy();
    leaderClient.destroy();
  });

  it("validates a self-evaluation, which can never be accredited nor make a certificate", async () => {
    const validator = await as(world.people.validator.id);
    const page = await validator.get(path);
    expect(page.html).toContain(">Validated</option>");
    expect(page.html).not.toContain(">Accredited</option>");
    for (const result of ["accredited", "notYetAccredited"]) {
      const refused = await validator.post(path, {
        intent: "outcome",
        result,
        startDate: AWARD_START,
        mustImprove: "Attendance of disadvantaged pupils",
      });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain("it is validated, not accredited");
    }
    const deferred = await validator.post(path, {
      intent: "outcome",
      result: "deferred",
      conditions: "Attendance plan in place",
    });
    expect(deferred.status).toBe(400);
    expect(deferred.html).toContain("Give a review date.");
    expect((await findEvaluationById(world.evaluation.id))!.status).toBe("submitted");
    const ok = await validator.post(path, { intent: "outcome", result: "validated" });
    expect(ok.status).toBe(200);
    expect(ok.html).toContain("Outcome recorded.");
    expect(ok.html).not.toContain("Certificate code");
    expect((await findEvaluationById(world.evaluation.id))!.status).toBe("validated");
    expect(await AwardModel.countDocuments({ evaluationId: world.evaluation.id })).toBe(0);
    const actions = (await AuditModel.find({ trustId: world.trust.id }).lean()).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "validatorsAssigned",
        "judgementAgreed",
        "judgementConfirmed",
        "outcomeRecorded",
      ]),
    );
  });

  it("is a 404 to staff of another school", async () => {
    const other = new HttpSession(server.url);
    other.setCookie(await cookieFor(world.people.otherStaff.id));
    expect((await other.get(path)).status).toBe(404);
  });
});

describe("an outcome against a quality mark's rule", () => {
  it("needs a reason where it differs from the recommendation, and only validators record it", async () => {
    const { ensureStarterFramework } = await import("../../models/framework/framework.ts");
    const { inclusionExcellence } = await import(
      "../../models/framework/starters/quality-marks.ts"
    );
    const { startEvaluation } = await import("../../models/evaluation/evaluation.ts");
    const version = await ensureStarterFramework(
      world.trust.id,
      "inclusion-excellence",
      inclusionExcellence,
    );
    const evaluation = await startEvaluation(world.school, version, {
      title: "Inclusion Excellence",
      createdBy: world.people.schoolLeader.id,
    });
    await setEvaluationStatus(world.trust.id, evaluation.id, "submitted", { from: ["inProgress"] });
    await buildValidation(evaluation, [world.people.validator.id], world.people.trustAdmin.id);
    const markPath = `/evaluations/${evaluation.id}/validation`;
    const http = async (userId: string) => {
      const session = new HttpSession(server.url);
      session.setCookie(await cookieFor(userId));
      await session.get(markPath);
      return session;
    };
    const staff = await http(world.people.staff.id);
    expect(
      (
        await staff.post(markPath, {
          intent: "outcome",
          result: "accredited",
          startDate: AWARD_START,
          reason: "We think so",
        })
      ).status,
    ).toBe(403);
    const validator = await http(world.people.validator.id);
    // Nothing is agreed yet, so the rule recommends "not yet": accrediting needs a reason.
    const differs = await validator.post(markPath, {
      intent: "outcome",
      result: "accredited",
      startDate: AWARD_START,
    });
    expect(differs.status).toBe(400);
    expect(differs.html).toContain("differs from the recommendation");
    const notYet = await validator.post(markPath, {
      intent: "outcome",
      result: "notYetAccredited",
    });
    expect(notYet.status).toBe(400);
    expect(notYet.html).toContain("Say what must improve.");
    const noStart = await validator.post(markPath, { intent: "outcome", result: "accredited" });
    expect(noStart.html).toContain("Give the date the award starts.");
    const ok = await validator.post(markPath, {
      intent: "outcome",
      result: "accredited",
      startDate: AWARD_START,
      tier: "Bronze",
      reason: "Strong evidence seen in the meeting",
    });
    expect(ok.html).toContain(awardPeriodWords(3));
    expect(ok.html).toContain("Certificate code QM-");
  });
});
