import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { EvaluationModel, startEvaluation } from "../../models/evaluation/evaluation.ts";
import { ensureStarterFramework } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import { MembershipModel } from "../../models/membership/membership.ts";
import { SchoolModel } from "../../models/school/school.ts";
import { UserModel } from "../../models/user/user.ts";
import { buildSchool, buildStarterFramework, buildUser, buildWorld } from "../support/factories.ts";
import { useTestDatabase } from "../support/database.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});
afterAll(() => server.close());

describe("the evaluation page", () => {
  it("opens for the school's team (editable) and trust leaders (read only)", async () => {
    const path = `/evaluations/${world.evaluation.id}`;
    const staff = await (await as(world.people.staff.id)).get(path);
    expect(staff.status).toBe(200);
    expect(staff.html).toContain(world.evaluation.title);
    expect(staff.html).not.toContain("read only");
    const leader = await (await as(world.people.trustLeader.id)).get(path);
    expect(leader.status).toBe(200);
    expect(leader.html).toContain(world.evaluation.title);
  });

  it("looks exactly like a missing page to another school's staff", async () => {
    const other = await as(world.people.otherStaff.id);
    const forbidden = await other.get(`/evaluations/${world.evaluation.id}`);
    const missing = await other.get(`/evaluations/0123456789abcdef01234567`);
    const malformed = await other.get(`/evaluations/not-an-id`);
    expect([forbidden.status, missing.status, malformed.status]).toEqual([404, 404, 404]);
    expect(forbidden.html).not.toContain(world.evaluation.title);
    const strip = (html: string) =>
      html.replace(/nonce="[^"]+"/g, "").replace(/"csrf":"[^"]+"|value="[^"]{20,}"/g, "");
    expect(strip(forbidden.html)).toBe(strip(missing.html));
  });

  it("sends signed-out visitors to sign in, and back afterwards", async () => {
    const response = await new HttpSession(server.url).get(`/evaluations/${world.evaluation.id}`);
    expect(response.status).toBe(302);
    expect(response.location).toBe(
      `/sign-in?redirectTo=${encodeURIComponent(`/evaluations/${world.evaluation.id}`)}`,
    );
  });
});

