import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditModel } from "../../models/audit/audit.ts";
import { ensureStarterFramework } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import { PairingModel } from "../../models/insight/pairing.ts";
import type { School } from "../../models/school/school.ts";
import type { Trust } from "../../models/trust/trust.ts";
import { WorkspaceModel } from "../../models/workspace/workspace.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import {
  buildAward,
  buildSchool,
  buildStarterFramework,
  buildTrust,
  buildUser,
} from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { levelAt, seedInsight } from "../support/insight-world.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// Insight as a trust's school-improvement lead walks it in a trust like the demo's: two
// primaries without a sixth form, a secondary without early years, an all-through school with
// both; one cycle of the Ofsted framework so far, and a quality mark sent out in two cycles.
// - Riverside has judged one of Inclusion's four criteria, Exceptional.
// - Hillcrest holds the award and sits at the expected level in Inclusion.
// - Oakfield needs support in Inclusion; Meadowbank is Strong in all of it.
useTestDatabase();

let server: AppServer;
let trust: Trust;
let leader: string;
let admin: string;
let riversideHead: string;
let oakfieldHead: string;
let frameworkId: string;
let riverside: School;
let hillcrest: School;
let oakfield: School;
let meadowbank: School;

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

/** The text of each cell of the table row headed `heading` (tags stripped). */
function rowCells(html: string, heading: string): string[] {
  const at = html.indexOf(`<th scope="row">${heading}</th>`);
  expect(at, `the row of ${heading}`).toBeGreaterThan(0);
  const row = html.slice(at, html.indexOf("</tr>", at));
  return row
    .split("<td")
    .slice(1)
    .map((cell) =>
      cell
        .replace(/^[^>]*>/, "")
        .replace(/<[^>]+>/g, "")
        .replace(/&#x27;/g, "'")
        .trim(),
    );
}

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");

beforeAll(async () => {
  server = await startTestServer();
  trust = await buildTrust();
  leader = (await buildUser("trustLeader", trust, undefined, "David Okafor")).id;
  admin = (await buildUser("trustAdmin", trust, undefined, "Priya Shah")).id;
  riverside = await buildSchool(trust, { name: "Riverside Primary Academy" });
  hillcrest = await buildSchool(trust, { name: "Hillcrest Primary School" });
  oakfield = await buildSchool(trust, {
    name: "Oakfield Academy",
    phase: "secondary",
    hasEarlyYears: false,
    hasSixthForm: true,
  });
  meadowbank = await buildSchool(trust, {
    name: "Meadowbank School",
    phase: "allThrough",
    hasSixthForm: true,
  });
  riversideHead = (await buildUser("schoolLeader", trust, riverside, "Sam Taylor")).id;
  oakfieldHead = (await buildUser("schoolLeader", trust, oakfield, "Ola Head")).id;

  // The quality mark first (older cycles), so the Ofsted framework's cycle is the newest.
  const mark = await ensureStarterFramework(trust.id, "inclusion-excellence", inclusionExcellence);
  await seedInsight({
    version: mark,
    schools: [riverside, hillcrest, oakfield, meadowbank],
    cycleNames: ["Inclusion Excellence 2025–26", "Inclusion Excellence 2026–27"],
    createdBy: admin,
    judge: ({ scale }) => ({ self: levelAt(scale, 2) }),
  });
  const version = await buildStarterFramework(trust);
  frameworkId = version.frameworkId;
  const schools = [riverside, hillcrest, oakfield, meadowbank];
  const { evaluations } = await seedInsight({
    version,
    schools,
    cycleNames: ["Self-evaluation 2026–27"],
    createdBy: admin,
    judge: ({ school, area, scale, criterionId }) => {
      if (scale.levels.length === 2) return { self: school === riverside ? null : "met" };
      if (school === riverside)
        return { self: criterionId === "incl-1" ? levelAt(scale, 4) : null };
      if (area.id === "early-years" && school === oakfield) return {};
      if (area.id === "sixth-form" && !school.hasSixthForm) return {};
      if (area.id === "inclusion")
        return { self: levelAt(scale, school === oakfield ? 1 : school === meadowbank ? 3 : 2) };
      return { self: levelAt(scale, 2) };
    },
  });
  // Hillcrest holds this framework's award (from an earlier validation of this evaluation).
  await buildAward({
    trustId: trust.id,
    schoolId: hillcrest.id,
    evaluationId: evaluations.find((e) => e.schoolId === hillcrest.id)!.id,
    validationId: new Types.ObjectId().toString(),
    frameworkId,
    frameworkName: version.content.name,
    tier: null,
    startDate: "2026-07-01",
    expiryDate: "2029-07-01",
  });
});

afterAll(async () => {
  await server?.close();
});

describe("areas a school does not have", () => {
  it("read Not applicable in the school's own place, compared with the schools that have them", async () => {
    const http = await as(riversideHead);
    const page = await http.get("/insight");
    expect(page.status).toBe(200);
    // Riverside has no sixth form: not "Not judged yet", and not compared with anyone.
    expect(rowCells(page.html, "Sixth form")).toEqual([
      "Not applicable",
      "Not compared: this area is only for schools with a sixth form.",
    ]);
    // An area it has, and has not judged yet, still says so.
    expect(rowCells(page.html, "Early years")[0]).toBe("Not judged yet");

    // Oakfield has no early years; its sixth form is compared with Meadowbank's alone (fewer
    // than three schools, so withheld), not with two primaries "not judged".
    const oak = (await (await as(oakfieldHead)).get("/insight")).html;
    expect(rowCells(oak, "Early years")).toEqual([
      "Not applicable",
      "Not compared: this area is only for schools with early years.",
    ]);
    const sixth = rowCells(oak, "Sixth form");
    expect(sixth[0]).toBe("Expected standard");
    expect(sixth[1]).not.toMatch(/\d school/);
  });

  it("are Not applicable rows of the Stack's CSV, so each row's counts add up to the schools", async () => {
    const http = await as(leader);
    const csv = (await http.get("/insight/stack.csv")).html;
    const lines = csv.split(/\r?\n/).filter(Boolean);
    expect(lines).toContain("Sixth form,,Area overall,Not applicable,2,");
    expect(lines).toContain("Early years,,Area overall,Not applicable,1,");
    expect(lines).toContain("Inclusion,,Area overall,Not applicable,0,");
    // Every criterion's (and area's) rows add up to the 4 schools in the cycle.
    const totals = new Map<string, number>();
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const key = `${cells[0]}|${cells[1]}`;
      totals.set(key, (totals.get(key) ?? 0) + Number(cells.at(-2)));
    }
    expect(new Set(totals.values())).toEqual(new Set([4]));
    // As the page says it.
    const page = text((await http.get("/insight/stack")).html);
    expect(page).toContain("Not applicable at 2 of the 4 schools.");
  });
});

