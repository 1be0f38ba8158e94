import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { formatDay } from "../../models/dates.ts";
import { CycleModel } from "../../models/cycle/cycle.ts";
import { EvaluationModel, getEvaluation } from "../../models/evaluation/evaluation.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import type { FrameworkVersion } from "../../models/framework/framework.ts";
import type { School } from "../../models/school/school.ts";
import type { User } from "../../models/user/user.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import {
  buildEvaluation,
  buildSchool,
  buildStarterFramework,
  buildUser,
  buildWorld,
} from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// Distributing a cycle to a school already working on the framework adopts that work into the
// cycle: never a second, empty evaluation beside it (issue 9, "cycles adopt").
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let version: FrameworkVersion;
const clients: TestClient[] = [];
const DUE = "2027-07-15";

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

/** What the distribute page's form sends (one batch), as the trust admin; its JSON answer. */
async function distribute(admin: HttpSession, name: string, schoolIds: string[]) {
  const body = new URLSearchParams({ versionId: version.id, name, dueDate: DUE, csrf: admin.csrf });
  for (const id of schoolIds) body.append("schoolId", id);
  const response = await fetch(
    `${server.url}/cycles/new?version=${version.id}&_data=routes%2Fcycles.new`,
    {
      method: "POST",
      body,
      headers: {
        cookie: admin.cookieHeader,
        origin: server.url,
        "content-type": "application/x-www-form-urlencoded",
      },
    },
  );
  return { status: response.status, body: await response.json() };
}

async function adminOnDistributePage() {
  const admin = await as(world.people.trustAdmin.id);
  await admin.get(`/cycles/new?version=${version.id}`);
  return admin;
}

/** Judges the first criterion of `evaluationId` live, as `person`, and waits until it is saved. */
async function judgeFirstCriterion(evaluationId: string, person: User) {
  const evaluation = (await getEvaluation(world.trust.id, evaluationId))!;
  const [criterionId, levels] = Object.entries(evaluation.levelsByCriterion)[0];
  const client = connectClient(
    server.url,
    documentName("evaluation", evaluationId),
    await cookieFor(person.id),
  );
  clients.push(client);
  await client.synced;
  judgementsOf(client.doc).set(criterionId, levels[1]);
  await client.whenSaved();
  await eventually(
    async () => (await getEvaluation(world.trust.id, evaluationId))!.projection.judgedCount === 1,
    10_000,
    "the projection",
  );
  return { criterionId, level: levels[1] };
}

// Remix copies loader data into scripts: assert on what the page shows, not on that copy.
const withoutScripts = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

const evaluationsOf = (school: School) =>
  EvaluationModel.find({ schoolId: school.id, frameworkId: version.frameworkId }).lean();

