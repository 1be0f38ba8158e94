import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE } from "../../collab/close-codes.ts";
import { documentName } from "../../collab/document-name.ts";
import { mongoose } from "../../models/mongoose.ts";
import { inviteContributor } from "../../models/perspective/perspective.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildValidation, buildWorld } from "../support/factories.ts";
import { ensureSecondFactor } from "../support/second-factor.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { connectYjs, type YjsClient } from "../support/yjs-client.ts";

// At 5,000 sockets (issue 12) every read a socket costs on opening counts. The upgrade reads the
// session the cookie names; once the socket can be ended, the person, their second factor and
// their grants are read, once for the documents it asks for together, and each document's
// record (not its projection). The upgrade's session record serves the first of them unless a
// session ended meanwhile (collab/owner-reading.ts; tests/integration/owner-reading.test.ts).

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let evaluation: string;
const open: { destroy(): void }[] = [];

beforeAll(async () => {
  world = await buildWorld();
  evaluation = documentName("evaluation", world.evaluation.id);
  // No sweep round (it reads the sessions) inside a counted window.
  server = await startTestServer({ sessionSweepMs: 3_600_000 });
});
afterAll(async () => {
  for (const client of open) client.destroy();
  await server.close();
});

/** How many commands each collection was sent while `run` ran. */
async function commandsWhile(run: () => Promise<void>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  mongoose.set("debug", (collection: string) => {
    counts[collection] = (counts[collection] ?? 0) + 1;
  });
  try {
    await run();
  } finally {
    mongoose.set("debug", false);
  }
  return counts;
}

/** The reads that say who the socket's person is, and what the documents' records are. */
function whoAndWhat(counts: Record<string, number>) {
  const { sessions, users, secondfactors, memberships, evaluations } = counts;
  return { sessions, users, secondfactors, memberships, evaluations };
}

function collab(cookie: string, name = evaluation): TestClient {
  const client = connectClient(server.url, name, cookie);
  open.push(client);
  return client;
}

function yjs(cookie: string): YjsClient {
  const client = connectYjs(server.url, evaluation, { cookie });
  open.push(client);
  return client;
}

describe("a socket opening a document", () => {
  beforeAll(async () => {
    // Loaded already (someone is on it): what is counted is the socket, not the document's load.
    await collab(await cookieFor(world.people.staff2.id)).synced;
  });

  it.each([
    ["/collab", (cookie: string) => collab(cookie).synced],
    ["/yjs/", (cookie: string) => yjs(cookie).synced],
  ])("on %s reads the session, the person and the record once each", async (_, connect) => {
    const cookie = await cookieFor(world.people.staff.id);
    const counts = await commandsWhile(() => connect(cookie));
    expect({
      ...whoAndWhat(counts),
      // Who contributes (ADR 051): not read for its school's own team, who may read it
      // whoever was invited (ADR 049).
      contributors: counts.contributors ?? 0,
      // What people wrote, for pages: deciding access needs the record only.
      evaluationprojections: counts.evaluationprojections ?? 0,
    }).toEqual({
      sessions: 1,
      users: 1,
      secondfactors: 1,
      memberships: 1,
      evaluations: 1,
      contributors: 0,
      evaluationprojections: 0,
    });
  });

  it("reads who contributes only for someone who may not read it otherwise", async () => {
    // Of another school: in only as an invited contributor, which a contributor record says.
    const outsider = await buildUser("schoolStaff", world.trust, world.otherSchool, "Lee Guest");
    const cookie = await cookieFor(outsider.id);
    const refused = await commandsWhile(async () => {
      await expect(collab(cookie).authenticated).rejects.toThrow(CLOSE.forbidden.reason);
    });
    expect(refused.contributors).toBe(1);
    await inviteContributor(world.evaluation, {
      userId: outsider.id,
      perspective: "schoolLeader",
      invitedBy: world.people.schoolLeader.id,
    });
    const counts = await commandsWhile(async () => {
      expect(await collab(cookie).authenticated).toBe("readonly");
    });
    expect({
      evaluations: counts.evaluations,
      contributors: counts.contributors,
    }).toEqual({ evaluations: 1, contributors: 1 });
  });
});

describe("a socket opening a page's documents together", () => {
  it("reads the person once for all of them, and each record once", async () => {
    const staff = await buildUser("schoolStaff", world.trust, world.school, "Pat Twodocs");
    const cookie = await cookieFor(staff.id);
    const counts = await commandsWhile(async () => {
      // As the evaluation page does: the evaluation and its discussion on one socket, at once.
      const client = collab(cookie);
      const discussion = client.alsoOpen(documentName("discussion", world.evaluation.id));
      expect(await client.authenticated).toBe("read-write");
      // Comments are written through commands, so the discussion is read-only on the socket.
      expect(await discussion.authenticated).toBe("readonly");
    });
    expect(whoAndWhat(counts)).toEqual({
      sessions: 1,
      users: 1,
      secondfactors: 1,
      memberships: 1,
      // The evaluation and its discussion are of one record, read once for both (ADR 049).
      evaluations: 1,
    });
  });
});

describe("a validator's socket opening the meeting page's four documents together", () => {
  it("reads the validation once and the evaluation once, and not who contributes", async () => {
    const validator = await buildUser("validator", world.trust, undefined, "Vic Fourdocs");
    const validation = await buildValidation(
      world.evaluation,
      [validator.id],
      world.people.trustAdmin.id,
    );
    const cookie = await cookieFor(validator.id);
    // As the meeting page does: the meeting, the evaluation, its record and its discussion.
    const openPage = async () => {
      const client = collab(cookie, documentName("meeting", validation.id));
      const others = [
        client.alsoOpen(documentName("evaluation", world.evaluation.id)),
        client.alsoOpen(documentName("discussion", world.evaluation.id)),
        client.alsoOpen(documentName("record", validation.id)),
      ];
      await Promise.all([client, ...others].map((doc) => doc.authenticated));
      return [client, ...others];
    };
    // Loaded already (the page open in another tab): what is counted is the socket.
    await Promise.all((await openPage()).map((doc) => doc.synced));
    const counts = await commandsWhile(async () => void (await openPage()));
    expect({
      validations: counts.validations,
      evaluations: counts.evaluations,
      contributors: counts.contributors ?? 0,
    }).toEqual({ validations: 1, evaluations: 1, contributors: 0 });
  });
});

describe("a socket whose second factor falls due after it was let in", () => {
  it("is closed as signed out when it asks for another document, not left open with the first", async () => {
    const staff = await buildUser("schoolStaff", world.trust, world.school, "Sam Latefactor");
    const client = collab(await cookieFor(staff.id));
    expect(await client.authenticated).toBe("read-write");
    // Their session passed no second factor: with one set up now, it is halfway signed in.
    await ensureSecondFactor(staff.id);
    const other = client.alsoOpen(documentName("discussion", world.evaluation.id));
    await expect(other.authenticated).rejects.toThrow(CLOSE.sessionEnded.reason);
    await eventually(
      () => client.closeEvents.some((e) => e.code === CLOSE.sessionEnded.code),
      2000,
      "the socket closed as signed out",
    );
  });
});
