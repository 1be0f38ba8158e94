import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Types } from "mongoose";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInEngland } from "../../app/award.server.ts";
import { documentName } from "../../collab/document-name.ts";
import { judgementsOf, narrativeField } from "../../collab/shapes/evaluation.ts";
import { addForce, readForces } from "../../collab/shapes/plan.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import type { Award } from "../../models/award/award.ts";
import { longDate } from "../../models/award/pdf.ts";
import { claimDecision } from "../../models/decision-slot.ts";
import { evaluationOfDocument as findEvaluationById } from "../../models/document-records.ts";
import {
  EvaluationModel,
  getEvaluation,
  newEvaluationDoc,
} from "../../models/evaluation/evaluation.ts";
import {
  getFrameworkVersion,
  latestVersionOf,
  publishVersion,
  type FrameworkVersion,
} from "../../models/framework/framework.ts";
import { getSchool } from "../../models/school/school.ts";
import { appendRecordEntry } from "../../models/validation/record.ts";
import type { AppServer } from "../../server/app.ts";
import { prefillFrom } from "../../server/commands/prefill-from.ts";
import { connectClient, eventually } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildAward, buildSchool, buildUser, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
const run = promisify(execFile);
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let version: FrameworkVersion;
let dueSoon: Award;
let current: Award;
let expired: Award;
let expiredSchoolName: string;

/** An ISO date `months` from today (negative: in the past). */
function monthsFromToday(months: number, days = 0): string {
  const [y, m, d] = todayInEngland().split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d + days)).toISOString().slice(0, 10);
}

async function as(userId: string | null) {
  const http = new HttpSession(server.url);
  if (userId) http.setCookie(await cookieFor(userId));
  return http;
}

function award(
  schoolId: string,
  startDate: string,
  expiryDate: string,
  overrides: Partial<Parameters<typeof buildAward>[0]> = {},
) {
  return buildAward({
    trustId: world.trust.id,
    schoolId,
    evaluationId: world.evaluation.id,
    validationId: new Types.ObjectId().toString(),
    frameworkId: version.frameworkId,
    frameworkName: "Inclusion Excellence",
    tier: "Gold",
    startDate,
    expiryDate,
    ...overrides,
  });
}

/** A cell of the register's "Version" column holding `text` (its name is drawn for phones). */
const versionCell = (text: string) =>
  `<td role="cell"><span class="stacked-table-label" aria-hidden="true">Version</span>${text}</td>`;

/** The row of the register's table that names `school`. */
function rowOf(html: string, school: string): string {
  return html.split("<tr").find((row) => row.includes(school)) ?? "";
}

beforeAll(async () => {
  world = await buildWorld();
  version = (await getFrameworkVersion(world.trust.id, world.evaluation.frameworkVersionId))!;
  const expiredSchool = await buildSchool(world.trust);
  expiredSchoolName = expiredSchool.name;
  // Accredited against version 2 of the framework; the expired award against version 1; the
  // other mark's award was made before awards recorded their version (ADR 070).
  // Expires in about six weeks: inside the 3-month renewal window.
  dueSoon = await award(world.school.id, monthsFromToday(-34, -14), monthsFromToday(1, 14), {
    frameworkVersion: 2,
  });
  current = await award(world.otherSchool.id, monthsFromToday(-6), monthsFromToday(30), {
    tier: null,
    frameworkId: new Types.ObjectId().toString(),
    frameworkName: "Personal Development Mark",
  });
  expired = await award(expiredSchool.id, monthsFromToday(-40), monthsFromToday(-4), {
    frameworkVersion: 1,
  });
  server = await startTestServer();
});
afterAll(() => server.close());

