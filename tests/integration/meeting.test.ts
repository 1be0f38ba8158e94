import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { readAgenda } from "../../collab/shapes/meeting.ts";
import { readRecord } from "../../collab/shapes/record.ts";
import { listRecordEntries } from "../../models/validation/record.ts";
import { recordState } from "../../models/validation/record-state.ts";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { todayInEngland } from "../../models/dates.ts";
import {
  MeetingModel,
  findMeetingSchedule,
  saveMeetingSchedule,
  toLondonLocal,
} from "../../models/validation/meeting.ts";
import { assignValidators, type Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let path: string;
let preparePath: string;
let name: string;
const clients: TestClient[] = [];

async function clientAs(userId: string) {
  const client = connectClient(server.url, name, await cookieFor(userId));
  clients.push(client);
  return client;
}

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(path);
  return http;
}

/**
 * Posts a form with repeated fields (the agenda's checkboxes), like a browser does; scheduling
 * and provisional judgements are made on the page before the meeting.
 */
async function postForm(http: HttpSession, fields: [string, string][], to = preparePath) {
  const body = new URLSearchParams([...fields, ["csrf", http.csrf]]);
  const response = await fetch(server.url + to, {
    method: "POST",
    body,
    headers: {
      cookie: http.cookieHeader,
      origin: server.url,
      "content-type": "application/x-www-form-urlencoded",
    },
    redirect: "manual",
  });
  return { status: response.status, html: await response.text() };
}

/** The message shown next to a form field (the error its input is described by), or null. */
function fieldError(html: string, name: string): string | null {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? "";
  const ids = /aria-describedby="([^"]+)"/.exec(input)?.[1].split(" ") ?? [];
  for (const id of ids) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const error = new RegExp(`<p class="field-error" id="${escaped}">([^<]*)</p>`).exec(html);
    if (error) return error[1];
  }
  return null;
}

/** The recorded outcome as the page shows it, in plain text ("" when there is none). */
function outcomeShown(html: string): string {
  const status = /<div role="status" class="notice"><strong>[\s\S]*?<\/div>/.exec(html)?.[0];
  return (status ?? "").replace(/<[^>]*>/g, "");
}

/**
 * Time passes until the meeting has begun: its stored start moves to a minute ago (no form may
 * set a time already passed).
 */
async function meetingBegins() {
  await MeetingModel.updateOne(
    { _id: validation.id },
    { $set: { scheduledAt: new Date(Date.now() - 60_000) } },
  );
}

/** The text of the minutes (a TipTap fragment: paragraphs of text). */
function minutesText(doc: Y.Doc): string {
  return doc
    .getXmlFragment("minutes")
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement ? node.toArray().map(String).join("") : String(node),
    )
    .join("\n");
}

function addParagraph(doc: Y.Doc, text: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment("minutes");
  fragment.insert(fragment.length, [paragraph]);
}

function storedMinutes(stored: Awaited<ReturnType<typeof loadStoredDocument>>): string {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u.update);
  return minutesText(doc) + "\n" + doc.getText("forged").toString();
}

