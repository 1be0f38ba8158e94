import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvidenceItemModel } from "../../models/evidence/evidence.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import { ContributorModel, inviteContributor } from "../../models/perspective/perspective.ts";
import { ProvisionalJudgementModel } from "../../models/validation/provisional.ts";
import { RecordEntryModel } from "../../models/validation/record.ts";
import { SessionModel } from "../../models/session/session.ts";
import type { AppServer } from "../../server/app.ts";
import { pdf } from "../fixtures/evidence-files.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// The attacker's corpus: each request answers a clear 4xx (never a 500) and changes nothing.
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validationId: string;

async function as(userId: string, page: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(page);
  return http;
}

/** A raw POST with the session's cookies, CSRF token and Origin, but a body of our choosing. */
async function rawPost(http: HttpSession, path: string, body: string, contentType: string) {
  const response = await fetch(server.url + path, {
    method: "POST",
    body,
    headers: { cookie: http.cookieHeader, origin: server.url, "content-type": contentType },
    redirect: "manual",
  });
  return { status: response.status, text: await response.text() };
}

/** What the person reads on the page: the HTML without Remix's script data. */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  await setEvaluationStatus(world.trust.id, world.evaluation.id, "submitted", {
    from: ["inProgress"],
  });
  validationId = (
    await buildValidation(world.evaluation, [world.people.validator.id], world.people.trustAdmin.id)
  ).id;
});
afterAll(() => server.close());

describe("bad input answers 4xx with a message and changes nothing", () => {
  it("refuses a JSON body to sign in, and a text/plain body to an action", async () => {
    const visitor = new HttpSession(server.url);
    await visitor.get("/sign-in");
    const sessions = await SessionModel.countDocuments();
    const json = await rawPost(
      visitor,
      "/sign-in",
      JSON.stringify({ email: "a@b.example", password: "x", csrf: visitor.csrf }),
      "application/json",
    );
    expect(json.status).toBe(400);
    expect(json.text).toContain("This page only accepts its own forms.");
    expect(await SessionModel.countDocuments()).toBe(sessions);

    const path = `/evaluations/${world.evaluation.id}/validation`;
    const validator = await as(world.people.validator.id, path);
    const plain = await rawPost(validator, path, "intent=agree&level=x", "text/plain");
    expect(plain.status).toBe(400);
    expect(await RecordEntryModel.countDocuments({ validationId })).toBe(0);
  });

  it("refuses an operator smuggled in as an id", async () => {
    const path = `/evaluations/${world.evaluation.id}/perspectives`;
    await inviteContributor(world.evaluation, {
      userId: world.people.otherStaff.id,
      perspective: "trustee",
      invitedBy: world.people.schoolLeader.id,
    });
    const leader = await as(world.people.schoolLeader.id, path);
    const removed = await leader.post(path, { intent: "remove", userId: '{"$ne":null}' });
    expect(removed.status).toBe(400);
    expect(visible(removed.html)).toContain("Choose a person");
    expect(await ContributorModel.countDocuments({ evaluationId: world.evaluation.id })).toBe(1);
  });

  it("refuses inherited names as criteria: agree, provisional judgements, evidence", async () => {
    const validationPath = `/evaluations/${world.evaluation.id}/validation`;
    const validator = await as(world.people.validator.id, validationPath);
    for (const criterionId of ["__proto__", "constructor", "toString"]) {
      const agreed = await validator.post(validationPath, {
        intent: "agree",
        criterionId,
        level: "expected",
        rationale: "Seen in the meeting today",
      });
      expect(agreed.status).toBe(400);
      expect(visible(agreed.html)).not.toContain("Something went wrong");
    }
    expect(await RecordEntryModel.countDocuments({ validationId })).toBe(0);

    // Provisional judgements are recorded on the page before the meeting.
    const preparePath = `/validations/${validationId}/prepare`;
    await validator.get(preparePath);
    for (const criterionId of ["__proto__", "constructor"]) {
      const provisional = await validator.post(preparePath, {
        intent: "provisional",
        criterionId,
        level: "expected",
      });
      expect(provisional.status).toBe(400);
      // Refused by the command itself (the route knows the request).
      expect(provisional.html).toContain("That criterion is not in this evaluation.");
    }
    expect(await ProvisionalJudgementModel.countDocuments({ validationId })).toBe(0);

    const evidencePath = `/evaluations/${world.evaluation.id}/evidence`;
    const staff = await as(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
    const link = await staff.post(evidencePath, {
      intent: "addLink",
      url: "https://example.org/policy",
      criterionId: "toString",
    });
    expect(link.status).toBe(400);
    expect(link.html).toContain("This criterion is not part of the evaluation.");
    const upload = new FormData();
    upload.set("csrf", staff.csrf);
    upload.set("criterionId", "__proto__");
    upload.set(
      "file",
      new File([new Uint8Array(pdf())], "policy.pdf", { type: "application/pdf" }),
    );
    const uploaded = await fetch(server.url + evidencePath, {
      method: "POST",
      body: upload,
      headers: { cookie: staff.cookieHeader, origin: server.url },
    });
    expect(uploaded.status).toBe(400);
    expect(await uploaded.text()).toContain("This criterion is not part of the evaluation.");
    expect(await EvidenceItemModel.countDocuments({ evaluationId: world.evaluation.id })).toBe(0);
  });

  it("shows a refused field next to the field, not the error page", async () => {
    const path = `/schools/${world.school.id}`;
    const leader = await as(world.people.schoolLeader.id, path);
    const refused = await leader.post(path, { title: "x", frameworkVersionId: "nope" });
    expect(refused.status).toBe(400);
    const page = visible(refused.html);
    expect(page).not.toContain("Something went wrong");
    expect(page).toContain("Give the evaluation a name of at least 3 characters");
    expect(page).toContain("Choose a framework");
  });
});
