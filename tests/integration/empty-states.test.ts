import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCycle } from "../../models/cycle/cycle.ts";
import { EvaluationModel, startEvaluation } from "../../models/evaluation/evaluation.ts";
import { createFramework } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import type { School } from "../../models/school/school.ts";
import type { Trust } from "../../models/trust/trust.ts";
import type { User } from "../../models/user/user.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildSchool, buildStarterFramework, buildTrust, buildUser } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// Every page, as every role, in a trust where nothing has happened yet: each answers 200 with
// an empty state saying what comes next (or the 404 the role is meant to get), never an error.
useTestDatabase();
let server: AppServer;
let trust: Trust;
let school: School;
let people: Record<Role, User>;

type Role = "admin" | "leader" | "validator" | "head" | "staff";
const ROLES: Role[] = ["admin", "leader", "validator", "head", "staff"];
/** For each role: the text the page must show, or 404. */
type Expected = Partial<Record<Role, string | 404>>;

async function visit(role: Role, path: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(people[role].id));
  const { status, html } = await http.get(path);
  // Remix copies loader data into scripts: look only at what the page shows.
  const shown = html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
  return { status, shown };
}

async function expectPages(pages: [string, Expected][]) {
  for (const [path, expected] of pages) {
    for (const role of ROLES) {
      const want = expected[role] ?? 404;
      const { status, shown } = await visit(role, path);
      expect({ role, path, status }).toEqual({ role, path, status: want === 404 ? 404 : 200 });
      if (want !== 404) expect(shown, `${role} on ${path}`).toContain(want);
      expect(shown).not.toMatch(/Application Error|Unexpected Server Error|Something went wrong/);
    }
  }
}

beforeAll(async () => {
  trust = await buildTrust();
  school = await buildSchool(trust);
  people = {
    admin: await buildUser("trustAdmin", trust),
    leader: await buildUser("trustLeader", trust),
    validator: await buildUser("validator", trust),
    head: await buildUser("schoolLeader", trust, school),
    staff: await buildUser("schoolStaff", trust, school),
  };
  server = await startTestServer();
});
afterAll(() => server.close());

describe("a trust where nothing has happened yet", () => {
  it("answers every trust-wide page with its empty state", async () => {
    const noEvaluation = "No self-evaluation started yet.";
    await expectPages([
      [
        "/home",
        {
          admin: noEvaluation,
          leader: noEvaluation,
          validator: "No evaluation is assigned to you yet",
          head: "Start one on the school's page",
          staff: noEvaluation,
        },
      ],
      [
        `/schools/${school.id}`,
        {
          admin: "No awards yet.",
          leader: "No self-evaluations yet.",
          head: "No framework is published yet.",
          staff: "The school's leaders start them",
        },
      ],
      [
        "/frameworks",
        {
          admin: "No frameworks yet. Start one below",
          leader: "No frameworks yet. The trust's admins design them",
        },
      ],
      [
        "/cycles",
        {
          admin: "No cycles yet. Start one to send a published framework",
          leader: "No cycles yet. The trust's administrators start them.",
        },
      ],
      ["/cycles/new", { admin: "No framework has been published yet." }],
      ["/register", { admin: "No awards yet.", leader: "No awards yet." }],
      [
        "/validations",
        {
          admin: "No validations yet.",
          leader: "No validations yet.",
          validator: "No evaluation is assigned to you.",
        },
      ],
      [
        "/my-actions",
        Object.fromEntries(ROLES.map((r) => [r, "Nobody has given you an action yet."])),
      ],
      ["/trust/audit", { admin: "No entries yet." }],
    ]);
  });

  it("answers a framework with no versions, and a cycle with no evaluations", async () => {
    const { framework } = await createFramework(trust.id, {
      content: inclusionExcellence,
      createdBy: people.admin.id,
    });
    const version = await buildStarterFramework(trust);
    const { cycle } = await ensureCycle(version, {
      name: "Nobody yet 2026–27",
      dueDate: null,
      createdBy: people.admin.id,
    });
    await expectPages([
      [
        `/frameworks/${framework.id}`,
        { admin: "No version is published yet.", leader: "No version is published yet." },
      ],
      [
        `/cycles/${cycle.id}`,
        {
          admin: "No schools are in this cycle yet.",
          leader: "No schools are in this cycle yet.",
        },
      ],
    ]);
  });

  it("answers every page of an evaluation nobody has worked on yet", async () => {
    const version = await buildStarterFramework(trust);
    const evaluation = await startEvaluation(school, version, {
      title: "Untouched 2026–27",
      createdBy: people.head.id,
    });
    const readers = (text: string): Expected => ({
      admin: text,
      leader: text,
      head: text,
      staff: text,
    });
    const base = `/evaluations/${evaluation.id}`;
    await expectPages([
      [base, readers("Untouched 2026–27")],
      [`${base}/actions`, readers("No actions yet.")],
      [`${base}/history`, readers("Nothing has been submitted yet.")],
      [`${base}/history`, readers("No judgements recorded yet.")],
      [`${base}/perspectives`, readers("Invite contributors to see the spread")],
      [`${base}/validation`, readers("No validator has been assigned yet.")],
      [`${base}/upgrade`, readers("This evaluation already uses the newest version.")],
    ]);
  });
});

describe("a cycle with its first school", () => {
  it("counts it as one school, on the list of cycles and on the cycle's page", async () => {
    const version = await buildStarterFramework(trust);
    const { cycle } = await ensureCycle(version, {
      name: "One school 2026–27",
      dueDate: null,
      createdBy: people.admin.id,
    });
    const evaluation = await startEvaluation(school, version, {
      title: "In the cycle 2026–27",
      createdBy: people.head.id,
    });
    await EvaluationModel.updateOne({ _id: evaluation.id }, { $set: { cycleId: cycle.id } });
    for (const role of ["admin", "leader"] as const) {
      expect((await visit(role, "/cycles")).shown, role).toMatch(
        /One school 2026–27 0 of 1 school started/,
      );
      expect((await visit(role, `/cycles/${cycle.id}`)).shown, role).toMatch(/ · 1 school(?!s)/);
    }
  });
});