describe("trends with one cycle", () => {
  it("say that trends need two cycles, and still give the one cycle's figures", async () => {
    const http = await as(leader);
    const page = text((await http.get("/insight/trends")).html);
    expect(page).toContain(
      "Trends need two cycles of this framework; this trust has one so far: Self-evaluation 2026–27. Until the next cycle, here is where the schools stand in it.",
    );
    expect(page).not.toContain("cycle by cycle");
    expect(page).toContain("Inclusion: schools at each level in Self-evaluation 2026–27");
    // Sixth form applies at 2 of the 4 schools: the page says so under its table.
    const html = (await http.get("/insight/trends")).html;
    const section = (title: string) =>
      html.split("<section").find((s) => s.includes(`>${title}<`))!;
    expect(text(section("Sixth form"))).toContain("Not applicable at 2 of the 4 schools.");
    expect(section("Safeguarding")).not.toContain("Not applicable");
    // The quality mark, with two cycles, shows its trend.
    const mark = (await http.get(`/insight/trends?framework=${await markId()}`)).html;
    expect(text(mark)).not.toContain("Trends need two cycles");
    expect(text(mark)).toContain("cycle by cycle");
  });
});

async function markId(): Promise<string> {
  const page = (await (await as(leader)).get("/insight")).html;
  const found = /<option value="([0-9a-f]{24})">Inclusion Excellence<\/option>/.exec(page);
  expect(found, "the quality mark in the Framework list").not.toBeNull();
  return found![1];
}

describe("the framework and cycle choice", () => {
  it("carries every framework's cycles, so the page can list them when the framework changes", async () => {
    const page = (await (await as(leader)).get("/insight")).html;
    // The Ofsted framework is chosen; the quality mark's cycles come with the page all the same.
    expect(page).toMatch(/<option value="[0-9a-f]{24}" selected="">Self-evaluation 2026–27/);
    expect(page).toContain("Inclusion Excellence 2026–27");
    expect(page).toContain("Inclusion Excellence 2025–26");
  });
});