beforeAll(async () => {
  world = await buildWorld();
  validation = await assignValidators(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  await EvaluationModel.updateOne(
    { _id: world.evaluation.id },
    { $set: { validatorIds: [world.people.validator.id] } },
  );
  server = await startTestServer();
  path = `/validations/${validation.id}/meeting`;
  preparePath = `/validations/${validation.id}/prepare`;
  name = documentName("meeting", validation.id);
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.close();
});

describe("the validation meeting document", () => {
  it("lets the validator and the school leader co-edit the minutes live, and stores them", async () => {
    const validator = await clientAs(world.people.validator.id);
    const leader = await clientAs(world.people.schoolLeader.id);
    expect(await validator.authenticated).toBe("read-write");
    expect(await leader.authenticated).toBe("read-write");
    await Promise.all([validator.synced, leader.synced]);
    addParagraph(validator.doc, "Safeguarding: agreed to look at the records");
    await eventually(
      () => minutesText(leader.doc).includes("Safeguarding"),
      2000,
      "validator's minutes reach the leader",
    );
    addParagraph(leader.doc, "The school will share its audit");
    await eventually(
      () => minutesText(validator.doc).includes("audit"),
      2000,
      "leader's minutes reach the validator",
    );
    await Promise.all([validator.whenSaved(), leader.whenSaved()]);
    const stored = storedMinutes(await loadStoredDocument(name));
    expect(stored).toContain("Safeguarding");
    expect(stored).toContain("audit");
  });

  it("lets trust leaders and admins observe read-only: present, observing, with their real name, and changing nothing", async () => {
    const participant = await clientAs(world.people.validator.id);
    await participant.synced;
    const stateless: string[] = [];
    participant.provider.on("stateless", ({ payload }: { payload: string }) =>
      stateless.push(payload),
    );

    for (const observerId of [world.people.trustLeader.id, world.people.trustAdmin.id]) {
      const observer = await clientAs(observerId);
      expect(await observer.authenticated).toBe("readonly");
      await observer.synced;
      // It sees the minutes…
      expect(minutesText(observer.doc)).toContain("Safeguarding");
      // …but what it sends changes nothing, anywhere.
      addParagraph(observer.doc, "Forged minute");
      observer.doc.getText("forged").insert(0, "should never arrive");
      observer.doc
        .getMap("whiteboard")
        .set("shape:forged", { id: "shape:forged", typeName: "shape" });
      observer.provider.sendStateless(JSON.stringify({ type: "checkpoint", n: 999 }));
      observer.provider.sendStateless("observer says hello");
      // It claims to be someone else, a participant.
      observer.provider.awareness!.setLocalStateField("user", {
        name: "The Headteacher",
        role: "School leader",
        userId: world.people.schoolLeader.id,
        observing: false,
      });
      await eventually(
        () =>
          participant.provider.awareness!.getStates().get(observer.doc.clientID)?.user !==
          undefined,
        2000,
        "observer's presence arrives",
      );
      const user = participant.provider.awareness!.getStates().get(observer.doc.clientID)!.user;
      expect(user.observing).toBe(true);
      expect(user.userId).toBe(observerId);
      expect(user.name).toBe(
        observerId === world.people.trustLeader.id ? "David Leader" : "Priya Admin",
      );
      expect(user.role).toBe(
        observerId === world.people.trustLeader.id ? "Trust leader" : "Trust admin",
      );
    }

    // A participant's later edit arrives everywhere; the observers' never do, nor are they stored.
    addParagraph(participant.doc, "After the observers");
    await participant.whenSaved();
    const late = await clientAs(world.people.staff.id);
    await late.synced;
    await eventually(
      () => minutesText(late.doc).includes("After the observers"),
      2000,
      "participant's edit",
    );
    expect(minutesText(late.doc)).not.toContain("Forged");
    expect(late.doc.getText("forged").toString()).toBe("");
    expect(late.doc.getMap("whiteboard").has("shape:forged")).toBe(false);
    expect(minutesText(participant.doc)).not.toContain("Forged");
    expect(storedMinutes(await loadStoredDocument(name))).not.toMatch(/Forged|should never arrive/);
    expect(stateless.some((p) => p.includes("hello") || p.includes("999"))).toBe(false);
  });

  it("refuses other schools' staff and validators not assigned", async () => {
    const outsider = await clientAs(world.people.otherStaff.id);
    await expect(outsider.authenticated).rejects.toThrow(
      "You do not have access to this document.",
    );
  });
});

describe("scheduling and provisional judgements", () => {
  const criterionId = () =>
    Object.entries(world.evaluation.levelsByCriterion).find(([, l]) => l.length >= 2)![0];

  it("lets only the assigned validators schedule, with an https video link", async () => {
    const staff = await as(world.people.staff.id);
    const soon = toLondonLocal(new Date(Date.now() + 7 * 24 * 3600_000));
    const refused = await postForm(staff, [
      ["intent", "schedule"],
      ["scheduledAt", soon],
      ["videoLink", "https://meet.example.org/abc"],
    ]);
    expect(refused.status).toBe(403);
    const leader = await as(world.people.trustLeader.id);
    expect(
      (
        await postForm(leader, [
          ["intent", "schedule"],
          ["scheduledAt", soon],
          ["videoLink", "https://meet.example.org/abc"],
        ])
      ).status,
    ).toBe(403);
    expect(await findMeetingSchedule(world.trust.id, validation.id)).toBeNull();

    const validator = await as(world.people.validator.id);
    const insecure = await postForm(validator, [
      ["intent", "schedule"],
      ["scheduledAt", soon],
      ["videoLink", "http://meet.example.org/abc"],
    ]);
    expect(insecure.status).toBe(400);
    expect(insecure.html).toContain("must start with https://");
  });

  it("shows the school provisional judgements only once the meeting has started; validators and trust leaders always", async () => {
    const criterion = criterionId();
    const level = world.evaluation.levelsByCriterion[criterion][1];
    const validator = await as(world.people.validator.id);
    const staffHttp = await as(world.people.staff.id);
    expect(
      (
        await postForm(staffHttp, [
          ["intent", "provisional"],
          ["criterionId", criterion],
          ["level", level],
        ])
      ).status,
    ).toBe(403);
    expect(
      (
        await postForm(validator, [
          ["intent", "provisional"],
          ["criterionId", criterion],
          ["level", "not-a-level"],
        ])
      ).status,
    ).toBe(400);
    expect(
      (
        await postForm(validator, [
          ["intent", "provisional"],
          ["criterionId", criterion],
          ["level", level],
        ])
      ).status,
    ).toBe(200);

    // The default agenda: where the validator's provisional judgement differs from the school's.
    const page = await validator.get(preparePath);
    const boxes = page.html.match(/<input[^>]*name="agendaCriterionIds"[^>]*>/g) ?? [];
    expect(boxes.find((b) => b.includes(`value="${criterion}"`))).toContain('checked=""');
    expect(boxes.filter((b) => b.includes('checked=""'))).toHaveLength(1);

    const marker = `{"validatorId":"${world.people.validator.id}","criterionId":"${criterion}","level":"${level}"}`;
    const nextWeek = toLondonLocal(new Date(Date.now() + 7 * 24 * 3600_000));
    const scheduled = await postForm(validator, [
      ["intent", "schedule"],
      ["scheduledAt", nextWeek],
      ["videoLink", "https://meet.example.org/abc"],
      ["agendaCriterionIds", criterion],
      ["agendaCriterionIds", "not-a-criterion"],
    ]);
    expect(scheduled.status).toBe(200);
    const schedule = (await findMeetingSchedule(world.trust.id, validation.id))!;
    expect(schedule.agendaCriterionIds).toEqual([criterion]);
    expect(schedule.videoLink).toBe("https://meet.example.org/abc");

    const schoolLeader = await as(world.people.schoolLeader.id);
    const before = await schoolLeader.get(path);
    expect(before.status).toBe(200);
    expect(before.html).toContain("Shown when the meeting starts");
    expect(before.html).not.toContain(marker);
    expect((await (await as(world.people.trustLeader.id)).get(path)).html).toContain(marker);
    expect((await validator.get(path)).html).toContain(marker);

    // The meeting starts: now the school sees them too.
    await meetingBegins();
    const after = await schoolLeader.get(path);
    expect(after.html).toContain(marker);
    expect(after.html).not.toContain("Shown when the meeting starts");
    expect(after.html).toContain("Join the video call");
  });

  it("answers people without access with a 404, like a missing meeting", async () => {
    const outsider = new HttpSession(server.url);
    outsider.setCookie(await cookieFor(world.people.otherStaff.id));
    expect((await outsider.get(path)).status).toBe(404);
    expect((await outsider.get(`/validations/${"0".repeat(24)}/meeting`)).status).toBe(404);
  });
});

describe("before the meeting", () => {
  it("is the assigned validators' page only: for everyone else, the school and observers too, there is nothing there", async () => {
    const validator = new HttpSession(server.url);
    validator.setCookie(await cookieFor(world.people.validator.id));
    const page = await validator.get(preparePath);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Pre-review and agenda");
    for (const id of [world.people.schoolLeader.id, world.people.trustLeader.id]) {
      const http = new HttpSession(server.url);
      http.setCookie(await cookieFor(id));
      expect((await http.get(preparePath)).status).toBe(404);
    }
    const outsider = new HttpSession(server.url);
    outsider.setCookie(await cookieFor(world.people.otherStaff.id));
    expect((await outsider.get(preparePath)).status).toBe(404);
  });

  it("copies the scheduled agenda into the live meeting document, so open pages follow it", async () => {
    const watching = await clientAs(world.people.schoolLeader.id);
    await watching.synced;
    const [first, second] = Object.keys(world.evaluation.levelsByCriterion);
    const validator = await as(world.people.validator.id);
    // The meeting has begun: its time, sent back unchanged, is no reason to refuse the agenda.
    const at = toLondonLocal(
      (await findMeetingSchedule(world.trust.id, validation.id))!.scheduledAt,
    );
    const scheduled = await postForm(validator, [
      ["intent", "schedule"],
      ["scheduledAt", at],
      ["videoLink", "https://meet.example.org/abc"],
      ["agendaCriterionIds", first],
      ["agendaCriterionIds", second],
    ]);
    expect(scheduled.status).toBe(200);
    await eventually(
      () => readAgenda(watching.doc).join() === [first, second].join(),
      3000,
      "the agenda reaches the open meeting",
    );
    // The meeting page no longer takes scheduling requests.
    expect(
      (
        await postForm(
          validator,
          [
            ["intent", "schedule"],
            ["scheduledAt", at],
            ["videoLink", "https://meet.example.org/abc"],
          ],
          path,
        )
      ).status,
    ).toBe(400);
  });

  it("refuses a date and time already passed, next to the field, changing nothing", async () => {
    const before = await findMeetingSchedule(world.trust.id, validation.id);
    const audited = await AuditModel.countDocuments({
      trustId: world.trust.id,
      action: "meetingScheduled",
    });
    const validator = await as(world.people.validator.id);
    const hourAgo = toLondonLocal(new Date(Date.now() - 3600_000));
    for (const past of ["2020-01-01T09:00", hourAgo]) {
      const refused = await postForm(validator, [
        ["intent", "schedule"],
        ["scheduledAt", past],
        ["videoLink", "https://meet.example.org/elsewhere"],
        ["agendaCriterionIds", Object.keys(world.evaluation.levelsByCriterion)[2]],
      ]);
      expect(refused.status).toBe(400);
      expect(fieldError(refused.html, "scheduledAt")).toBe(
        "The date and time must not be in the past",
      );
      expect(refused.html).not.toContain("The meeting is scheduled");
    }
    expect(await findMeetingSchedule(world.trust.id, validation.id)).toEqual(before);
    expect(
      await AuditModel.countDocuments({ trustId: world.trust.id, action: "meetingScheduled" }),
    ).toBe(audited);
  });
});

describe("the meeting's calendar invitation", () => {
  const icsPath = () => `${path}.ics`;

  it("is a text/calendar attachment for everyone who may read the meeting, and 404 for anyone else", async () => {
    for (const id of [
      world.people.validator.id,
      world.people.schoolLeader.id,
      world.people.staff.id,
      world.people.trustLeader.id,
    ]) {
      const http = new HttpSession(server.url);
      http.setCookie(await cookieFor(id));
      const { status, response, html } = await http.get(icsPath());
      expect(status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
      expect(response.headers.get("content-disposition")).toMatch(
        /^attachment; filename=".+\.ics"$/,
      );
      expect(html).toContain("BEGIN:VEVENT");
    }
    const outsider = new HttpSession(server.url);
    outsider.setCookie(await cookieFor(world.people.otherStaff.id));
    expect((await outsider.get(icsPath())).status).toBe(404);
    expect((await outsider.get(`/validations/${"0".repeat(24)}/meeting.ics`)).status).toBe(404);
    const anonymous = new HttpSession(server.url);
    expect((await anonymous.get(icsPath())).status).not.toBe(200);
  });

  it("names the school, links the call and the meeting page, and counts reschedules under one UID", async () => {
    const http = new HttpSession(server.url);
    http.setCookie(await cookieFor(world.people.schoolLeader.id));
    const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
    const field = (ics: string, key: string) =>
      new RegExp(`^${key}[:;](.*)$`, "m").exec(unfold(ics).replace(/\r/g, ""))?.[1];
    const before = (await http.get(icsPath())).html;
    expect(field(before, "SUMMARY")).toContain(world.school.name);
    expect(field(before, "LOCATION")).toBe("https://meet.example.org/abc");
    expect(field(before, "DESCRIPTION")).toContain(`${server.url}${path}`);
    expect(field(before, "DTSTART")).toMatch(/^\d{8}T\d{6}Z$/);

    const validator = await as(world.people.validator.id);
    const later = toLondonLocal(new Date(Date.now() + 3 * 24 * 3600_000));
    const moved = await postForm(validator, [
      ["intent", "schedule"],
      ["scheduledAt", later],
      ["durationMinutes", "120"],
      ["videoLink", "https://meet.example.org/abc"],
      ["agendaCriterionIds", Object.keys(world.evaluation.levelsByCriterion)[0]],
    ]);
    expect(moved.status).toBe(200);
    const after = (await http.get(icsPath())).html;
    expect(field(after, "UID")).toBe(field(before, "UID"));
    expect(Number(field(after, "SEQUENCE"))).toBeGreaterThan(Number(field(before, "SEQUENCE")));
    expect(field(after, "DTSTART")).not.toBe(field(before, "DTSTART"));
  });
});

describe("decisions on the meeting page", () => {
  it("records the validator's agreement, the school leader's confirmation and the outcome, live in the record; nobody else may", async () => {
    const criterion = Object.keys(world.evaluation.levelsByCriterion)[0];
    const level = world.evaluation.levelsByCriterion[criterion][0];
    const watching = connectClient(
      server.url,
      documentName("record", validation.id),
      await cookieFor(world.people.trustLeader.id),
    );
    clients.push(watching);
    await watching.synced;

    const staff = await as(world.people.staff.id);
    const agree: [string, string][] = [
      ["intent", "agree"],
      ["criterionId", criterion],
      ["level", level],
      ["rationale", "Seen in the records together"],
      ["basedOn", "0"],
    ];
    expect((await postForm(staff, agree, path)).status).toBe(403);
    const validator = await as(world.people.validator.id);
    expect(
      (await postForm(validator, [...agree.slice(0, 3), ["rationale", "no"]], path)).status,
    ).toBe(400);
    expect((await postForm(validator, agree, path)).status).toBe(200);
    // A double-click records one agreement.
    expect((await postForm(validator, agree, path)).status).toBe(200);
    await eventually(
      () => readRecord(watching.doc).filter((e) => e.kind === "agreed").length === 1,
      3000,
      "the agreement reaches the open record",
    );
    const agreedSeq = String(
      recordState(await listRecordEntries(world.trust.id, validation.id)).agreed[criterion]
        .agreedSeq,
    );

    const confirm: [string, string][] = [
      ["intent", "confirm"],
      ["criterionId", criterion],
      ["agreedSeq", agreedSeq],
    ];
    const observer = await as(world.people.trustLeader.id);
    expect((await postForm(observer, confirm, path)).status).toBe(403);
    expect((await postForm(validator, confirm, path)).status).toBe(403);
    const leader = await as(world.people.schoolLeader.id);
    expect((await postForm(leader, confirm, path)).status).toBe(200);
    await eventually(
      () => readRecord(watching.doc).some((e) => e.kind === "confirmed"),
      3000,
      "the confirmation reaches the open record",
    );
    const state = recordState(await listRecordEntries(world.trust.id, validation.id));
    expect(state.agreed[criterion].confirmedBy).toBe(world.people.schoolLeader.id);
    expect(state.agreed[criterion].confirmedAt).toEqual(expect.any(String));

    // The outcome is recorded from the meeting page too (the validator only).
    const outcome: [string, string][] = [
      ["intent", "outcome"],
      ["result", "validated"],
      ["basedOn", "0"],
    ];
    expect((await postForm(leader, outcome, path)).status).toBe(403);
    expect((await postForm(validator, outcome, path)).status).toBe(200);
    await eventually(
      () => readRecord(watching.doc).some((e) => e.kind === "outcome" && e.result === "validated"),
      3000,
      "the outcome reaches the open record",
    );
  });

  it("refuses a deferral whose review date is not in the future, changing nothing, and shows a recorded one as people read dates", async () => {
    const validator = await as(world.people.validator.id);
    const entries = await listRecordEntries(world.trust.id, validation.id);
    const basedOn = String(recordState(entries).outcome!.seq);
    const deferral = (reviewDate: string): [string, string][] => [
      ["intent", "outcome"],
      ["result", "deferred"],
      ["conditions", "Provide PP review"],
      ["reviewDate", reviewDate],
      ["basedOn", basedOn],
    ];
    for (const notAhead of ["2020-01-01", todayInEngland()]) {
      const refused = await postForm(validator, deferral(notAhead), path);
      expect(refused.status).toBe(400);
      expect(fieldError(refused.html, "reviewDate")).toBe("The review date must be in the future.");
    }
    expect(await listRecordEntries(world.trust.id, validation.id)).toEqual(entries);

    const year = Number(todayInEngland().slice(0, 4)) + 1;
    expect((await postForm(validator, deferral(`${year}-01-01`), path)).status).toBe(200);
    const shown = outcomeShown((await (await as(world.people.schoolLeader.id)).get(path)).html);
    expect(shown).toContain(`Deferred · conditions: Provide PP review, review 1 January ${year}`);
    expect(shown).not.toContain(`${year}-01-01`);
  });
});

describe("recording the outcome over open agenda items", () => {
  it("says beside the outcome which agenda items are not agreed or not confirmed, and still records it", async () => {
    const own = await buildWorld();
    const assigned = await buildValidation(
      own.evaluation,
      [own.people.validator.id],
      own.people.trustAdmin.id,
    );
    await saveMeetingSchedule(
      assigned,
      {
        scheduledAt: new Date(Date.now() + 3_600_000),
        videoLink: "https://meet.example.org/validation",
        agendaCriterionIds: ["sg-1", "incl-1", "incl-2"],
      },
      Object.keys(own.evaluation.levelsByCriterion),
      own.people.validator.id,
    );
    const meeting = `/validations/${assigned.id}/meeting`;
    const validator = new HttpSession(server.url);
    validator.setCookie(await cookieFor(own.people.validator.id));
    const open = async () => {
      const html = (await validator.get(meeting)).html;
      const note = /<div class="notice" role="note">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
      return note
        .replace(/<[^>]*>/g, " ")
        .replace(/\s+/g, " ")
        .trim();
    };
    expect(await open()).toBe(
      "Still open on the agenda (3 criteria): not agreed yet: 1.1, 2.1, 2.2 You can still record the outcome.",
    );

    const agree: [string, string][] = [
      ["intent", "agree"],
      ["criterionId", "incl-1"],
      ["level", own.evaluation.levelsByCriterion["incl-1"][0]],
      ["rationale", "Seen in the records together"],
      ["basedOn", "0"],
    ];
    expect((await postForm(validator, agree, meeting)).status).toBe(200);
    expect(await open()).toBe(
      "Still open on the agenda (3 criteria): not agreed yet: 1.1, 2.2 agreed, not yet confirmed by the school: 2.1 You can still record the outcome.",
    );
    const outcome: [string, string][] = [
      ["intent", "outcome"],
      ["result", "validated"],
      ["basedOn", "0"],
    ];
    const recorded = await postForm(validator, outcome, meeting);
    expect(recorded.status).toBe(200);
    // Said in the outcome's section, where the button was, not at the top of the page.
    const html = recorded.html;
    expect(html.indexOf("Outcome recorded.")).toBeGreaterThan(html.indexOf('id="outcome-heading"'));
  });
});