describe("the school page", () => {
  it("lists the school's evaluations with their progress", async () => {
    const page = await (await as(world.people.staff.id)).get(`/schools/${world.school.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(world.evaluation.title);
    expect(page.html).toMatch(/0 of \d+ criteria judged/);
  });

  it("lets a school leader start an evaluation, and nobody else", async () => {
    await buildStarterFramework(world.trust);
    const version = (await import("../../models/framework/framework.ts"))
      .listLatestFrameworkVersions;
    const [framework] = await version(world.trust.id);
    const path = `/schools/${world.school.id}`;
    const before = await EvaluationModel.countDocuments({ schoolId: world.school.id });

    const staff = await as(world.people.staff.id);
    await staff.get(path);
    const refused = await staff.post(path, { title: "Sneaky", frameworkVersionId: framework.id });
    expect(refused.status).toBe(403);

    const leader = await as(world.people.schoolLeader.id);
    await leader.get(path);
    const invalid = await leader.post(path, { title: "x", frameworkVersionId: framework.id });
    expect(invalid.status).toBe(400);
    expect(invalid.html).toContain("at least 3 characters");
    const otherTrust = await leader.post(path, {
      title: "Valid title",
      frameworkVersionId: "0123456789abcdef01234567",
    });
    expect(otherTrust.status).toBe(400);
    expect(await EvaluationModel.countDocuments({ schoolId: world.school.id })).toBe(before);

    const started = await leader.post(path, {
      title: "Spring review 2027",
      frameworkVersionId: framework.id,
    });
    expect(started.status).toBe(302);
    expect(started.location).toMatch(/^\/evaluations\/[0-9a-f]{24}$/);
    expect(await EvaluationModel.countDocuments({ schoolId: world.school.id })).toBe(before + 1);
  });

  it("is a 404 for another school's staff", async () => {
    expect(
      (await (await as(world.people.otherStaff.id)).get(`/schools/${world.school.id}`)).status,
    ).toBe(404);
  });
});

describe("progress of a framework with one criterion", () => {
  it("reads “0 of 1 criterion judged” on home and on the evaluation page", async () => {
    const [area] = inclusionExcellence.areas;
    const version = await ensureStarterFramework(world.trust.id, "one-criterion", {
      ...inclusionExcellence,
      name: "One criterion",
      areas: [{ ...area, criteria: [area.criteria[0]] }],
    });
    const school = await buildSchool(world.trust);
    const leader = await buildUser("schoolLeader", world.trust, school);
    const evaluation = await startEvaluation(school, version, {
      title: "A single criterion",
      createdBy: leader.id,
    });
    const http = await as(leader.id);
    for (const page of ["/home", `/evaluations/${evaluation.id}`]) {
      const html = (await http.get(page)).html;
      expect(html).toContain("0 of 1 criterion judged");
      expect(html).not.toContain("0 of 1 criteria");
    }
  });
});

describe("trust settings", () => {
  it("are only for trust admins", async () => {
    for (const person of [
      world.people.trustLeader,
      world.people.schoolLeader,
      world.people.validator,
    ]) {
      const http = await as(person.id);
      expect((await http.get("/trust")).status).toBe(404);
      const post = await http.post(
        "/trust",
        { intent: "addSchool", name: "Intruder School", phase: "primary" },
        { csrf: "x" },
      );
      expect([403, 404]).toContain(post.status);
    }
    expect(await SchoolModel.countDocuments({ name: "Intruder School" })).toBe(0);
  });

  it("adds a school, with field errors and nothing changed on bad input", async () => {
    const admin = await as(world.people.trustAdmin.id);
    await admin.get("/trust");
    const bad = await admin.post("/trust", {
      intent: "addSchool",
      name: "",
      urn: "12ab",
      phase: "nursery",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Enter the school&#x27;s name");
    expect(bad.html).toContain("A URN is six or seven digits");
    expect(bad.html).toContain("Choose a phase");
    const count = await SchoolModel.countDocuments({ trustId: world.trust.id });

    const ok = await admin.post("/trust", {
      intent: "addSchool",
      name: "Brookside Academy",
      urn: "123456",
      phase: "secondary",
      hasSixthForm: "on",
    });
    expect(ok.status).toBe(200);
    expect(ok.html).toContain("Brookside Academy was added.");
    const school = await SchoolModel.findOne({ name: "Brookside Academy" }).lean();
    expect(school).toMatchObject({
      urn: "123456",
      phase: "secondary",
      hasSixthForm: true,
      hasEarlyYears: false,
    });
    expect(await SchoolModel.countDocuments({ trustId: world.trust.id })).toBe(count + 1);

    const duplicate = await admin.post("/trust", {
      intent: "addSchool",
      name: "Brookside Academy",
      phase: "secondary",
    });
    expect(duplicate.status).toBe(400);
    expect(await SchoolModel.countDocuments({ trustId: world.trust.id })).toBe(count + 1);
  });

  it("adds a person with a role, checking the school belongs to the trust", async () => {
    const admin = await as(world.people.trustAdmin.id);
    await admin.get("/trust");
    const noSchool = await admin.post("/trust", {
      intent: "addPerson",
      name: "New Teacher",
      email: "new.teacher@test.example",
      role: "schoolStaff",
      password: "a long first password",
    });
    expect(noSchool.status).toBe(400);
    expect(noSchool.html).toContain("Choose the school for this role");
    const shortPassword = await admin.post("/trust", {
      intent: "addPerson",
      name: "New Teacher",
      email: "new.teacher@test.example",
      role: "schoolStaff",
      schoolId: world.school.id,
      password: "short",
    });
    expect(shortPassword.status).toBe(400);
    expect(await UserModel.countDocuments({ email: "new.teacher@test.example" })).toBe(0);

    const ok = await admin.post("/trust", {
      intent: "addPerson",
      name: "New Teacher",
      email: "New.Teacher@test.example",
      role: "schoolStaff",
      schoolId: world.school.id,
      password: "a long first password",
    });
    expect(ok.status).toBe(200);
    expect(ok.html).toContain(`New Teacher is now school staff at ${world.school.name}.`);
    const user = await UserModel.findOne({ email: "new.teacher@test.example" }).lean();
    expect(user?.name).toBe("New Teacher");
    expect(
      await MembershipModel.countDocuments({
        userId: user!._id,
        role: "schoolStaff",
        schoolId: world.school.id,
      }),
    ).toBe(1);
  });

  it("reports every problem of a new person's form at once, the first password's included", async () => {
    const admin = await as(world.people.trustAdmin.id);
    await admin.get("/trust");
    const bad = await admin.post("/trust", {
      intent: "addPerson",
      name: "",
      email: "not an email",
      role: "schoolStaff",
      schoolId: "",
      password: "short",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("full name");
    expect(bad.html).toContain("Enter an email address like name@school.org.uk");
    expect(bad.html).toContain("Choose the school for this role");
    expect(bad.html).toContain("Give a first password of at least 12 characters");
  });

  it("tells the admin when the person already holds that role there, and records nothing", async () => {
    const leader = world.people.schoolLeader;
    const email = (await UserModel.findById(leader.id).lean())!.email;
    const grants = () =>
      AuditModel.countDocuments({ action: "roleGranted", subject: `user:${leader.id}` });
    const before = await grants();
    const admin = await as(world.people.trustAdmin.id);
    await admin.get("/trust");
    const again = await admin.post("/trust", {
      intent: "addPerson",
      name: leader.name,
      email: email.toUpperCase(),
      role: "schoolLeader",
      schoolId: world.school.id,
      password: "",
    });
    expect(again.status).toBe(200);
    expect(again.html).toContain(`Sam Leader is already school leader at ${world.school.name}.`);
    expect(again.html).not.toContain("is now");
    expect(await grants()).toBe(before);

    // The same person at the other school is a new role: given, and recorded once.
    const there = await admin.post("/trust", {
      intent: "addPerson",
      name: leader.name,
      email,
      role: "schoolLeader",
      schoolId: world.otherSchool.id,
    });
    expect(there.html).toContain(`Sam Leader is now school leader at ${world.otherSchool.name}.`);
    expect(await grants()).toBe(before + 1);
  });
});