beforeAll(async () => {
  world = await buildWorld();
  version = await buildStarterFramework(world.trust);
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe("distributing a cycle over existing evaluations", () => {
  it("adopts the school's unfinished evaluation with its work; home and the overview show it", async () => {
    await judgeFirstCriterion(world.evaluation.id, world.people.staff);
    const before = await EvaluationModel.findById(world.evaluation.id).lean();

    const admin = await adminOnDistributePage();
    const preview = await admin.get(`/cycles/new?version=${version.id}`);
    expect(preview.html).toContain("1 school already has an evaluation on this framework");
    expect(preview.html).toContain("it joins this cycle with its work");

    const { status, body } = await distribute(admin, "Self-evaluation 2026–27 (trust)", [
      world.school.id,
      world.otherSchool.id,
    ]);
    expect(status).toBe(200);
    expect(body.adopted).toEqual([{ school: world.school.name, title: world.evaluation.title }]);
    expect(body.created).toEqual([world.otherSchool.name]);
    expect(body.prefilled).toEqual([]);

    // One evaluation at the school: the same record, now in the cycle, its work and version kept.
    const mine = await evaluationsOf(world.school);
    expect(mine).toHaveLength(1);
    expect(mine[0]._id.toString()).toBe(world.evaluation.id);
    expect(mine[0].cycleId?.toString()).toBe(body.cycleId);
    expect(mine[0].dueDate?.toISOString()).toBe(`${DUE}T23:59:59.000Z`);
    expect(mine[0].slot).toBe(before!.slot);
    expect(mine[0].frameworkVersionId.toString()).toBe(before!.frameworkVersionId.toString());
    expect(mine[0].title).toBe(world.evaluation.title);
    expect(
      await AuditModel.countDocuments({
        action: "evaluationAdopted",
        subject: `evaluation:${world.evaluation.id}`,
      }),
    ).toBe(1);

    // The school's home card shows that evaluation's real progress and its due date.
    const home = await (await as(world.people.schoolLeader.id)).get("/home");
    expect(home.html).toContain(`href="/evaluations/${world.evaluation.id}"`);
    expect(home.html).toMatch(/1 of \d+ criteria judged/);
    expect(home.html).toContain("Due 15 July 2027");

    // The cycle overview's row for the school is that evaluation, with its work.
    const overview = await (await as(world.people.trustLeader.id)).get(`/cycles/${body.cycleId}`);
    expect(overview.html).toContain(`href="/evaluations/${world.evaluation.id}"`);
    const row = withoutScripts(overview.html)
      .split("<tr")
      .find((r) => r.includes(world.school.name))!;
    expect(row).toContain("In progress");
    expect(row).not.toContain("Not started");
  });

  it("leaves one evaluation per school when 20 identical distributions run at once", async () => {
    const working = await buildSchool(world.trust);
    const fresh = await buildSchool(world.trust);
    const leader = await buildUser("schoolLeader", world.trust, working);
    const existing = await buildEvaluation(working, leader, world.trust);

    const admin = await adminOnDistributePage();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        distribute(admin, "Parallel cycle 2026–27", [working.id, fresh.id]),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const cycleId = answers[0].body.cycleId;
    expect(answers.every((a) => a.body.cycleId === cycleId)).toBe(true);
    expect(
      await CycleModel.countDocuments({
        trustId: world.trust.id,
        nameKey: "parallel cycle 2026-27",
      }),
    ).toBe(1);

    const atWorking = await evaluationsOf(working);
    expect(atWorking).toHaveLength(1);
    expect(atWorking[0]._id.toString()).toBe(existing.id);
    expect(atWorking[0].cycleId?.toString()).toBe(cycleId);
    expect(await evaluationsOf(fresh)).toHaveLength(1);
    expect(await EvaluationModel.countDocuments({ cycleId })).toBe(2);
    // Every answer tells the truth about the outcome: the school was adopted or already in.
    for (const { body } of answers) {
      expect([
        ...body.adopted.map((a: { school: string }) => a.school),
        ...body.existing,
      ]).toContain(working.name);
    }
  });

  it("starts a new evaluation pre-filled from a finished one, which stays as it was", async () => {
    const school = await buildSchool(world.trust);
    const leader = await buildUser("schoolLeader", world.trust, school);
    const last = await buildEvaluation(school, leader, world.trust);
    const judged = await judgeFirstCriterion(last.id, leader);
    await setEvaluationStatus(world.trust.id, last.id, "accredited", { from: ["inProgress"] });

    const admin = await adminOnDistributePage();
    const preview = await admin.get(`/cycles/new?version=${version.id}`);
    expect(preview.html).toContain(
      `Its last evaluation, “${last.title}”, is accredited: a new one starts pre-filled from it.`,
    );
    const { body } = await distribute(admin, "Next cycle 2027–28", [school.id]);
    expect(body.prefilled).toEqual([{ school: school.name, from: last.title }]);
    expect(body.adopted).toEqual([]);

    const all = await evaluationsOf(school);
    expect(all).toHaveLength(2);
    const next = all.find((e) => e._id.toString() !== last.id)!;
    expect(next.cycleId?.toString()).toBe(body.cycleId);
    const kept = all.find((e) => e._id.toString() === last.id)!;
    expect(kept.cycleId).toBeNull();
    expect(kept.status).toBe("accredited");

    const client = connectClient(
      server.url,
      documentName("evaluation", next._id.toString()),
      await cookieFor(leader.id),
    );
    clients.push(client);
    await client.synced;
    expect(judgementsOf(client.doc).get(judged.criterionId)).toBe(judged.level);
  });

  it("says what distributing again does: a school already in the cycle keeps its evaluation, nothing new", async () => {
    const school = await buildSchool(world.trust);
    const leader = await buildUser("schoolLeader", world.trust, school);
    const own = await buildEvaluation(school, leader, world.trust);
    const admin = await adminOnDistributePage();
    const first = withoutScripts((await admin.get(`/cycles/new?version=${version.id}`)).html);
    // The page offers a cycle name: distribute under it, then come back to the page.
    const nameField = () => first.match(/<input[^>]*name="name"[^>]*>/)![0];
    const name = nameField().match(/value="([^"]+)"/)![1];
    expect(first).toContain(`Has “${own.title}” (`);
    expect((await distribute(admin, name, [school.id])).body.adopted).toEqual([
      { school: school.name, title: own.title },
    ]);

    const again = withoutScripts((await admin.get(`/cycles/new?version=${version.id}`)).html);
    expect(again.match(/<input[^>]*name="name"[^>]*>/)![0]).toContain(`value="${name}"`);
    const hint = again.match(new RegExp(`<p class="hint" id="hint-${school.id}">([^<]*)</p>`));
    expect(hint?.[1]).toMatch(
      new RegExp(
        `^Already has “${own.title}” in this cycle \\([^)]*\\): it stays as it is, and nothing new is made\\.$`,
      ),
    );
    // The notice counts it among those already in the cycle (the others' cases depend on them).
    const notice = again.match(/<p class="notice" id="existing-work">([^<]*)<\/p>/)![1];
    expect(notice).toContain("1 school is already in this cycle and keeps its evaluation as it is");

    // And that is what happens.
    const { body } = await distribute(admin, name, [school.id]);
    expect(body.existing).toEqual([school.name]);
    expect(body.created).toEqual([]);
    expect(body.prefilled).toEqual([]);
    expect(await evaluationsOf(school)).toHaveLength(1);
  });

  it("says on the form that the name is an existing cycle the schools will join, and after, that they joined it", async () => {
    const [first, second, third] = [
      await buildSchool(world.trust),
      await buildSchool(world.trust),
      await buildSchool(world.trust),
    ];
    const admin = await adminOnDistributePage();
    const path = `/cycles/new?version=${version.id}`;
    const nameField = (html: string) => html.match(/<input[^>]*name="name"[^>]*>/)![0];

    // A new name makes a new cycle, and says nothing of joining; the same name again joins it.
    const fresh = `Joining check ${Date.now()}`;
    expect((await distribute(admin, fresh, [first.id])).body.joinedCycle).toBeNull();
    const rejoined = await distribute(admin, fresh.toUpperCase(), [second.id]);
    expect(rejoined.body.joinedCycle).toBe(fresh);

    // The page offers the name of this year's cycle, which exists once distributed under.
    const name = nameField(withoutScripts((await admin.get(path)).html)).match(
      /value="([^"]+)"/,
    )![1];
    await distribute(admin, name, [first.id]);
    const cycle = (await CycleModel.findOne({ trustId: world.trust.id, name }).lean())!;
    const inIt = new Set(
      (await EvaluationModel.find({ cycleId: cycle._id }).lean()).map((e) => e.schoolId.toString()),
    ).size;
    expect(inIt).toBeGreaterThan(0);

    // Before distributing, the form says, with the name field, that the schools will join it.
    const again = withoutScripts((await admin.get(path)).html);
    expect(nameField(again)).toContain(`value="${name}"`);
    // What the field is described by (read with it by a screen reader).
    const describedBy = (nameField(again).match(/aria-describedby="([^"]*)"/)?.[1] ?? "")
      .split(" ")
      .filter(Boolean)
      .map((id) => again.split(`id="${id}">`)[1]?.split("</p>")[0] ?? "")
      .join(" ");
    expect(describedBy).toBe(
      `“${name}” is an existing cycle (${inIt} ${inIt === 1 ? "school" : "schools"}, due ${formatDay(cycle.dueDate)}). The schools you choose will join it rather than start a new cycle, and it keeps its due date.`,
    );

    // Distributed (a form sent without scripts): the confirmation says they joined it.
    const done = await admin.post(path, {
      versionId: version.id,
      name,
      dueDate: DUE,
      schoolId: third.id,
    });
    expect(withoutScripts(done.html)).toContain(
      `“${name}” is an existing cycle: the schools joined it, rather than starting a new cycle.`,
    );
    const [joined] = await evaluationsOf(third);
    expect(joined?.cycleId?.toString()).toBe(cycle._id.toString());
  });
});
