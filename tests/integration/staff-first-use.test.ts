import { describe, expect, it } from "vitest";
import { listComments, listThreads, newRequestId } from "../../collab/shapes/discussion.ts";
import { formatMoment } from "../../models/dates.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import { whoMaySubmit } from "../../models/evaluation/submitters.ts";
import { grantRole } from "../../models/membership/membership.ts";
import { evaluationResource } from "../../models/permissions/loaders.ts";
import { documentName } from "../../collab/document-name.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildUser } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { judgeAndWait } from "../support/judge.ts";
import { shownText } from "../support/page-text.ts";
import { cookieFor } from "../support/sessions.ts";
import { useWorldAndServer } from "../support/world-and-server.ts";

// What a member of the school's staff is told on a first walk through her school's evaluation,
// as the server decides it: who may submit it, that an over-long comment is refused (never cut),
// and when an evaluation was created rather than saved.

useTestDatabase();
const the = useWorldAndServer();

async function signedIn(userId: string) {
  const http = new HttpSession(the.server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

const textOf = async (http: HttpSession, path: string) => {
  const page = await http.get(path);
  expect(page.status, path).toBe(200);
  return shownText(page.html);
};

describe("who may submit an evaluation, for those who may not", () => {
  it("is asked of `can` for the school's people and the trust's: its leaders, by name and role", async () => {
    const { world } = the;
    const resource = await evaluationResource(world.evaluation);
    expect(await whoMaySubmit(resource)).toEqual([
      { userId: world.people.schoolLeader.id, name: "Sam Leader", role: "School leader" },
    ]);

    // A second leader joins them (in order of name); staff, the trust's admin and leaders, and
    // the leader of another school never may.
    const jo = await buildUser("schoolLeader", world.trust, world.school, "Jo Bloggs");
    await buildUser("schoolLeader", world.trust, world.otherSchool, "Other Leader");
    // Staff here and leader there: may not submit here.
    await grantRole(world.trust.id, {
      userId: world.people.staff.id,
      role: "schoolLeader",
      schoolId: world.otherSchool.id,
    });
    expect((await whoMaySubmit(resource)).map((s) => s.userId)).toEqual([
      jo.id,
      world.people.schoolLeader.id,
    ]);
  });

  it("is named on the evaluation's page for its staff, and not for the leader who submits", async () => {
    const evaluation = await buildEvaluation(
      the.world.school,
      the.world.people.schoolLeader,
      the.world.trust,
    );
    const staff = await textOf(
      await signedIn(the.world.people.staff.id),
      `/evaluations/${evaluation.id}`,
    );
    expect(staff).toContain(
      "Jo Bloggs or Sam Leader (school leaders) can submit the evaluation for validation when the team is ready.",
    );
    const leader = await textOf(
      await signedIn(the.world.people.schoolLeader.id),
      `/evaluations/${evaluation.id}`,
    );
    expect(leader).not.toContain("can submit the evaluation for validation when");
    expect(leader).toContain("When the team is ready, you submit the evaluation for validation.");
    // The Validation tab names them too, instead of "submit it from its page".
    const tab = await textOf(
      await signedIn(the.world.people.staff.id),
      `/evaluations/${evaluation.id}/validation`,
    );
    expect(tab).toContain(
      "Not submitted yet. When the team is ready, Jo Bloggs or Sam Leader (school leaders) can submit the evaluation from its page",
    );
  });
});

describe("a comment over the limit", () => {
  it("is refused with a 400 and a message by the field, and nothing is written", async () => {
    const { world, server } = the;
    const http = await signedIn(world.people.staff.id);
    await http.get(`/evaluations/${world.evaluation.id}`);
    const path = `/evaluations/${world.evaluation.id}/discussion`;
    const post = async (fields: Record<string, string>) => {
      const answer = await http.post(path, fields);
      return { status: answer.status, ...(JSON.parse(answer.html) as object) } as {
        status: number;
        fieldErrors?: Record<string, string>;
      };
    };
    const tooLong = "x".repeat(20_000);
    const started = await post({
      intent: "start",
      requestId: newRequestId(),
      criterionId: "incl-1",
      body: tooLong,
    });
    expect(started.status).toBe(400);
    expect(started.fieldErrors?.body).toBe("Keep a comment to 2,000 characters.");

    // A reply, and an edit, the same.
    const thread = newRequestId();
    expect(
      (await post({ intent: "start", requestId: thread, criterionId: "incl-1", body: "Short" }))
        .status,
    ).toBe(200);
    const replied = await post({
      intent: "reply",
      threadId: thread,
      requestId: newRequestId(),
      body: tooLong,
    });
    expect(replied.status).toBe(400);
    expect(replied.fieldErrors?.body).toBe("Keep a comment to 2,000 characters.");
    const edited = await post({ intent: "edit", commentId: thread, body: tooLong });
    expect(edited.status).toBe(400);
    expect(edited.fieldErrors?.body).toBe("Keep a comment to 2,000 characters.");

    // Only the short thread, its one comment as written: nothing cut to 2,000 and kept.
    const discussion = await server.collab.read(documentName("discussion", world.evaluation.id));
    expect(listThreads(discussion).map((t) => t.id)).toEqual([thread]);
    expect(listComments(discussion, thread).map((c) => c.body)).toEqual(["Short"]);
  });
});

describe("the school's page", () => {
  it("says when an evaluation was created until someone changes it, then when it was last saved", async () => {
    const { world, server } = the;
    const evaluation = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
    const created = `Created ${formatMoment(evaluation.createdAt)}`;
    const staff = await signedIn(world.people.staff.id);
    const schoolPage = () => textOf(staff, `/schools/${world.school.id}`);
    // Its card: from its title to its progress ("0 of 31 criteria judged").
    const card = async () => {
      const text = await schoolPage();
      const from = text.indexOf(evaluation.title);
      return text.slice(from, text.indexOf("criteria judged", from));
    };
    expect(await card()).toContain(`Not started ${created}`);
    expect(await card()).not.toContain("Last saved");

    // Looking at it is nobody's change (ADR 053): still as created.
    await textOf(await signedIn(world.people.trustLeader.id), `/evaluations/${evaluation.id}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await card()).toContain(created);

    await judgeAndWait(server, evaluation, { "incl-1": "expected" });
    const saved = (await getEvaluation(evaluation.trustId, evaluation.id))!.projection
      .lastActivityAt;
    expect(await card()).toContain(`In progress Last saved ${formatMoment(saved)}`);
    expect(await card()).not.toContain("Created");
  });
});
