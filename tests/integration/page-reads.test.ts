import { describe, expect, it } from "vitest";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { memoOf, openRequestMemo, sharedRead } from "../../models/request-memo.ts";
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
    // The evaluation's snapshots, in one read (ADR 051).
    expect(finds.evaluationsnapshots).toBe(1);
    expect(finds.evaluationsnapshotlists).toBeUndefined();
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
  /** A request as Express hands it over, and the Request Remix gives a loader (headers copied). */
  function pageRequest(method: string, headers: Record<string, string> = {}) {
    const req = new IncomingMessage(new Socket());
    req.method = method;
    Object.assign(req.headers, headers);
    const res = new ServerResponse(req);
    openRequestMemo(req, res);
    const loaderRequest = () =>
      new Request("http://localhost/home", {
        method,
        headers: req.headers as Record<string, string>,
      });
    return { res, loaderRequest };
  }

  it("shares one read per key among a GET's loaders, and none between requests", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const page = pageRequest("GET");
    const inOne = await Promise.all([
      sharedRead(memoOf(page.loaderRequest()), "k", read),
      sharedRead(memoOf(page.loaderRequest()), "k", read),
      sharedRead(memoOf(page.loaderRequest()), "j", read),
    ]);
    expect(inOne[0]).toBe(inOne[1]);
    expect(reads).toBe(2);
    await sharedRead(memoOf(pageRequest("GET").loaderRequest()), "k", read);
    expect(reads).toBe(3);
  });

  it("is dropped once the response is done, and never opened for an action", async () => {
    const page = pageRequest("GET");
    expect(memoOf(page.loaderRequest())).toBeDefined();
    page.res.emit("close");
    expect(memoOf(page.loaderRequest())).toBeUndefined();
    expect(memoOf(pageRequest("POST").loaderRequest())).toBeUndefined();
  });

  it("is the server's own: a memo named by the client is never used", async () => {
    const other = pageRequest("GET");
    const id = other.loaderRequest().headers.get("x-qm-request-memo")!;
    const forged = { "x-qm-request-memo": id };
    expect(memoOf(pageRequest("POST", forged).loaderRequest())).toBeUndefined();
    const get = pageRequest("GET", forged).loaderRequest();
    expect(memoOf(get)).toBeDefined();
    expect(memoOf(get)).not.toBe(memoOf(other.loaderRequest()));
  });

  it("without a memo, reads every time", async () => {
    let reads = 0;
    const read = async () => ++reads;
    await Promise.all([sharedRead(undefined, "k", read), sharedRead(undefined, "k", read)]);
    expect(reads).toBe(2);
  });
});
