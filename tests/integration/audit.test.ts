import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditModel, recordAudit } from "../../models/audit/audit.ts";
import { verifyAuditLog } from "../../models/audit/check.ts";
import type { AuditAction } from "../../models/audit/sentences.ts";
import { ensureCycle } from "../../models/cycle/cycle.ts";
import { recordPairing } from "../../models/insight/pairing.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { TEST_PASSWORD, buildStarterFramework, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { UserModel } from "../../models/user/user.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});
afterAll(() => server.close());

describe("audit log", () => {
  it("records sign-ins and role changes, in one verified chain, even when appended concurrently", async () => {
    const http = new HttpSession(server.url);
    const email = (await UserModel.findById(world.people.staff.id).lean())!.email;
    expect((await http.post("/sign-in", { email, password: TEST_PASSWORD })).status).toBe(302);
    const admin = new HttpSession(server.url);
    admin.setCookie(await cookieFor(world.people.trustAdmin.id));
    await admin.get("/trust");
    await admin.post("/trust", {
      intent: "addPerson",
      name: "Audited Person",
      email: "audited@test.example",
      role: "validator",
      password: "a long first password",
    });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recordAudit({
          trustId: world.trust.id,
          actorId: null,
          action: "signIn",
          subject: `n:${i}`,
          details: { i },
        }),
      ),
    );

    const actions = (await AuditModel.find({ trustId: world.trust.id }).lean()).map(
      (e) => e.action,
    );
    expect(actions).toContain("signIn");
    expect(actions).toContain("roleGranted");
    expect(await verifyAuditLog()).toMatchObject({ problems: [] });

    const page = await admin.get("/trust/audit");
    expect(page.html).toContain("Verified: all");
    expect((await admin.get("/trust/audit.csv")).response.headers.get("content-type")).toContain(
      "text/csv",
    );
    const staff = new HttpSession(server.url);
    staff.setCookie(await cookieFor(world.people.trustLeader.id));
    expect((await staff.get("/trust/audit")).status).toBe(404);
  });

  it("reads in plain English: names, not ids, on the page and in the CSV (which keeps the ids and hashes)", async () => {
    const admin = new HttpSession(server.url);
    admin.setCookie(await cookieFor(world.people.trustAdmin.id));
    const page = await admin.get("/trust/audit");
    expect(page.html).toContain("Alex Staff signed in");
    expect(page.html).toContain("Priya Admin gave Audited Person the role of validator");
    expect(page.html).toContain("What happened");
    // Ids appear only among the recorded facts, never as who did it.
    expect(page.html).not.toContain(`<td>${world.people.staff.id}</td>`);

    const csv = (await admin.get("/trust/audit.csv")).html;
    const [header, ...lines] = csv.trim().split("\n");
    expect(header).toContain(
      "What happened,About,By,Action,Subject,Actor,Details,Previous hash,Hash",
    );
    const signIn = lines.find((line) => line.includes("Alex Staff signed in"));
    expect(signIn).toContain(`user:${world.people.staff.id}`);
    expect(signIn).toMatch(/,[0-9a-f]{64},[0-9a-f]{64}$/);
  });

  it("says what each entry is about in names (a school, framework, cycle, pairing), or that it is no longer here, never an id", async () => {
    const trustId = world.trust.id;
    const actorId = world.people.trustAdmin.id;
    const version = await buildStarterFramework(world.trust);
    const { cycle } = await ensureCycle(version, {
      name: "Audited cycle 2026–27",
      dueDate: null,
      createdBy: actorId,
    });
    const { pairing } = await recordPairing({
      trustId,
      frameworkId: version.frameworkId,
      areaId: "inclusion",
      areaTitle: "Inclusion",
      supportedSchoolId: world.school.id,
      centreSchoolId: world.otherSchool.id,
      explanation: "Strong in Inclusion",
      acceptedBy: actorId,
    });
    const gone = () => new Types.ObjectId().toString();
    const paired = { supportedSchoolId: world.school.id, centreSchoolId: world.otherSchool.id };
    const entries: [AuditAction, string, Record<string, string | number>][] = [
      ["schoolAdded", `school:${world.otherSchool.id}`, { name: "Audited school" }],
      ["schoolAdded", `school:${gone()}`, { name: "Closed school" }],
      ["frameworkPublished", `framework:${version.frameworkId}`, { version: 1, name: "Audited" }],
      ["frameworkPublished", `framework:${gone()}`, { version: 9, name: "Gone" }],
      ["frameworkDistributed", `cycle:${cycle.id}`, { version: 1, schools: 2 }],
      ["frameworkDistributed", `cycle:${gone()}`, { version: 9, schools: 3 }],
      ["pairingAccepted", `pairing:${pairing.id}`, { ...paired, areaTitle: "Inclusion" }],
      ["pairingAccepted", `pairing:${gone()}`, { ...paired, areaTitle: "Reading" }],
      ["evaluationSubmitted", `evaluation:${gone()}`, {}],
      [
        "meetingScheduled",
        `validation:${gone()}`,
        { scheduledAt: "2027-01-12T10:30:00.000Z", agendaItems: 9 },
      ],
      ["workspaceArchived", `workspace:${gone()}`, { title: "Old space" }],
    ];
    for (const [action, subject, details] of entries)
      await recordAudit({ trustId, actorId, action, subject, details });

    const admin = new HttpSession(server.url);
    admin.setCookie(await cookieFor(actorId));
    const html = (await admin.get("/trust/audit")).html;
    // Each row's plain cells: #, when, what happened, about.
    const rows = html
      .split("<tr")
      .map((row) => [...row.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]));
    const aboutOf = (sentence: string) => {
      const row = rows.find((cells) => cells[2] === sentence);
      expect(row, sentence).toBeDefined();
      return row![3];
    };
    const priya = "Priya Admin";
    expect(aboutOf(`${priya} added Audited school to the trust`)).toBe(world.otherSchool.name);
    expect(aboutOf(`${priya} added Closed school to the trust`)).toBe("A school no longer here");
    expect(aboutOf(`${priya} published version 1 of “Audited”`)).toBe(
      `Framework “${version.content.name}”`,
    );
    expect(aboutOf(`${priya} published version 9 of “Gone”`)).toBe("A framework no longer here");
    expect(aboutOf(`${priya} distributed version 1 to 2 schools`)).toBe(
      `Cycle “Audited cycle 2026–27” of “${version.content.name}”`,
    );
    expect(aboutOf(`${priya} distributed version 9 to 3 schools`)).toBe("A cycle no longer here");
    expect(
      aboutOf(
        `${priya} accepted the pairing of ${world.otherSchool.name} with ${world.school.name} to share practice in Inclusion`,
      ),
    ).toBe(`Pairing of ${world.otherSchool.name} with ${world.school.name} in Inclusion`);
    expect(
      aboutOf(
        `${priya} accepted the pairing of ${world.otherSchool.name} with ${world.school.name} to share practice in Reading`,
      ),
    ).toBe("A pairing no longer here");
    expect(aboutOf(`${priya} submitted the evaluation for validation`)).toBe(
      "An evaluation no longer here",
    );
    expect(aboutOf(`${priya} archived the joint workspace “Old space”`)).toBe(
      "A joint workspace no longer here",
    );
    expect(rows.find((cells) => /with 9 agenda items$/.test(cells[2] ?? ""))?.[3]).toBe(
      "A validation no longer here",
    );
    // No entry's About is an id.
    expect(rows.filter((cells) => /[0-9a-f]{24}/.test(cells[3] ?? ""))).toEqual([]);
  });

  it("refuses edits through the model, and detects edits or deletions made in the database directly", async () => {
    const first = await AuditModel.findOne().sort({ seq: 1 }).lean();
    await expect(
      AuditModel.updateOne({ _id: first!._id }, { $set: { action: "x" } }),
    ).rejects.toThrow(/append-only/);
    await expect(AuditModel.deleteOne({ _id: first!._id })).rejects.toThrow(/append-only/);

    await AuditModel.collection.updateOne(
      { _id: first!._id },
      { $set: { "details.address": "forged" } },
    );
    expect((await verifyAuditLog()).problems).toContainEqual({
      seq: first!.seq,
      problem: "altered",
    });
    await AuditModel.collection.updateOne(
      { _id: first!._id },
      { $set: { details: first!.details } },
    );
    expect((await verifyAuditLog()).problems).toEqual([]);

    const last = await AuditModel.findOne().sort({ seq: -1 }).lean();
    await AuditModel.collection.deleteOne({ _id: last!._id });
    expect((await verifyAuditLog()).problems).toContainEqual({
      seq: last!.seq,
      problem: "missing",
    });
    const admin = new HttpSession(server.url);
    admin.setCookie(await cookieFor(world.people.trustAdmin.id));
    expect((await admin.get("/trust/audit")).html).toContain("Verification failed");
  });
});