describe("the register", () => {
  it("lists each school's award for trust leaders, flags the renewal window and marks expired awards", async () => {
    const { status, html } = await (await as(world.people.trustLeader.id)).get("/register");
    expect(status).toBe(200);
    const due = rowOf(html, world.school.name);
    expect(due).toContain("Renewal due");
    expect(due).toContain("row-renewal-due");
    expect(due).toContain("Inclusion Excellence");
    expect(due).toContain(longDate(dueSoon.expiryDate));
    expect(due).toContain(`/awards/${dueSoon.id}/certificate`);
    // Trust leaders see everything read-only: no renewal button for them.
    expect(due).not.toContain("Start renewal");
    const other = rowOf(html, world.otherSchool.name);
    expect(other).toContain("Current");
    expect(other).not.toContain("Renewal due");
    expect(rowOf(html, expiredSchoolName)).toContain("Expired");
    // The framework version each award is of, in its own column; "—" where none was recorded.
    expect(html).toContain(`<th scope="col" role="columnheader">Version</th>`);
    expect(due).toContain(versionCell("2"));
    expect(rowOf(html, expiredSchoolName)).toContain(versionCell("1"));
    expect(other).toContain(versionCell("—"));
  });

  it("filters by mark, offers renewal to trust admins and exports CSV; school staff do not see it", async () => {
    const admin = await as(world.people.trustAdmin.id);
    const filtered = await admin.get(`/register?mark=${current.frameworkId}`);
    expect(filtered.html).toContain(world.otherSchool.name);
    expect(filtered.html).not.toContain(world.school.name);
    const all = await admin.get("/register");
    expect(rowOf(all.html, world.school.name)).toContain("Start renewal");
    const csv = await fetch(`${server.url}/register.csv`, {
      headers: { cookie: await cookieFor(world.people.trustAdmin.id) },
    });
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment/);
    const text = await csv.text();
    expect(text).toMatch(
      /^\uFEFF?School,Mark,Version,Tier,Awarded,Expires,Status,Verification code\r?\n/,
    );
    expect(text).toContain(
      `${world.school.name},Inclusion Excellence,2,Gold,${dueSoon.startDate},${dueSoon.expiryDate},Renewal due,${dueSoon.code}`,
    );
    expect(text).toContain(
      `${expiredSchoolName},Inclusion Excellence,1,Gold,${expired.startDate},${expired.expiryDate},Expired,${expired.code}`,
    );
    // No version recorded (nor a tier): empty cells.
    expect(text).toContain(
      `${world.otherSchool.name},Personal Development Mark,,,${current.startDate},${current.expiryDate},Current,${current.code}`,
    );
    expect((await (await as(world.people.schoolLeader.id)).get("/register")).status).toBe(404);
  });
});

