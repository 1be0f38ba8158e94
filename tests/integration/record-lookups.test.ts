import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildTrust, buildUser, buildWorld } from "../support/factories.ts";
import { readFiltersDuring } from "../support/finds.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// The embedded FerretDB (v1) finds a record by `_id` in SQLite, but answers a filter with any
// other field beside `_id` by reading and unpacking every record of the collection (ADR 020).
// So one record is always looked up by `_id` alone, its trust checked in our code (ofTrust).

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});
afterAll(() => server.close());

/** The filters of every read sent while `run` runs that name an `_id` beside other fields. */
async function idLookupsWithMore(run: () => Promise<void>): Promise<string[]> {
  return (await readFiltersDuring(run))
    .filter(({ keys }) => keys.includes("_id") && keys.length > 1)
    .map(({ collection, method, keys }) => `${method} ${collection} ${keys.join(",")}`);
}

describe("one record, looked up by its id", () => {
  it("is read by _id alone when a school's team opens their pages and their evaluation's socket", async () => {
    const cookie = await cookieFor(world.people.staff.id);
    const http = new HttpSession(server.url);
    http.setCookie(cookie);
    const reads = await idLookupsWithMore(async () => {
      expect((await http.get(`/evaluations/${world.evaluation.id}`)).status).toBe(200);
      expect((await http.get(`/schools/${world.school.id}`)).status).toBe(200);
      const client = connectClient(
        server.url,
        documentName("evaluation", world.evaluation.id),
        cookie,
      );
      await client.synced;
      client.destroy();
    });
    expect(reads).toEqual([]);
  });

  it("is still not found for someone of another trust (the trust is checked after the read)", async () => {
    const elsewhere = await buildUser("trustAdmin", await buildTrust(), undefined, "Kim Elsewhere");
    const other = new HttpSession(server.url);
    other.setCookie(await cookieFor(elsewhere.id));
    expect((await other.get(`/evaluations/${world.evaluation.id}`)).status).toBe(404);
    expect((await other.get(`/schools/${world.school.id}`)).status).toBe(404);
  });
});
