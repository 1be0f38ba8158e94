import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { attachEvidence } from "../../collab/shapes/evidence.ts";
import { minutesField } from "../../collab/shapes/workspace.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { DocumentEditorModel } from "../../models/document-log/editors.ts";
import { deleteEvidenceItem, storeEvidenceFile } from "../../models/evidence/evidence.ts";
import { toLondonLocal } from "../../models/meeting/schedule.ts";
import { WorkspaceMeetingModel } from "../../models/workspace/meetings.ts";
import type { AppServer } from "../../server/app.ts";
import { png } from "../fixtures/evidence-files.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildSchool, buildUser, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// Meetings of a joint workspace, "What's new" naming who edited, and shared evidence files.
useTestDatabase();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let people: Record<
  "leaderA" | "leaderB" | "staffA" | "staff2A" | "staffB" | "outsider",
  { id: string }
>;
let workspaceId: string;
let path: string;
const clients: TestClient[] = [];
const PARALLEL = 20;

async function signedIn(userId: string, at = "/workspaces"): Promise<HttpSession> {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(at);
  return http;
}

async function connect(userId: string): Promise<TestClient> {
  const client = connectClient(
    server.url,
    documentName("workspace", workspaceId),
    await cookieFor(userId),
  );
  clients.push(client);
  return client;
}

const rendered = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

/** Posts a form with repeated fields (a list), as a browser does. */
async function postList(
  http: HttpSession,
  to: string,
  fields: Record<string, string>,
  list: [string, string[]],
) {
  const body = new URLSearchParams({ ...fields, csrf: http.csrf });
  for (const value of list[1]) body.append(list[0], value);
  const response = await fetch(server.url + to, {
    method: "POST",
    headers: {
      cookie: http.cookieHeader,
      origin: server.url,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: body.toString(),
    redirect: "manual",
  });
  return { status: response.status, html: await response.text() };
}

const nextWeek = () => toLondonLocal(new Date(Date.now() + 7 * 24 * 3600_000));

function meetingForm(extra: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "scheduleMeeting",
    title: "Phonics review",
    scheduledAt: nextWeek(),
    durationMinutes: "60",
    videoLink: "https://meet.example.org/phonics",
    agenda: "Where each school is\n- Decodable books\n3. Next steps",
    ...extra,
  };
}