describe("certificates", () => {
  it("show the printable certificate to the school's team and the trust, and nobody else", async () => {
    for (const person of [
      world.people.schoolLeader,
      world.people.staff,
      world.people.trustLeader,
    ]) {
      const { status, html } = await (await as(person.id)).get(`/awards/${dueSoon.id}/certificate`);
      expect(status, person.name).toBe(200);
      expect(html).toContain(world.school.name);
      expect(html).toContain(dueSoon.code);
      expect(html).toContain(longDate(dueSoon.startDate));
    }
    expect(
      (await (await as(world.people.otherStaff.id)).get(`/awards/${dueSoon.id}/certificate`))
        .status,
    ).toBe(404);
    expect(
      (await (await as(world.people.validator.id)).get(`/awards/${dueSoon.id}/certificate`)).status,
    ).toBe(404);
    expect(
      (
        await (
          await as(world.people.schoolLeader.id)
        ).get(`/awards/${new Types.ObjectId().toString()}/certificate`)
      ).status,
    ).toBe(404);
    expect((await (await as(null)).get(`/awards/${dueSoon.id}/certificate`)).location).toMatch(
      /^\/sign-in/,
    );
  });

  it("download as a PDF holding the school, the mark, the dates and the code", async () => {
    const { response } = await (
      await as(world.people.schoolLeader.id)
    ).get(`/awards/${dueSoon.id}/certificate.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Inclusion Excellence certificate - School [0-9a-f]+\.pdf"/,
    );
    // HttpSession read the body as text: fetch again for the bytes.
    const bytes = Buffer.from(
      await (
        await fetch(`${server.url}/awards/${dueSoon.id}/certificate.pdf`, {
          headers: { cookie: await cookieFor(world.people.trustLeader.id) },
        })
      ).arrayBuffer(),
    );
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(bytes);
    for (const expected of [
      world.trust.name,
      world.school.name,
      "Inclusion Excellence",
      "Gold tier",
      longDate(dueSoon.startDate),
      longDate(dueSoon.expiryDate),
      dueSoon.code,
      `/verify?code=${dueSoon.code}`,
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(
      (await (await as(world.people.otherStaff.id)).get(`/awards/${dueSoon.id}/certificate.pdf`))
        .status,
    ).toBe(404);
    expect((await (await as(null)).get(`/awards/${dueSoon.id}/certificate.pdf`)).status).toBe(404);
  });
});

async function pdfText(pdf: Buffer): Promise<string> {
  const child = run("/usr/bin/pdftotext", ["-layout", "-", "-"], { encoding: "utf8" });
  child.child.stdin!.end(pdf);
  return (await child).stdout.replace(/\s+/g, " ");
}

describe("the public verification page", () => {
  it("confirms a real code, however it is typed, to anyone", async () => {
    const anyone = await as(null);
    const typed = dueSoon.code.toLowerCase().replaceAll("-", " ");
    const { status, html } = await anyone.get(`/verify?code=${encodeURIComponent(typed)}`);
    expect(status).toBe(200);
    for (const expected of [
      world.trust.name,
      world.school.name,
      "Inclusion Excellence",
      "Gold",
      longDate(dueSoon.startDate),
      longDate(dueSoon.expiryDate),
      "Current",
    ]) {
      expect(html, expected).toContain(expected);
    }
    // Renewal timing is the trust's business, not the public's.
    expect(html).not.toContain("Renewal due");
    expect((await anyone.get(`/verify?code=${expired.code}`)).html).toContain(
      `It expired on ${longDate(expired.expiryDate)}`,
    );
  });

  it("says only 'No certificate has this code' for forged, altered or junk codes", async () => {
    const anyone = await as(null);
    const last = dueSoon.code.at(-1)!;
    const altered = dueSoon.code.slice(0, -1) + (last === "Z" ? "Y" : "Z");
    for (const code of [
      altered,
      "QM-2345-6789-ABCD",
      "hello",
      "x".repeat(500),
      `${dueSoon.code}X`,
    ]) {
      const { status, html } = await anyone.get(`/verify?code=${encodeURIComponent(code)}`);
      expect(status, code).toBe(200);
      expect(html, code).toContain("No certificate has this code");
      expect(html, code).not.toContain(world.school.name);
      expect(html, code).not.toContain(world.trust.name);
    }
    const empty = await anyone.get("/verify");
    expect(empty.html).toContain("Enter a certificate code");
    expect(empty.html).not.toContain("No certificate has this code");
  });

  it("shows a corrected outcome's earlier award as superseded", async () => {
    const first = await award(world.otherSchool.id, monthsFromToday(-2), monthsFromToday(34));
    // A corrected outcome of the same validation: a new award, the first one superseded.
    const {
      trustId,
      schoolId,
      evaluationId,
      validationId,
      frameworkId,
      frameworkName,
      startDate,
      expiryDate,
    } = first;
    await buildAward({
      trustId,
      schoolId,
      evaluationId,
      validationId,
      frameworkId,
      frameworkName,
      startDate,
      expiryDate,
      tier: "Silver",
    });
    const { html } = await (await as(null)).get(`/verify?code=${first.code}`);
    expect(html).toContain("Superseded");
    expect(html).toContain("This certificate is genuine");
  });
});

describe("starting a renewal", () => {
  it("creates the next evaluation on the latest version, pre-filled from the last one", async () => {
    const criteria = Object.keys(world.evaluation.levelsByCriterion);
    const [kept, removed] = [
      criteria.find((c) => world.evaluation.levelsByCriterion[c].includes("strong"))!,
      criteria.at(-1)!,
    ];
    const leaderCookie = await cookieFor(world.people.schoolLeader.id);
    const last = connectClient(
      server.url,
      documentName("evaluation", world.evaluation.id),
      leaderCookie,
    );
    await last.synced;
    last.doc.transact(() => {
      judgementsOf(last.doc).set(kept, "strong");
      judgementsOf(last.doc).set(removed, world.evaluation.levelsByCriterion[removed][0]);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Every pupil's needs are known and met.")]);
      last.doc.getXmlFragment(narrativeField(kept)).insert(0, [paragraph]);
    });
    addForce(last.doc, kept, "hindering", "Staff turnover", 4);
    await last.whenSaved();
    last.destroy();

    // The trust has since published v2 without the last criterion.
    const content = structuredClone(version.content);
    for (const area of content.areas) area.criteria = area.criteria.filter((c) => c.id !== removed);
    const v2 = await publishVersion(world.trust.id, version.frameworkId, content);

    const staff = await as(world.people.staff.id);
    await staff.get(`/awards/${dueSoon.id}/certificate`);
    expect((await staff.post(`/awards/${dueSoon.id}/renew`, {})).status).toBe(403);
    // Validation agreed a different level for `kept` than the school's own: the renewal starts
    // from the agreed one.
    const agreedLevel = world.evaluation.levelsByCriterion[kept].find((l) => l !== "strong")!;
    const { entry } = await appendRecordEntry(
      world.trust.id,
      dueSoon.validationId,
      { kind: "agreed", criterionId: kept, level: agreedLevel, rationale: "As agreed", by: "v" },
      `agree ${kept}`,
    );
    await appendRecordEntry(
      world.trust.id,
      dueSoon.validationId,
      { kind: "confirmed", criterionId: kept, agreedSeq: entry.seq, by: "l" },
      `confirm ${entry.seq}`,
    );

    const leader = await as(world.people.schoolLeader.id);
    const page = await leader.get(`/awards/${dueSoon.id}/certificate`);
    expect(page.html).toContain("Start renewal");
    // The certificate's button only opens the confirmation, which says what it makes and from
    // what; opening it starts nothing.
    const before = await EvaluationModel.countDocuments({ slot: `renewal:${dueSoon.id}` });
    const confirm = await leader.get(`/awards/${dueSoon.id}/renew`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain(
      `This creates “${content.name} renewal ${dueSoon.expiryDate.slice(0, 4)}”`,
    );
    expect(confirm.html).toContain(`against version 2 of ${content.name}`);
    expect(confirm.html).toContain(`It starts from “${world.evaluation.title}”`);
    expect(confirm.html).toContain(
      "the one agreed in validation for 1 criterion, the school&#x27;s own for any other",
    );
    expect(await EvaluationModel.countDocuments({ slot: `renewal:${dueSoon.id}` })).toBe(before);
    // Pages answer "not found" to those who may not act, as the loaders do everywhere.
    expect((await staff.get(`/awards/${dueSoon.id}/renew`)).status).toBe(404);
    const started = await leader.post(`/awards/${dueSoon.id}/renew`, {});
    expect(started.status).toBe(302);
    const newId = /^\/evaluations\/([0-9a-f]{24})$/.exec(started.location ?? "")![1];
    expect(newId).not.toBe(world.evaluation.id);

    const renewal = (await findEvaluationById(newId))!;
    expect(renewal.frameworkVersionId).toBe(v2.id);
    expect(renewal.schoolId).toBe(world.school.id);
    expect(renewal.title).toBe(`${content.name} renewal ${dueSoon.expiryDate.slice(0, 4)}`);
    expect(renewal.status).toBe("inProgress");

    const client = connectClient(server.url, documentName("evaluation", newId), leaderCookie);
    expect(await client.authenticated).toBe("read-write");
    await client.synced;
    await eventually(
      () => judgementsOf(client.doc).get(kept) === agreedLevel,
      5000,
      "the agreed judgement carried over",
    );
    expect(client.doc.getXmlFragment(narrativeField(kept)).toString()).toContain(
      "Every pupil's needs are known and met.",
    );
    expect(readForces(client.doc, kept).map((f) => f.text)).toEqual(["Staff turnover"]);
    expect(judgementsOf(client.doc).has(removed)).toBe(false);
    client.destroy();
    // The copied judgement counts in the overviews, like any edit.
    await eventually(
      async () => (await findEvaluationById(newId))!.projection.judgedCount === 1,
      5000,
      "projection of the renewal",
    );
    const audit = await AuditModel.findOne({
      action: "renewalStarted",
      subject: `evaluation:${newId}`,
    }).lean();
    expect(audit?.details).toMatchObject({
      award: dueSoon.code,
      from: world.evaluation.id,
      frameworkVersion: 2,
    });

    // The confirmation now says where the renewal is, rather than offering another.
    const again = await leader.get(`/awards/${dueSoon.id}/renew`);
    expect(again.html).toContain("The renewal of this award has already started");
    expect(again.html).toContain(`href="/evaluations/${newId}"`);
    expect(again.html).not.toContain("This creates");
    // Pressing it again opens the renewal under way instead of starting a second one.
    expect((await leader.post(`/awards/${dueSoon.id}/renew`, {})).location).toBe(
      `/evaluations/${newId}`,
    );
    // Trust admins may start renewals too; other schools' staff cannot even see the award.
    const outsider = await as(world.people.otherStaff.id);
    await outsider.get("/verify");
    expect((await outsider.post(`/awards/${dueSoon.id}/renew`, {})).status).toBe(404);
  });

  it("lets a trust admin renew, and refuses a request without the form's token", async () => {
    const admin = await as(world.people.trustAdmin.id);
    await admin.get("/register");
    expect((await admin.post(`/awards/${expired.id}/renew`, {}, { csrf: null })).status).toBe(403);
    const started = await admin.post(`/awards/${expired.id}/renew`, {});
    expect(started.status).toBe(302);
    expect(started.location).toMatch(/^\/evaluations\/[0-9a-f]{24}$/);
    const leaderOfOther = await buildUser("schoolLeader", world.trust, world.otherSchool);
    const other = await as(leaderOfOther.id);
    await other.get(`/awards/${current.id}/certificate`);
    // The other school's award has a framework that does not exist: nothing to renew against.
    expect((await other.post(`/awards/${current.id}/renew`, {})).status).toBe(409);
  });
});

describe("a renewal start that lost the race", () => {
  it("is sent to the renewal only once it is pre-filled from the last evaluation", async () => {
    const sentence = "Reading for pleasure is planned in every year group.";
    const criterion = Object.keys(world.evaluation.levelsByCriterion)[0];
    await server.collab.change(documentName("evaluation", world.evaluation.id), (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(sentence)]);
      doc.getXmlFragment(narrativeField(criterion)).insert(0, [paragraph]);
    });
    const renewed = await award(world.school.id, monthsFromToday(-35), monthsFromToday(1));
    const latest = (await latestVersionOf(world.trust.id, version.frameworkId))!;
    const school = (await getSchool(world.trust.id, world.school.id))!;
    // Another press of the button has made the renewal and not yet copied the last one into it.
    const winner = await EvaluationModel.create(
      newEvaluationDoc(school, latest, {
        title: `${latest.content.name} renewal`,
        createdBy: world.people.schoolLeader.id,
        slot: `renewal:${renewed.id}`,
      }),
    );
    const leader = await as(world.people.schoolLeader.id);
    await leader.get(`/awards/${renewed.id}/certificate`);
    const starting = leader.post(`/awards/${renewed.id}/renew`, {});
    // The page it is sent to, opened as soon as the answer comes.
    const opened = starting.then(async (answer) => ({
      answer,
      page: (await leader.get(answer.location ?? "/register")).html,
    }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fresh = (await getEvaluation(world.trust.id, winner._id.toString()))!;
    await prefillFrom(server.collab, fresh, world.evaluation, {
      before: null,
      now: latest.content,
    });
    await claimDecision(`renewal-prefilled:${fresh.id}`, "done");
    const { answer, page } = await opened;
    expect([answer.status, answer.location]).toEqual([302, `/evaluations/${fresh.id}`]);
    expect(page).toContain(sentence);
  });
});

// Last in the file: it uses up this address's lookups.
describe("verification lookups", () => {
  it("are limited per address, with a message saying when to try again", async () => {
    const anyone = await as(null);
    let limited: { status: number; html: string } | null = null;
    for (let i = 0; i < 40 && !limited; i++) {
      const reply = await anyone.get(
        `/verify?code=QM-2345-6789-${String(1000 + i).replace(/[01]/g, "2")}`,
      );
      if (reply.status === 429) limited = reply;
      else expect(reply.status).toBe(200);
    }
    expect(limited?.html).toMatch(
      /Too many checks from your network\. Try again in \d+ minutes?\./,
    );
    expect(limited?.html).not.toContain("No certificate has this code");
  });
});
