import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureStarterFramework } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import { startEvaluation, type Evaluation } from "../../models/evaluation/evaluation.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import { findMeetingSchedule, toLondonLocal } from "../../models/validation/meeting.ts";
import { listRecordEntries } from "../../models/validation/record.ts";
import { recordState } from "../../models/validation/record-state.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { AWARD_START } from "../support/award-dates.ts";

// A first-time user's walk through a meeting held before its booked time, its outcome recorded
// and then corrected: what the school, the validator and observers are shown afterwards.

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let evaluation: Evaluation;
let validation: Validation;
let meetingPath: string;
let preparePath: string;
let validationPath: string;

async function as(userId: string, path: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(path);
  return http;
}

/** The meeting page's loader data, as this person's page receives it. */
async function meetingData(userId: string) {
  const http = await as(userId, meetingPath);
  const route = "routes/validations_.$validationId.meeting";
  const { html } = await http.get(`${meetingPath}?_data=${encodeURIComponent(route)}`);
  return JSON.parse(html) as {
    held: boolean;
    provisionalVisible: boolean;
    whiteboard: { licenseKey: string | null; sayKeyMissing: boolean };
  };
}

const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");

beforeAll(async () => {
  world = await buildWorld();
  const version = await ensureStarterFramework(
    world.trust.id,
    "inclusion-excellence",
    inclusionExcellence,
  );
  evaluation = await startEvaluation(world.school, version, {
    title: "Inclusion Excellence",
    createdBy: world.people.schoolLeader.id,
  });
  await setEvaluationStatus(world.trust.id, evaluation.id, "submitted", { from: ["inProgress"] });
  validation = await buildValidation(
    evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  server = await startTestServer();
  meetingPath = `/validations/${validation.id}/meeting`;
  preparePath = `/validations/${validation.id}/prepare`;
  validationPath = `/evaluations/${evaluation.id}/validation`;
});
afterAll(() => server.close());

describe("a meeting held before its booked time", () => {
  it("says a criterion the meeting has not agreed is 'not agreed yet', not 'not judged'", async () => {
    const validator = await as(world.people.validator.id, validationPath);
    const page = text((await validator.get(validationPath)).html);
    expect(page).toMatch(/1\.1 is not agreed yet; it must be at least \w+\./);
    expect(page).not.toContain("is not judged");
  });

  it("shows the validator's provisional judgements to the school once decisions are recorded, whatever the booked time", async () => {
    const validator = await as(world.people.validator.id, preparePath);
    const nextWeek = toLondonLocal(new Date(Date.now() + 7 * 24 * 3600_000));
    const scheduled = await validator.post(preparePath, {
      intent: "schedule",
      scheduledAt: nextWeek,
      videoLink: "https://meet.example.org/early",
    });
    expect(scheduled.status).toBe(200);
    // Booked for next week, nothing decided: the school does not see them yet.
    expect((await meetingData(world.people.schoolLeader.id)).provisionalVisible).toBe(false);

    const first = await validator.post(meetingPath, {
      intent: "outcome",
      result: "notYetAccredited",
      mustImprove: "Safeguarding records",
      basedOn: "0",
    });
    expect(first.status).toBe(200);
    const leader = await meetingData(world.people.schoolLeader.id);
    expect(leader.held).toBe(true);
    expect(leader.provisionalVisible).toBe(true);
    const page = (await (await as(world.people.schoolLeader.id, meetingPath)).get(meetingPath)).html;
    expect(text(page)).toContain("Held early; it was booked for");
  });

  it("shows a corrected outcome as a correction, with the outcome it replaced under it, and links the certificate", async () => {
    const validator = await as(world.people.validator.id, meetingPath);
    const before = recordState(await listRecordEntries(world.trust.id, validation.id));
    const corrected = await validator.post(meetingPath, {
      intent: "outcome",
      result: "accredited",
      startDate: AWARD_START,
      tier: "Bronze",
      reason: "Records seen after the meeting",
      basedOn: String(before.outcome!.seq),
    });
    expect(corrected.status).toBe(200);
    expect(corrected.html).toMatch(
      /<a [^>]*href="\/awards\/[0-9a-f]+\/certificate"[^>]*>Certificate code QM-[^<]+<\/a>/,
    );
    for (const [userId, path] of [
      [world.people.schoolLeader.id, meetingPath],
      [world.people.trustLeader.id, meetingPath],
      [world.people.schoolLeader.id, validationPath],
    ] as const) {
      const page = text((await (await as(userId, path)).get(path)).html);
      expect(page).toMatch(/Accredited · Bronze · .* \(recorded by [^,]+, [^;]+; a correction\)/);
      expect(page).toContain("The outcome it corrects");
      expect(page).toMatch(
        /Not yet accredited · must improve: Safeguarding records \(recorded by [^,]+, \d+ \w+ \d{4}, \d\d:\d\d\)/,
      );
    }
  });

  it("no longer offers to reschedule the meeting once its outcome is recorded, and refuses it", async () => {
    const validator = await as(world.people.validator.id, preparePath);
    const page = text((await validator.get(preparePath)).html);
    expect(page).not.toContain("Reschedule the meeting");
    expect(page).toContain("The meeting was held and its outcome recorded");
    const stored = await findMeetingSchedule(world.trust.id, validation.id);
    const refused = await validator.post(preparePath, {
      intent: "schedule",
      scheduledAt: toLondonLocal(new Date(Date.now() + 14 * 24 * 3600_000)),
      videoLink: "https://meet.example.org/again",
    });
    expect(refused.status).toBe(409);
    expect(text(refused.html)).toContain(
      "The meeting was held and its outcome recorded, so it can no longer be rescheduled.",
    );
    expect(await findMeetingSchedule(world.trust.id, validation.id)).toEqual(stored);
  });
});

describe("the whiteboard's missing licence key", () => {
  it("is said only to those who administer the trust", async () => {
    const admin = await meetingData(world.people.trustAdmin.id);
    if (admin.whiteboard.licenseKey !== null) return; // this installation has a key
    expect(admin.whiteboard.sayKeyMissing).toBe(true);
    for (const userId of [
      world.people.schoolLeader.id,
      world.people.validator.id,
      world.people.trustLeader.id,
    ]) {
      expect((await meetingData(userId)).whiteboard.sayKeyMissing).toBe(false);
    }
  });
});
