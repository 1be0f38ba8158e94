import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditModel } from "../../models/audit/audit.ts";
import { ProjectionModel, saveProjection } from "../../models/evaluation/projection-store.ts";
import { PairingModel } from "../../models/insight/pairing.ts";
import type { School } from "../../models/school/school.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import {
  buildSchool,
  buildStarterFramework,
  buildTrust,
  buildUser,
  buildWorld,
} from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { levelAt, seedInsight, type SeededEvaluation } from "../support/insight-world.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let schools: School[];
let evaluations: SeededEvaluation[];
let latestCycleId: string;
let firstCycleId: string;
let frameworkId: string;
let otherTrustAdmin: string;

const VIEWS = [
  "/insight",
  "/insight/stack",
  "/insight/heat-map",
  "/insight/overlay",
  "/insight/trends",
  "/insight/expertise",
];
const CSVS = ["/insight/heat-map.csv", "/insight/stack.csv"];
/** The views that name every school at once (the Stack names them when a segment is opened). */
const NAMED = ["/insight/heat-map", "/insight/overlay", "/insight/heat-map.csv"];

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

const evaluationOf = (school: School, cycleId = latestCycleId) =>
  evaluations.find((e) => e.schoolId === school.id && e.cycleId === cycleId)!;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld();
  // Five schools: the world's two and three more. Names are distinct so any leak shows.
  schools = [
    world.school,
    world.otherSchool,
    await buildSchool(world.trust, { name: "Hillcrest Academy" }),
    await buildSchool(world.trust, { name: "Brook Lane School", phase: "secondary" }),
    await buildSchool(world.trust, { name: "Meadow View Primary" }),
  ];
  const version = await buildStarterFramework(world.trust);
  frameworkId = version.frameworkId;
  const seeded = await seedInsight({
    version,
    schools,
    cycleNames: ["Autumn 2025", "Autumn 2026"],
    createdBy: world.people.trustAdmin.id,
    judge: ({ schoolIndex, cycleIndex, scale }) => {
      if (scale.levels.length === 2)
        return { self: "met", agreed: schoolIndex === 1 ? "met" : null };
      if (cycleIndex === 0) return { self: levelAt(scale, 2) };
      // The first school needs support (Needs attention), the second is strong and agreed so,
      // the others sit at the expected level; the fourth placed itself a level higher than agreed.
      if (schoolIndex === 0) return { self: levelAt(scale, 1) };
      if (schoolIndex === 1) return { self: levelAt(scale, 4), agreed: levelAt(scale, 4) };
      if (schoolIndex === 3) return { self: levelAt(scale, 3), agreed: levelAt(scale, 2) };
      return { self: levelAt(scale, 2), agreed: schoolIndex === 2 ? levelAt(scale, 2) : null };
    },
  });
  evaluations = seeded.evaluations;
  latestCycleId = seeded.cycles[1].id;
  firstCycleId = seeded.cycles[0].id;
  const otherTrust = await buildTrust();
  otherTrustAdmin = (await buildUser("trustAdmin", otherTrust)).id;
});

afterAll(async () => {
  await server?.close();
});