beforeAll(async () => {
  world = await buildWorld();
  const third = await buildSchool(world.trust);
  people = {
    leaderA: world.people.schoolLeader,
    leaderB: await buildUser("schoolLeader", world.trust, world.otherSchool, "Jordan Lead"),
    staffA: world.people.staff,
    staff2A: world.people.staff2,
    staffB: world.people.otherStaff,
    outsider: await buildUser("schoolStaff", world.trust, third, "Olu Outside"),
  };
  server = await startTestServer();
  const leaderA = await signedIn(people.leaderA.id);
  const created = await leaderA.post("/workspaces", {
    intent: "create",
    leadSchoolId: world.school.id,
    title: "Reading together",
    schoolIds: world.otherSchool.id,
  });
  workspaceId = created.location!.split("/").at(-1)!;
  path = `/workspaces/${workspaceId}`;
  const leaderB = await signedIn(people.leaderB.id, path);
  await leaderB.post(path, { intent: "respond", schoolId: world.otherSchool.id, answer: "accept" });
  const members = `${path}/members`;
  await leaderA.get(members);
  await postList(leaderA, members, { intent: "chooseMembers", schoolId: world.school.id }, [
    "memberIds",
    [people.leaderA.id, people.staffA.id],
  ]);
  await leaderB.get(members);
  await postList(leaderB, members, { intent: "chooseMembers", schoolId: world.otherSchool.id }, [
    "memberIds",
    [people.leaderB.id, people.staffB.id],
  ]);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe("meetings of a joint workspace", () => {
  let meetingPath: string;

  it("members schedule; trust oversight, other schools' staff and signed-out people cannot", async () => {
    const memberA = await signedIn(people.staffA.id, path);
    const bad = await memberA.post(
      path,
      meetingForm({ title: "", videoLink: "http://insecure.example.org", scheduledAt: "soon" }),
    );
    expect(bad.status).toBe(400);
    const page = rendered(bad.html);
    expect(page).toContain("Give the meeting a title of at least 3 characters.");
    expect(page).toContain("The video call link must start with https://");
    expect(page).toContain("Choose the date and time");
    // A time already passed is refused beside its field, and schedules nothing.
    await memberA.get(path);
    const past = await memberA.post(path, meetingForm({ scheduledAt: "2020-01-01T09:00" }));
    expect(past.status).toBe(400);
    expect(rendered(past.html)).toContain("The date and time must not be in the past");
    // So is one more than two years ahead (a mistyped year), the same way.
    await memberA.get(path);
    const far = await memberA.post(path, meetingForm({ scheduledAt: "9999-12-31T09:00" }));
    expect(far.status).toBe(400);
    expect(rendered(far.html)).toContain("The date must be within the next 2 years");
    expect(await WorkspaceMeetingModel.countDocuments({ workspaceId })).toBe(0);

    await memberA.get(path);
    const made = await memberA.post(path, meetingForm());
    expect(made.status).toBe(302);
    expect(made.location).toMatch(new RegExp(`^${path}/meetings/[0-9a-f]{24}$`));
    meetingPath = made.location!;

    // The other school's member sees it, with its agenda (list markers taken off).
    const memberB = await signedIn(people.staffB.id);
    const seen = await memberB.get(meetingPath);
    expect(seen.status).toBe(200);
    const html = rendered(seen.html);
    expect(html).toContain("Phonics review");
    for (const item of ["Where each school is", "Decodable books", "Next steps"])
      expect(html).toContain(`<li>${item}</li>`);
    expect(rendered((await memberB.get(path)).html)).toContain("Phonics review");

    // Trust oversight reads the meeting, and schedules nothing.
    const leader = await signedIn(world.people.trustLeader.id, path);
    expect((await leader.get(meetingPath)).status).toBe(200);
    expect((await leader.post(path, meetingForm({ title: "Observer's meeting" }))).status).toBe(
      403,
    );
    // A leader of a taking-part school who is not a member reads, and schedules nothing.
    const leaderB = await signedIn(people.leaderB.id, path);
    expect((await leaderB.get(meetingPath)).status).toBe(200);
    // Another school's staff, and staff of a member school who are not members: 404.
    for (const id of [people.outsider.id, people.staff2A.id]) {
      const other = await signedIn(id);
      expect((await other.get(meetingPath)).status).toBe(404);
      expect((await other.get(`${meetingPath}.ics`)).status).toBe(404);
      expect((await other.post(path, meetingForm({ title: "Not mine" }))).status).toBe(404);
    }
    // Signed out: sent to sign in, nothing scheduled.
    const anonymous = new HttpSession(server.url);
    expect((await anonymous.get(meetingPath)).location).toMatch(/^\/sign-in/);
    const anonymousPost = await anonymous.post(path, meetingForm({ title: "Anonymous" }), {
      csrf: null,
    });
    expect(anonymousPost.status).toBeGreaterThanOrEqual(300);
    expect(anonymousPost.status).not.toBe(200);

    expect(await WorkspaceMeetingModel.countDocuments({ workspaceId })).toBe(1);
    expect(
      await AuditModel.countDocuments({
        action: "workspaceMeetingScheduled",
        subject: `workspace:${workspaceId}`,
      }),
    ).toBe(1);
  });

  it(`${PARALLEL} parallel posts of one schedule form make one meeting`, async () => {
    const memberB = await signedIn(people.staffB.id, path);
    const form = meetingForm({ title: "Attendance swap", requestId: memberB.requestId });
    expect(form.requestId).toMatch(/^[0-9a-f]{24}$/);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () => memberB.post(path, form)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(302));
    expect(new Set(answers.map((a) => a.location)).size).toBe(1);
    expect(
      await WorkspaceMeetingModel.countDocuments({ workspaceId, title: "Attendance swap" }),
    ).toBe(1);
    const id = answers[0].location!.split("/").at(-1);
    expect(
      await AuditModel.countDocuments({
        action: "workspaceMeetingScheduled",
        "details.meetingId": id,
      }),
    ).toBe(1);
  });

  it("its calendar invitation has the time, title, agenda and the workspace's link, for readers", async () => {
    const memberB = await signedIn(people.staffB.id);
    const response = await memberB.get(`${meetingPath}.ics`);
    expect(response.status).toBe(200);
    expect(response.response.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(response.response.headers.get("content-disposition")).toBe(
      'attachment; filename="workspace-meeting-phonics-review.ics"',
    );
    const ics = response.html.replace(/\r\n[ \t]/g, "");
    const meeting = (await WorkspaceMeetingModel.findById(meetingPath.split("/").at(-1)).lean())!;
    const stamp = (d: Date) =>
      d
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    expect(ics).toContain(`DTSTART:${stamp(meeting.scheduledAt)}`);
    expect(ics).toContain(`DTEND:${stamp(new Date(meeting.scheduledAt.getTime() + 3600_000))}`);
    expect(ics).toContain("SUMMARY:Phonics review (Reading together)");
    expect(ics).toContain(`UID:workspace-meeting-${meeting._id.toString()}@`);
    expect(ics).toContain(`URL:${server.url}${meetingPath}`);
    expect(ics).toContain(`The workspace: ${server.url}${path}`);
    expect(ics).toContain("2. Decodable books");
    // Trust oversight may add it to their calendar too (they read the workspace).
    const leader = await signedIn(world.people.trustLeader.id);
    expect((await leader.get(`${meetingPath}.ics`)).status).toBe(200);
  });

  it("members write the minutes live; an observer's edits never arrive; What's new names who edited", async () => {
    const meetingId = meetingPath.split("/").at(-1)!;
    // School B's member visits first: later edits are "since the last visit".
    const memberB = await signedIn(people.staffB.id);
    await memberB.get(path);
    const a = await connect(people.staffA.id);
    const b = await connect(people.staffB.id);
    const observer = await connect(world.people.trustLeader.id);
    expect(await a.authenticated).toBe("read-write");
    expect(await observer.authenticated).toBe("readonly");
    await Promise.all([a.synced, b.synced, observer.synced]);
    const minutes = a.doc.getXmlFragment(minutesField(meetingId));
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Agreed: swap decodable book lists.")]);
    minutes.insert(0, [paragraph]);
    await a.whenSaved();
    await eventually(
      () => b.doc.getXmlFragment(minutesField(meetingId)).toString().includes("swap decodable"),
      5000,
      "the minutes reach school B",
    );
    const forged = new Y.XmlElement("paragraph");
    forged.insert(0, [new Y.XmlText("forged by an observer")]);
    observer.doc.getXmlFragment(minutesField(meetingId)).insert(0, [forged]);
    a.doc.getText("marker").insert(0, "after");
    await a.whenSaved();
    await eventually(() => b.doc.getText("marker").toString() === "after");
    expect(b.doc.getXmlFragment(minutesField(meetingId)).toString()).not.toContain("forged");

    await eventually(
      async () =>
        (await DocumentEditorModel.countDocuments({
          documentName: documentName("workspace", workspaceId),
          userId: people.staffA.id,
        })) === 1,
      5000,
      "the editor's stamp",
    );
    // Nobody stamps an observer.
    expect(await DocumentEditorModel.countDocuments({ userId: world.people.trustLeader.id })).toBe(
      0,
    );
    const news = rendered((await memberB.get(path)).html);
    expect(news).toContain(
      `Notes, whiteboard or minutes edited by Alex Staff (${world.school.name})`,
    );
    // One's own edits are not news.
    const memberA = await signedIn(people.staffA.id);
    await memberA.get(path);
    expect(rendered((await memberA.get(path)).html)).not.toContain("edited by Alex Staff");
  });
});

describe("files of evidence shared with a criterion", () => {
  it("download for the workspace's readers as shared; 404 for others and once withdrawn", async () => {
    const criterionId = Object.keys(world.evaluation.levelsByCriterion)[0];
    const bytes = png("phonics tracker");
    const { item } = await storeEvidenceFile(world.evaluation, {
      uploadedBy: people.staffA.id,
      fileName: "phonics-tracker.png",
      bytes,
      contentType: "image/png",
    });
    const writer = connectClient(
      server.url,
      documentName("evaluation", world.evaluation.id),
      await cookieFor(people.staffA.id),
    );
    clients.push(writer);
    await writer.synced;
    attachEvidence(writer.doc, criterionId, item.id);
    await writer.whenSaved();

    const sharePath = `/evaluations/${world.evaluation.id}/share?criterion=${criterionId}`;
    const memberA = await signedIn(people.staffA.id, sharePath);
    const shared = await postList(memberA, sharePath, { intent: "share", workspaceId }, [
      "evidenceIds",
      [item.id],
    ]);
    expect(shared.status).toBe(200);

    const memberB = await signedIn(people.staffB.id);
    const page = (await memberB.get(path)).html;
    const link = new RegExp(`href="(${path}/shared/([0-9a-f]{24})/files/0)"`).exec(page);
    expect(link).not.toBeNull();
    const [, download, shareId] = link!;
    // The evaluation's own download stays the school's.
    expect((await memberB.get(`/evidence/${item.id}/download`)).status).toBe(404);

    const fetched = await fetch(server.url + download, {
      headers: { cookie: memberB.cookieHeader },
    });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toBe("image/png");
    expect(fetched.headers.get("x-content-type-options")).toMatch(/nosniff/);
    expect(fetched.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(bytes)).toBe(true);

    // The copy outlives the evidence item: it is the file as it was when shared.
    await deleteEvidenceItem(world.trust.id, world.evaluation.id, item.id);
    const again = await fetch(server.url + download, { headers: { cookie: memberB.cookieHeader } });
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);

    for (const id of [people.outsider.id, people.staff2A.id, world.people.validator.id]) {
      const other = await signedIn(id);
      expect((await other.get(download)).status).toBe(404);
    }
    expect((await new HttpSession(server.url).get(download)).status).toBe(404);
    expect((await memberB.get(`${path}/shared/${shareId}/files/7`)).status).toBe(404);

    await memberA.get(path);
    expect((await memberA.post(path, { intent: "withdrawShare", shareId })).status).toBe(200);
    expect((await memberB.get(download)).status).toBe(404);
  });
});

describe("an archived workspace's meetings", () => {
  it("keep their minutes for reading; nobody schedules or writes any more", async () => {
    const memberA = await signedIn(people.staffA.id, path);
    const meetingPath = /href="(\/workspaces\/[0-9a-f]{24}\/meetings\/[0-9a-f]{24})"/.exec(
      (await memberA.get(path)).html,
    )![1];
    const admin = await signedIn(world.people.trustAdmin.id, path);
    expect((await admin.post(path, { intent: "archive" })).status).toBe(302);
    await memberA.get(path);
    expect((await memberA.post(path, meetingForm({ title: "After the archive" }))).status).toBe(
      403,
    );
    expect(await WorkspaceMeetingModel.countDocuments({ title: "After the archive" })).toBe(0);
    const page = rendered((await memberA.get(meetingPath)).html);
    expect(page).toContain("<h1>Phonics review</h1>");
    const member = await connect(people.staffA.id);
    expect(await member.authenticated).toBe("readonly");
  });
});
