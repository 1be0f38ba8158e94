import { describe, expect, it } from "vitest";
import { sharedRead, withRequestMemo } from "../../models/request-memo.ts";
import { useTestDatabase } from "../support/database.ts";
import { useWorldAndServer } from "../support/world-and-server.ts";
import { findsDuring } from "../support/finds.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();

/** Who is signed in: the session, the person, their grants and their second factor. */
const SIGNED_IN = ["sessions", "users", "memberships", "secondfactors"];

const the = useWorldAndServer();

describe("a page request", () => {
  it("reads who is signed in once, though the layout's and the page's loaders both ask", async () => {
    const cookie = await cookieFor(the.world.people.schoolLeader.id);
    for (const page of ["/home", `/evaluations/${the.world.evaluation.id}`]) {
      const finds = await findsDuring(async () => {
        const response = await fetch(`${the.server.url}${page}`, { headers: { cookie } });
        expect(response.status, page).toBe(200);
        await response.text();
      });
      for (const collection of SIGNED_IN)
        expect(finds[collection], `${page}: ${collection}`).toBe(1);
    }
  });

  it("reads an evaluation's submissions once, though its page asks for them twice", async () => {
    const cookie = await cookieFor(the.world.people.schoolLeader.id);
    const finds = await findsDuring(async () => {
      const response = await fetch(`${the.server.url}/evaluations/${the.world.evaluation.id}`, {
        headers: { cookie },
      });
      expect(response.status).toBe(200);
      await response.text();
    });
    // The evaluation's list of snapshots, once (ADR 037); it has none, so no row is read.
    expect(finds.evaluationsnapshotlists).toBe(1);
    expect(finds.evaluationsnapshots).toBeUndefined();
  });

  it("reads it again for the next request: nothing outlives one", async () => {
    const cookie = await cookieFor(the.world.people.staff.id);
    const finds = await findsDuring(async () => {
      for (let i = 0; i < 3; i++)
        await (await fetch(`${the.server.url}/home`, { headers: { cookie } })).text();
    });
    expect(finds.sessions).toBe(3);
  });
});

describe("the request memo", () => {
  it("shares one read per key within a request, and none between requests or outside one", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const inOne = await withRequestMemo(() =>
      Promise.all([
        sharedRead("k", read),
        sharedRead("k", read),
        sharedRead("j", read),
      ]),
    );
    expect(inOne[0]).toBe(inOne[1]);
    expect(reads).toBe(2);
    await withRequestMemo(() => sharedRead("k", read));
    expect(reads).toBe(3);
    await sharedRead("k", read);
    await sharedRead("k", read);
    expect(reads).toBe(5);
  });
});