describe("trust leaders and admins", () => {
  it("open every view and CSV of their trust, with every school named", async () => {
    for (const userId of [world.people.trustLeader.id, world.people.trustAdmin.id]) {
      const http = await as(userId);
      for (const path of [...VIEWS, ...CSVS]) {
        const page = await http.get(path);
        expect(page.status, path).toBe(200);
        if (NAMED.includes(path))
          for (const school of schools)
            expect(page.html, `${path} ${school.name}`).toContain(school.name);
        expect(page.html, path).not.toMatch(/\b(rank|ranked|ranking|league|worst|best|failing)\b/i);
      }
    }
  });

  it("see the heat map with a cell per area that opens the school's evaluation at that area", async () => {
    const http = await as(world.people.trustLeader.id);
    const page = await http.get(`/insight/heat-map?cycle=${latestCycleId}`);
    const strong = evaluationOf(world.otherSchool);
    expect(page.html).toContain(`/evaluations/${strong.id}?area=inclusion`);
    expect(page.html).toContain("Exceptional");
    expect(page.html).toContain("Needs attention");
    // A trend mark against the previous cycle, in words for screen readers.
    expect(page.html).toContain("lower than the previous cycle");
    expect(page.html).toContain("higher than the previous cycle");
  });

  it("filter the heat map by phase, and drill into the criteria of one area", async () => {
    const http = await as(world.people.trustLeader.id);
    const secondary = await http.get(`/insight/heat-map?cycle=${latestCycleId}&phase=secondary`);
    expect(secondary.html).toContain("Brook Lane School");
    expect(secondary.html).not.toContain("Hillcrest Academy");
    const area = await http.get(`/insight/heat-map?cycle=${latestCycleId}&area=inclusion`);
    expect(area.html).toContain("The criteria of Inclusion");
    expect(area.html).toMatch(/>2\.1</);
  });

  it("sort the heat map by one area, strongest or needing support first, never by a total", async () => {
    const http = await as(world.people.trustLeader.id);
    const order = async (dir: string) => {
      const csv = await http.get(
        `/insight/heat-map.csv?cycle=${latestCycleId}&sort=inclusion&dir=${dir}`,
      );
      return csv.html
        .split("\n")
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(",")[0]);
    };
    expect((await order("asc"))[0]).toBe(world.school.name);
    expect((await order("desc"))[0]).toBe(world.otherSchool.name);
  });

  it("link to the trust overview report from the views", async () => {
    const http = await as(world.people.trustLeader.id);
    for (const path of ["/insight", "/insight/stack", "/insight/heat-map"]) {
      const page = await http.get(`${path}?cycle=${latestCycleId}`);
      expect(page.html, path).toContain("Download trust overview report (PDF)");
      expect(page.html, path).toContain(`name="subjectId" value="${latestCycleId}"`);
    }
  });

  it("open a segment of the Stack to see which schools sit there", async () => {
    const http = await as(world.people.trustLeader.id);
    const page = await http.get(
      `/insight/stack?cycle=${latestCycleId}&open=${encodeURIComponent("inclusion|exceptional")}`,
    );
    expect(page.status).toBe(200);
    const opened = page.html.slice(page.html.indexOf('id="opened"'));
    expect(opened).toContain(world.otherSchool.name);
    expect(opened).not.toContain("Hillcrest Academy");
  });

  it("get the Stack and the heat map as CSV, counts and levels written out", async () => {
    const http = await as(world.people.trustAdmin.id);
    const stack = await http.get(`/insight/stack.csv?cycle=${latestCycleId}`);
    expect(stack.response.headers.get("content-type")).toContain("text/csv");
    expect(stack.html).toContain("Inclusion,,Area overall,Expected standard,3");
    const heat = await http.get(`/insight/heat-map.csv?cycle=${latestCycleId}`);
    expect(heat.response.headers.get("content-disposition")).toContain("heat-map-autumn-2026.csv");
    const line = heat.html.split("\n").find((l) => l.startsWith(world.otherSchool.name))!;
    expect(line).toContain("Exceptional");
  });

  it("overlay two schools with the differences marked, and see calibration", async () => {
    const http = await as(world.people.trustLeader.id);
    const a = evaluationOf(world.school).id;
    const b = evaluationOf(world.otherSchool).id;
    const page = await http.get(
      `/insight/overlay?cycle=${latestCycleId}&e=${a}&e=${b}&school=${schools[3].id}`,
    );
    expect(page.html).toContain("Differs by 3 levels");
    // Brook Lane placed itself a level above the agreed judgement in every five-level criterion.
    expect(page.html).toContain("Brook Lane School");
    expect(page.html).toMatch(/were placed higher by the school/);
    expect(page.html).toMatch(/judgements compared, across 3 schools/);
  });

  it("overlay two evaluations and read how many criteria differ: none, then 1 (which differs)", async () => {
    const http = await as(world.people.trustLeader.id);
    // Last cycle Hillcrest and Meadow View placed every criterion at the same level.
    const hillcrest = evaluationOf(schools[2], firstCycleId).id;
    const meadow = evaluationOf(schools[4], firstCycleId).id;
    const overlay = () =>
      http.get(`/insight/overlay?cycle=${latestCycleId}&e=${hillcrest}&e=${meadow}`);
    const same = await overlay();
    const total = same.html.match(
      /None of the (\d+) criteria judged by two or more of these evaluations differ/,
    );
    expect(total, "what the page says when none differ").not.toBeNull();
    expect(same.html).toContain(
      "wherever two or more of them judged a criterion, they placed it at the same level.",
    );
    expect(same.html).not.toContain("Differs by");

    // Meadow View now places one criterion lower.
    const projection = (await ProjectionModel.findById(meadow).lean())!;
    await saveProjection(world.trust.id, meadow, {
      judgements: projection.judgements.map((j) =>
        j.criterionId === "incl-1"
          ? { criterionId: j.criterionId, level: "urgent-improvement" }
          : j,
      ),
      judgedCount: projection.judgedCount,
      criteriaCount: projection.criteriaCount,
      updatedAt: new Date(),
      lastActivityAt: new Date(),
    });
    const one = await overlay();
    expect(one.html).toContain(
      `1 of ${total![1]} criteria judged by two or more of these evaluations differs; it is marked “≠” in the charts`,
    );
  });

  it("follow a projection written a moment ago (no batch in between)", async () => {
    const http = await as(world.people.trustAdmin.id);
    // Meadow View has nothing agreed, so its own judgement is the latest available.
    const meadow = evaluationOf(schools[4]);
    const before = await http.get(`/insight/heat-map.csv?cycle=${latestCycleId}&area=inclusion`);
    expect(before.html.split("\n").find((l) => l.startsWith("Meadow View Primary"))).not.toContain(
      "Urgent improvement",
    );
    await saveProjection(world.trust.id, meadow.id, {
      judgements: [{ criterionId: "incl-1", level: "urgent-improvement" }],
      judgedCount: 1,
      criteriaCount: 35,
      updatedAt: new Date(),
      lastActivityAt: new Date(),
    });
    const after = await http.get(`/insight/heat-map.csv?cycle=${latestCycleId}&area=inclusion`);
    expect(after.html.split("\n").find((l) => l.startsWith("Meadow View Primary"))).toContain(
      "Urgent improvement",
    );
  });

  it("accept a suggested pairing once, however many times it is sent at once, and it is audited", async () => {
    const http = await as(world.people.trustLeader.id);
    const path = `/insight/expertise?cycle=${latestCycleId}`;
    const page = await http.get(path);
    expect(page.html).toContain(
      `${world.otherSchool.name} is Exceptional in Inclusion (agreed 3 Mar 2027); ${world.school.name}&#x27;s Inclusion is Needs attention`,
    );
    const fields = {
      frameworkId,
      cycleId: latestCycleId,
      areaId: "inclusion",
      supportedSchoolId: world.school.id,
      centreSchoolId: world.otherSchool.id,
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => http.post(path, fields)));
    for (const answer of answers) expect(answer.status).toBe(303);
    expect(await PairingModel.countDocuments({ trustId: world.trust.id })).toBe(1);
    expect(
      await AuditModel.countDocuments({ trustId: world.trust.id, action: "pairingAccepted" }),
    ).toBe(1);
    const again = await http.get(path);
    expect(again.html).toContain("Accepted pairings");
    expect(again.html).toMatch(/Accepted by David Leader on \d+ [A-Z][a-z]+ \d{4}/);
    // And the way on: who can make the pairing a joint workspace (a trust leader only observes).
    expect(again.html).toContain("can start one from this pairing");
  });

  it("cannot pair a school with itself, nor a pairing that is not suggested", async () => {
    const http = await as(world.people.trustAdmin.id);
    const path = `/insight/expertise?cycle=${latestCycleId}`;
    await http.get(path);
    const base = { frameworkId, cycleId: latestCycleId, areaId: "inclusion" };
    const self = await http.post(path, {
      ...base,
      supportedSchoolId: world.otherSchool.id,
      centreSchoolId: world.otherSchool.id,
    });
    expect(self.status).toBe(400);
    expect(self.html).toContain("cannot be paired with itself");
    const reversed = await http.post(path, {
      ...base,
      supportedSchoolId: world.otherSchool.id,
      centreSchoolId: world.school.id,
    });
    expect(reversed.status).toBe(400);
    expect(reversed.html).toContain("no longer suggested");
  });

  it("find Insight in the navigation and on their home page", async () => {
    const http = await as(world.people.trustLeader.id);
    const home = await http.get("/home");
    expect(home.html).toContain('href="/insight"');
    expect(home.html).toContain("Insight: where every school stands");
  });
});

