import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mongoose } from "../../models/mongoose.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { commandsDuring, readsSentDuring } from "../support/finds.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { buildTrustOfSchools, type TrustOfSchools } from "../support/trust-of-schools.ts";

// A trust has 5 to 100+ schools (DOMAIN.md). Home lists every one of them for its leaders and
// admins, and used to read each school's evaluations, awards and validations apart: hundreds of
// database commands for a big trust. It reads per trust now, so the count is the same however
// many schools.

useTestDatabase();
let server: AppServer;
let small: TrustOfSchools;
let large: TrustOfSchools;

beforeAll(async () => {
  small = await buildTrustOfSchools(5);
  large = await buildTrustOfSchools(30);
  // No background sweeps while commands are counted.
  server = await startTestServer({ logTrimMs: 600_000, sessionSweepMs: 600_000 });
}, 240_000);
afterAll(() => server.close());

/** Home as `userId` sees it, and the commands its second request sent (the first warms up). */
async function home(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  expect((await http.get("/home")).status).toBe(200);
  let shown = "";
  const commands = await commandsDuring(async () => {
    const page = await http.get("/home");
    expect(page.status).toBe(200);
    // Remix copies loader data into scripts: look only at what the page shows.
    shown = page.html.replace(/<script[\s\S]*?<\/script>/g, "");
  });
  const total = Object.values(commands).reduce((a, b) => a + b, 0);
  return { commands, total, shown };
}

describe("Home for a trust's leaders", () => {
  for (const role of ["trustAdmin", "trustLeader"] as const) {
    it(`${role}: the same database commands for 30 schools as for 5`, async () => {
      const few = await home(small.people[role].id);
      const many = await home(large.people[role].id);
      // Every school is listed, with its awards and what its team is working on.
      for (const school of large.schools) expect(many.shown).toContain(school.name);
      expect(many.shown.match(/<li class="card">/g)).toHaveLength(30);
      expect(many.shown).toContain("Inclusion Excellence");
      expect(many.shown).toContain("Validation meeting:");
      expect(few.shown.match(/<li class="card">/g)).toHaveLength(5);
      expect(many.commands, `5 schools: ${few.total}, 30 schools: ${many.total}`).toEqual(
        few.commands,
      );
      expect(many.total).toBeLessThanOrEqual(16);
    });
  }

  it("a validator's list of validations: the same commands for 45 assigned as for 7", async () => {
    const few = await home(small.people.validator.id);
    const many = await home(large.people.validator.id);
    expect(many.shown).toContain(large.schools[29].name);
    expect(many.commands, `7 validations: ${few.total}, 45: ${many.total}`).toEqual(few.commands);
  });

  it("reads each trust's records through an index (ADR 040), not by scanning them", async () => {
    const http = new HttpSession(server.url);
    http.setCookie(await cookieFor(large.people.trustAdmin.id));
    const reads = await readsSentDuring(async () => {
      expect((await http.get("/home")).status).toBe(200);
    });
    const collections = new Set(reads.map((r) => r.collection));
    for (const read of [
      "awards",
      "evaluations",
      "validations",
      "meetings",
      "validationrecordentries",
    ])
      expect(collections).toContain(read);
    for (const { collection, filter } of reads) {
      const answer = await mongoose.connection.db!.command({
        explain: { find: collection, filter },
      });
      expect(
        JSON.stringify(answer.queryPlanner),
        `${collection} ${JSON.stringify(filter)}`,
      ).not.toMatch(/SCAN /);
    }
  });

  it("a school's head still sees their own school only", async () => {
    const { shown } = await home(large.people.headOfFirst.id);
    expect(shown.match(/<li class="card">/g)).toHaveLength(1);
    expect(shown).toContain(large.schools[0].name);
    for (const other of large.schools.slice(1)) expect(shown).not.toContain(other.name);
  });
});
