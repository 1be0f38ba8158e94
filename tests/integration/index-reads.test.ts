import { describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { mongoose } from "../../models/mongoose.ts";
import { UserModel } from "../../models/user/user.ts";
import { connectClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { TEST_PASSWORD, buildValidation } from "../support/factories.ts";
import { readsSentDuring, type SentRead } from "../support/finds.ts";
import { HttpSession } from "../support/http.ts";
import { judgeOneCriterion } from "../support/judge.ts";
import { cookieFor } from "../support/sessions.ts";
import { useWorldAndServer, type World } from "../support/world-and-server.ts";

// ADRs 036, 038 and 040: the embedded FerretDB reads through an index whenever a filter names
// `_id` or an indexed field with a string or ObjectId. A read that plans a SCAN reads every
// record of the collection, every trust's, so it grows with the whole database. This asks
// FerretDB how it reads each filter the pages and sockets of every role send.

useTestDatabase();
const the = useWorldAndServer();

/** The reads among `reads` that SQLite answers by scanning the whole collection. */
async function scans(reads: SentRead[]): Promise<string[]> {
  const found = new Set<string>();
  for (const { command, collection, filter } of reads) {
    const answer = await mongoose.connection.db!.command({
      explain: { find: collection, filter },
    });
    const plan = JSON.stringify(answer.queryPlanner);
    if (/SCAN /.test(plan)) found.add(`${command} ${collection} ${JSON.stringify(filter)}`);
  }
  return [...found];
}

async function pagesAndSocket(world: World, person: keyof World["people"], pages: string[]) {
  const cookie = await cookieFor(world.people[person].id);
  const http = new HttpSession(the.server.url);
  http.setCookie(cookie);
  return readsSentDuring(async () => {
    for (const page of pages) expect((await http.get(page)).status, page).toBe(200);
    const client = connectClient(
      the.server.url,
      documentName("evaluation", world.evaluation.id),
      cookie,
    );
    await client.synced;
    client.destroy();
  });
}

describe("what each role's pages and sockets read", () => {
  it("signing in goes through an index: no sweep of everyone's sessions (ADR 056)", async () => {
    const email = (await UserModel.findById(the.world.people.staff.id).lean())!.email;
    const http = new HttpSession(the.server.url);
    await http.get("/sign-in");
    const reads = await readsSentDuring(async () => {
      const signedIn = await http.post("/sign-in", { email, password: TEST_PASSWORD });
      expect(signedIn.status).toBe(302);
    });
    expect(reads.some((read) => read.collection === "sessions")).toBe(true);
    expect(await scans(reads)).toEqual([]);
  });

  it("submitting, adding a person and signing out: every read goes through an index", async () => {
    const { world } = the;
    await judgeOneCriterion(the.server, world.evaluation);
    const leader = new HttpSession(the.server.url);
    leader.setCookie(await cookieFor(world.people.schoolLeader.id));
    await leader.get(`/evaluations/${world.evaluation.id}`);
    const admin = new HttpSession(the.server.url);
    admin.setCookie(await cookieFor(world.people.trustAdmin.id));
    await admin.get("/trust");
    const reads = await readsSentDuring(async () => {
      const submitted = await leader.post(`/evaluations/${world.evaluation.id}/submit`, {});
      expect(submitted.status).toBe(302);
      const added = await admin.post("/trust", {
        intent: "addPerson",
        name: "Indexed Person",
        email: "indexed@test.example",
        role: "validator",
        password: "a long first password",
      });
      expect(added.status).toBeLessThan(400);
      expect((await leader.post("/sign-out", {})).status).toBe(302);
    });
    expect(reads.length).toBeGreaterThan(10);
    expect(await scans(reads)).toEqual([]);
  });

  it("appending to the audit log (every sign-in) goes through an index (ADR 055)", async () => {
    const reads = await readsSentDuring(() =>
      recordAudit({
        trustId: the.world.trust.id,
        actorId: null,
        action: "signIn",
        subject: "user:someone",
        details: {},
      }),
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(await scans(reads)).toEqual([]);
  });

  it("a school's team: every read goes through an index", async () => {
    const { world } = the;
    const evaluation = `/evaluations/${world.evaluation.id}`;
    for (const person of ["staff", "schoolLeader"] as const) {
      const reads = await pagesAndSocket(world, person, [
        "/home",
        evaluation,
        `${evaluation}/perspectives`,
        `${evaluation}/history`,
        `/schools/${world.school.id}`,
      ]);
      expect(reads.length).toBeGreaterThan(10);
      expect(await scans(reads), person).toEqual([]);
    }
  });

  it("trust leaders and validators: every read goes through an index", async () => {
    const { world } = the;
    // Assigned, so the validator's pages list it and their socket is let in.
    const validation = await buildValidation(
      world.evaluation,
      [world.people.validator.id],
      world.people.trustAdmin.id,
    );
    for (const [person, pages] of [
      [
        "trustLeader",
        [
          "/home",
          "/insight",
          "/insight/heat-map",
          "/insight/stack",
          `/evaluations/${world.evaluation.id}`,
        ],
      ],
      ["trustAdmin", ["/home", "/trust", "/trust/audit", "/frameworks", "/cycles"]],
      [
        "validator",
        [
          "/home",
          "/validations",
          `/validations/${validation.id}/prepare`,
          `/validations/${validation.id}/meeting`,
        ],
      ],
    ] as const) {
      const reads = await pagesAndSocket(world, person, [...pages]);
      expect(reads.length).toBeGreaterThan(5);
      expect(await scans(reads), person).toEqual([]);
    }
  });
});