describe("empty states", () => {
  it("every view says what will appear, in a trust with no framework, then with no evaluation", async () => {
    const trust = await buildTrust();
    const leader = await buildUser("trustLeader", trust);
    const http = await as(leader.id);
    for (const path of VIEWS) {
      const page = await http.get(path);
      expect(page.status, path).toBe(200);
      expect(page.html, path).toContain('class="empty-state"');
    }
    await buildStarterFramework(trust);
    for (const path of VIEWS.slice(1)) {
      const page = await http.get(path);
      expect(page.status, path).toBe(200);
      expect(page.html, path).toContain('class="empty-state"');
      expect(page.html, path).not.toContain("has not published a framework");
    }
  });
});

describe("charts with nothing to show", () => {
  it("say so in words where schools are in a cycle but none has judged an area yet", async () => {
    const trust = await buildTrust();
    const schools = [await buildSchool(trust), await buildSchool(trust)];
    const leader = await buildUser("trustLeader", trust);
    const version = await buildStarterFramework(trust);
    await seedInsight({
      version,
      schools,
      cycleNames: ["Nobody judged 2026–27"],
      createdBy: leader.id,
      judge: () => ({}),
    });
    const http = await as(leader.id);
    const stack = (await http.get("/insight/stack")).html;
    const trends = (await http.get("/insight/trends")).html;
    for (const area of version.content.areas) {
      const title = area.title.replace(/&/g, "&amp;").replace(/'/g, "&#x27;");
      expect(stack).toContain(`No school has judged ${title} yet`);
      expect(trends).toContain(`No school has judged ${title} in these cycles yet`);
    }
  });

  it("say that nothing is agreed yet where agreed judgements count and the schools have judged", async () => {
    const trust = await buildTrust();
    const schools = [await buildSchool(trust), await buildSchool(trust)];
    const leader = await buildUser("trustLeader", trust);
    const version = await buildStarterFramework(trust);
    // Every school has judged every criterion; one criterion of Inclusion is agreed at one school.
    await seedInsight({
      version,
      schools,
      cycleNames: ["Judged, not yet validated"],
      createdBy: leader.id,
      judge: ({ schoolIndex, scale, criterionId }) => ({
        self: levelAt(scale, 2),
        agreed: schoolIndex === 0 && criterionId === "incl-1" ? levelAt(scale, 2) : null,
      }),
    });
    const http = await as(leader.id);
    const self = (await http.get("/insight/heat-map?source=self")).html;
    expect(self).toContain("Expected standard");
    expect(self).not.toContain("Not agreed yet");

    const heat = (await http.get("/insight/heat-map?source=agreed")).html;
    expect(heat).toContain(">Not agreed yet<");
    expect(heat).not.toMatch(/not judged/i);
    expect(heat).toContain('<span class="heat-partial">1 of 4 agreed</span>');
    const csv = (await http.get("/insight/heat-map.csv?source=agreed")).html;
    expect(csv).toContain("Not agreed yet");
    expect(csv).not.toMatch(/not judged/i);

    const stack = (await http.get("/insight/stack?source=agreed")).html;
    const trends = (await http.get("/insight/trends?source=agreed")).html;
    // The Stack's parts carry their roles (its rows become a grid on a phone).
    expect(stack).toContain('<th scope="col" role="columnheader">Not agreed yet</th>');
    expect(trends).toContain('<th scope="col">Not agreed yet</th>');
    for (const area of version.content.areas) {
      const title = area.title.replace(/&/g, "&amp;").replace(/'/g, "&#x27;");
      expect(stack).not.toContain(`No school has judged ${title}`);
      expect(trends).not.toContain(`No school has judged ${title}`);
      if (area.id === "inclusion") continue;
      expect(stack).toContain(`No school has an agreed judgement for ${title} yet`);
      expect(trends).toContain(
        `No school has an agreed judgement for ${title} in these cycles yet`,
      );
    }
  });
});

describe("criteria not every school judged, and areas not every school has", () => {
  // A primary with early years, a secondary with a sixth form and none, an all-through school with
  // early years: each judges what applies to it, except that Riverside has not judged its early
  // years yet and has judged one criterion of Achievement only.
  let leader: string;
  let hillcrest: School;
  let oakfield: School;
  let riverside: School;
  let seeded: SeededEvaluation[];

  beforeAll(async () => {
    const trust = await buildTrust();
    leader = (await buildUser("trustLeader", trust)).id;
    hillcrest = await buildSchool(trust, { name: "Hillcrest Primary School" });
    oakfield = await buildSchool(trust, {
      name: "Oakfield Academy",
      phase: "secondary",
      hasEarlyYears: false,
      hasSixthForm: true,
    });
    riverside = await buildSchool(trust, { name: "Riverside Academy", phase: "allThrough" });
    const version = await buildStarterFramework(trust);
    ({ evaluations: seeded } = await seedInsight({
      version,
      schools: [hillcrest, oakfield, riverside],
      cycleNames: ["Self-evaluation 2026–27"],
      createdBy: leader,
      judge: ({ schoolIndex, area, scale, criterionId }) => {
        const [isHillcrest, isOakfield, isRiverside] = [0, 1, 2].map((i) => i === schoolIndex);
        if (area.id === "early-years") return { self: isHillcrest ? levelAt(scale, 2) : null };
        if (area.id === "sixth-form") return { self: isOakfield ? levelAt(scale, 2) : null };
        if (scale.levels.length === 2) return { self: "met" };
        // Inclusion: Hillcrest two levels above the others.
        if (area.id === "inclusion") return { self: levelAt(scale, isHillcrest ? 3 : 1) };
        if (area.id === "achievement" && isRiverside)
          return { self: criterionId === "ach-1" ? levelAt(scale, 1) : null };
        return { self: levelAt(scale, 2) };
      },
    }));
  });

  /** The texts of one criterion's row of the Overlay's tables (by its code), cell by cell. */
  function overlayRow(html: string, code: string): string[] {
    const row = html
      .split("<tr")
      .find((r) => r.includes(`<span class="code">${code}</span>`) && r.includes("<td"));
    expect(row, `the row of ${code}`).toBeDefined();
    return row!
      .split("<td")
      .slice(1)
      .map((cell) =>
        cell
          .replace(/^[^>]*>/, "")
          .replace(/<[^>]+>/g, "")
          .trim(),
      );
  }

  it("the Overlay says Not applicable where an area does not apply, and never Same for one judgement", async () => {
    const http = await as(leader);
    const ids = [hillcrest, oakfield, riverside].map(
      (school) => seeded.find((e) => e.schoolId === school.id)!.id,
    );
    const page = await http.get(`/insight/overlay?${ids.map((id) => `e=${id}`).join("&")}`);
    expect(page.status).toBe(200);
    // Hillcrest, Oakfield, Riverside, then the Difference.
    expect(overlayRow(page.html, "7.1"), "early years").toEqual([
      "Expected standard",
      "Not applicable",
      "Not judged yet",
      "Only one judged",
    ]);
    expect(overlayRow(page.html, "8.1"), "sixth form").toEqual([
      "Not applicable",
      "Expected standard",
      "Not applicable",
      "Only one judged",
    ]);
    expect(overlayRow(page.html, "2.1"), "inclusion").toEqual([
      "Strong standard",
      "Needs attention",
      "Needs attention",
      "Differs by 2 levels",
    ]);
    // 4.2: Riverside has not judged it; the other two placed it alike.
    expect(overlayRow(page.html, "4.2").at(-1)).toBe("Same");
    // Of 35 criteria, the 8 of early years and sixth form are judged by one school only: the
    // count is of the other 27, of which Inclusion's 4 and 4.1 differ.
    expect(page.html).toContain(
      "5 of 27 criteria judged by two or more of these evaluations differ; they are marked “≠” in the charts and “Differs” in the tables. The other 8 criteria are not compared: fewer than two of these evaluations judged them, or they do not apply.",
    );
  });

  it("the Stack names the schools whose area overall rests on part of the area", async () => {
    const http = await as(leader);
    const page = await http.get("/insight/stack");
    expect(page.status).toBe(200);
    const html = page.html.replace(/&#x27;/g, "'");
    // Riverside's Achievement is Needs attention on 4.1 alone; the heat map says "1 of 4 judged".
    expect(html).toContain(
      "1 school's level for the area rests on some of its criteria only: Riverside Academy (1 of 4 judged).",
    );
    expect(html).toContain(
      'aria-label="1 school at Needs attention in Achievement, 1 partly judged: show which"',
    );
    expect(html).toContain('<span class="stack-partly" aria-hidden="true">1 partly judged</span>');
    // Where every school judged the whole area, nothing is said.
    expect(html.match(/<p class="stack-partly-note">/g)).toHaveLength(1);

    const opened = await http.get(
      `/insight/stack?open=${encodeURIComponent("achievement|needs-attention")}`,
    );
    const list = opened.html.slice(opened.html.indexOf('id="opened"')).replace(/<[^>]+>/g, "");
    expect(list).toContain("Riverside Academy (1 of 4 judged)");
  });

  it("the Stack's CSV names the schools counted on part of an area, as the page does", async () => {
    const http = await as(leader);
    const csv = (await http.get("/insight/stack.csv")).html;
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toBe(
      "Area,Criterion,Statement,Level,Schools,Counted on some of the area's criteria only",
    );
    // Riverside's Achievement is Needs attention on 4.1 alone.
    expect(lines).toContain(
      "Achievement,,Area overall,Needs attention,1,Riverside Academy (1 of 4 judged)",
    );
    // Nobody else rests on part of an area; no criterion's row names anyone.
    const named = lines.slice(1).filter((l) => l && !l.endsWith(","));
    expect(named).toEqual([
      "Achievement,,Area overall,Needs attention,1,Riverside Academy (1 of 4 judged)",
    ]);
    const agreed = (await http.get("/insight/stack.csv?source=agreed")).html;
    expect(agreed).not.toContain("Riverside Academy (");
  });

  it("the Trends, with one cycle so far, give that cycle's figures area by area, with no chart to measure", async () => {
    const http = await as(leader);
    const html = (await http.get("/insight/trends")).html;
    const captions = [...html.matchAll(/<caption[^>]*>([^<]*)<\/caption>/g)].map((m) => m[1]);
    expect(captions).toHaveLength(9);
    // One cycle: no trend yet, so no chart (and no bars to measure); the figures stay. (With
    // two or more, every chart is measured against the largest cycle: tests/e2e/insight.test.ts.)
    for (const caption of captions) {
      expect(caption).toMatch(/: schools at each level in Self-evaluation 2026–27\.$/);
      expect(caption).not.toContain("Every bar");
    }
  });

  it("the Stack measures every area's chart against the schools in the cycle, and says so", async () => {
    const http = await as(leader);
    const html = (await http.get("/insight/stack")).html;
    const captions = [...html.matchAll(/<caption[^>]*>([^<]*)<\/caption>/g)].map((m) => m[1]);
    expect(captions).toHaveLength(9);
    for (const caption of captions)
      expect(caption).toContain("Every bar is measured against the 3 schools in this cycle");
    expect(captions.find((c) => c.startsWith("Early years"))).toContain(
      "this area applies at 2 of them.",
    );
    expect(captions.find((c) => c.startsWith("Sixth form"))).toContain(
      "this area applies at 1 of them.",
    );
    expect(captions.find((c) => c.startsWith("Inclusion"))).not.toContain("applies at");
  });
});

describe("centres of expertise by whose judgement counts", () => {
  // As in the demo: every school has judged itself and nothing is agreed yet. Meadowbank is
  // strong, Oakfield needs support, Hillcrest sits at the expected level.
  let leader: string;
  let trustFramework: string;
  let meadowbank: School;
  let oakfield: School;
  const path = (source: string) => `/insight/expertise?source=${source}`;

  beforeAll(async () => {
    const trust = await buildTrust();
    leader = (await buildUser("trustLeader", trust)).id;
    meadowbank = await buildSchool(trust, { name: "Meadowbank School" });
    oakfield = await buildSchool(trust, { name: "Oakfield Academy" });
    const hillcrest = await buildSchool(trust, { name: "Hillcrest Primary School" });
    const version = await buildStarterFramework(trust);
    trustFramework = version.frameworkId;
    await seedInsight({
      version,
      schools: [meadowbank, oakfield, hillcrest],
      cycleNames: ["Self-evaluation 2026–27"],
      createdBy: leader,
      judge: ({ schoolIndex, scale }) =>
        scale.levels.length === 2
          ? { self: "met" }
          : { self: levelAt(scale, [3, 1, 2][schoolIndex]) },
    });
  });

  const explanation =
    "Meadowbank School is Strong standard in Inclusion (its self-evaluation); Oakfield Academy&#x27;s Inclusion is Needs attention";

  it("pairs on the schools' self-evaluations, and on the latest available, need and strength alike", async () => {
    const http = await as(leader);
    for (const source of ["self", "latest"]) {
      const page = (await http.get(path(source))).html;
      expect(page, source).toContain(explanation);
      expect(page, source).toContain("<td>its self-evaluation</td>");
      // Accepting keeps the basis the pairing was suggested on.
      expect(page, source).toContain(
        `<input type="hidden" name="source" value="${source}"/><input type="hidden" name="areaId"`,
      );
    }
  });

  it("says honestly that nothing is agreed yet where agreed judgements count", async () => {
    const http = await as(leader);
    const page = (await http.get(path("agreed"))).html;
    expect(page).not.toContain("Accept pairing");
    const empty = [...page.matchAll(/<p class="empty-state">([^<]*)<\/p>/g)].map((m) => m[1]);
    expect(empty.slice(0, 2)).toEqual([
      expect.stringContaining("Nothing has been agreed in validation in this cycle yet"),
      expect.stringContaining("Nothing has been agreed in validation in this cycle yet"),
    ]);
  });

  it("accepts a pairing on the basis it was suggested on, and refuses a basis that is not one", async () => {
    const http = await as(leader);
    await http.get(path("self"));
    const fields = {
      frameworkId: trustFramework,
      cycleId: "",
      areaId: "inclusion",
      supportedSchoolId: oakfield.id,
      centreSchoolId: meadowbank.id,
    };
    const bogus = await http.post(path("self"), { ...fields, source: "everyone" });
    expect(bogus.status).toBe(400);
    expect(bogus.html).toContain("Choose whose judgement counts.");
    const onAgreed = await http.post(path("agreed"), { ...fields, source: "agreed" });
    expect(onAgreed.status).toBe(400);
    expect(onAgreed.html).toContain("no longer suggested");

    const accepted = await http.post(path("self"), { ...fields, source: "self" });
    expect(accepted.status).toBe(303);
    const pairings = await PairingModel.find({ centreSchoolId: meadowbank.id }).lean();
    expect(pairings.map((p) => p.explanation)).toEqual([
      "Meadowbank School is Strong standard in Inclusion (its self-evaluation); Oakfield Academy's Inclusion is Needs attention",
    ]);
  });
});

describe("a school's leaders and staff", () => {
  it("see their own school's place, with no other school named in any response", async () => {
    const others = schools.filter((s) => s.id !== world.school.id).map((s) => s.name);
    for (const userId of [world.people.schoolLeader.id, world.people.staff.id]) {
      const http = await as(userId);
      const place = await http.get("/insight");
      expect(place.status).toBe(200);
      expect(place.html).toContain(world.school.name);
      expect(place.html).toContain("Where we stand");
      // One school at Needs attention (theirs) and one at Exceptional: counts too small to show.
      expect(place.html).toContain("not shown, so no school can be identified");
      expect(place.html).toContain("3 schools");
      for (const path of [
        ...VIEWS.slice(1),
        ...CSVS,
        `/insight/stack?cycle=${latestCycleId}&open=${encodeURIComponent("inclusion|exceptional")}`,
      ]) {
        const page = await http.get(path);
        expect(page.status, path).toBe(404);
        for (const name of others) expect(page.html, `${path} ${name}`).not.toContain(name);
      }
      for (const name of others) expect(place.html, name).not.toContain(name);
      const home = await http.get("/home");
      expect(home.html).toContain("Where your school stands in the trust");
      for (const name of others) expect(home.html, name).not.toContain(name);
      const refused = await http.post("/insight/expertise", {
        frameworkId,
        cycleId: latestCycleId,
        areaId: "inclusion",
        supportedSchoolId: world.school.id,
        centreSchoolId: world.otherSchool.id,
      });
      expect(refused.status).toBe(404);
    }
  });
});

describe("validators and other trusts", () => {
  it("validators get no trust-wide views (404), and no Insight in their navigation", async () => {
    const http = await as(world.people.validator.id);
    for (const path of [...VIEWS, ...CSVS]) {
      const page = await http.get(path);
      expect(page.status, path).toBe(404);
      for (const school of schools) expect(page.html).not.toContain(school.name);
    }
    expect((await http.get("/home")).html).not.toContain('href="/insight"');
  });

  it("another trust's admin sees only their own trust: this trust's framework is a 404", async () => {
    const http = await as(otherTrustAdmin);
    for (const path of [...VIEWS, ...CSVS]) {
      const page = await http.get(path);
      expect(page.status, path).toBe(200);
      for (const school of schools) expect(page.html, path).not.toContain(school.name);
    }
    for (const path of [...VIEWS, ...CSVS]) {
      const page = await http.get(`${path}?framework=${frameworkId}&cycle=${latestCycleId}`);
      expect(page.status, path).toBe(404);
      for (const school of schools) expect(page.html, path).not.toContain(school.name);
    }
  });
});