describe("centres of expertise", () => {
  it("are schools judged in full at the top levels, never on part of an area or by the award alone", async () => {
    const page = (await (await as(leader)).get("/insight/expertise?source=self")).html;
    const centres = page.slice(page.indexOf('id="centres-heading"'));
    const rows = [...centres.matchAll(/<tr><td>([^<]+)<\/td><th scope="row">([^<]+)<\/th>/g)].map(
      (m) => `${m[1]}: ${m[2]}`,
    );
    // Riverside judged 1 of 4 at Exceptional; Hillcrest holds the award at Expected standard.
    expect(rows.filter((r) => r.startsWith("Inclusion"))).toEqual(["Inclusion: Meadowbank School"]);
    expect(text(page)).toContain(
      "A school is a centre of expertise in an area when every criterion of the area is judged in the school's self-evaluation, and the area's level (the lowest of them) is above the expected level and one of the two highest: Strong standard or Exceptional.",
    );
    expect(text(page)).toContain(
      "Meadowbank School is Strong standard in Inclusion (its self-evaluation); Oakfield Academy's Inclusion is Needs attention",
    );
  });

  it("refuses a pairing with a school strong on part of the area only", async () => {
    const http = await as(admin);
    await http.get("/insight/expertise?source=self");
    const refused = await http.post("/insight/expertise?source=self", {
      frameworkId,
      cycleId: "",
      source: "self",
      areaId: "inclusion",
      supportedSchoolId: oakfield.id,
      centreSchoolId: riverside.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("no longer suggested");
    expect(await PairingModel.countDocuments({ trustId: trust.id })).toBe(0);
  });
});

describe("from an accepted pairing to a joint workspace", () => {
  const path = "/insight/expertise?source=self";
  let pairingId: string;

  it("tells a trust leader who starts joint workspaces, in words for the trust", async () => {
    const page = text((await (await as(leader)).get("/workspaces")).html);
    expect(page).toContain("The trust's workspaces");
    expect(page).toContain("No joint workspace in the trust yet. The trust's admins and school");
    expect(page).not.toContain("Your school is not in a joint workspace yet");
  });

  it("shows who accepted a pairing and when, and who can start its workspace", async () => {
    const http = await as(admin);
    await http.get(path);
    const accepted = await http.post(path, {
      frameworkId,
      cycleId: "",
      source: "self",
      areaId: "inclusion",
      supportedSchoolId: oakfield.id,
      centreSchoolId: meadowbank.id,
    });
    expect(accepted.status).toBe(303);
    pairingId = (await PairingModel.findOne({ trustId: trust.id }).lean())!._id.toString();

    const seen = text((await (await as(leader)).get(path)).html);
    expect(seen).toMatch(/Accepted by Priya Shah on \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(seen).toContain(
      "No joint workspace yet. The trust's admins, or either school's leaders, can start one from this pairing",
    );
    expect(seen).not.toContain("start one from Joint workspaces");
    expect(seen).not.toContain("Start a joint workspace for these two schools");
  });

  it("lets a trust admin start the two schools' workspace once, however many times it is asked", async () => {
    // A trust leader only observes: asking is answered as if there were no such pairing.
    const refused = await (await as(leader)).post(path, { intent: "startWorkspace", pairingId });
    expect(refused.status).toBe(404);
    expect(await WorkspaceModel.countDocuments({ trustId: trust.id })).toBe(0);

    const http = await as(admin);
    const page = await http.get(path);
    expect(text(page.html)).toContain("Start a joint workspace for these two schools");
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => http.post(path, { intent: "startWorkspace", pairingId })),
    );
    const places = new Set(answers.map((a) => `${a.status} ${a.location}`));
    expect(places.size).toBe(1);
    const workspaces = await WorkspaceModel.find({ trustId: trust.id }).lean();
    expect(workspaces.map((w) => [w.title, w.pairingId?.toString()])).toEqual([
      ["Inclusion: Meadowbank School and Oakfield Academy", pairingId],
    ]);
    expect([...places]).toEqual([`303 /workspaces/${workspaces[0]._id.toString()}`]);
    expect(await AuditModel.countDocuments({ trustId: trust.id, action: "workspaceCreated" })).toBe(
      1,
    );

    // The pairing now leads to its workspace, for the trust leader too.
    const after = (await (await as(leader)).get(path)).html;
    expect(after).toContain(`href="/workspaces/${workspaces[0]._id.toString()}"`);
    expect(text(after)).toContain(
      "Open the joint workspace “Inclusion: Meadowbank School and Oakfield Academy”",
    );
  });
});
