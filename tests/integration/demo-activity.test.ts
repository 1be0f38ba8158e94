import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { readJudgements } from "../../collab/shapes/evaluation.ts";
import { secondFactorKey } from "../../app/utils/second-factor-key.server.ts";
import { getEvaluation, listEvaluationsOfSchool } from "../../models/evaluation/evaluation.ts";
import { toLondonLocal } from "../../models/meeting/schedule.ts";
import { seedDemo } from "../../models/seed/demo.ts";
import { listSnapshotsOfEvaluation } from "../../models/snapshot/snapshot.ts";
import { findUserByEmail } from "../../models/user/user.ts";
import { findMeetingSchedule } from "../../models/validation/meeting.ts";
import { findValidationOfEvaluation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { seedDemoActivity } from "../../server/demo-activity.ts";
import { useTestDatabase } from "../support/database.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// `npm start`'s demo: each demo person finds something to do on first sign-in.
useTestDatabase();

let server: AppServer;
let demo: Awaited<ReturnType<typeof seedDemo>>;
const NOW = new Date();
const DAY = 86_400_000;

beforeAll(async () => {
  server = await startTestServer({ storeDebounceMs: 50 });
  demo = await seedDemo({ secondFactorKey: secondFactorKey() });
  await seedDemoActivity(server.collab, demo.schools, demo.version, NOW);
});
afterAll(async () => {
  await server?.close();
});

const named = (name: string) => demo.schools.find((s) => s.name === name)!;
async function evaluationOf(name: string) {
  const school = named(name);
  const evaluations = await listEvaluationsOfSchool(school.trustId, school.id);
  expect(evaluations).toHaveLength(1);
  return evaluations[0];
}
async function shown(email: string, path: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor((await findUserByEmail(email))!.id));
  const answer = await http.get(path);
  return answer.html.replace(/<script[\s\S]*?<\/script>/g, "");
}

describe("the demo trust's first cycle under way", () => {
  it("has three schools judged in full in their live documents, and Riverside untouched", async () => {
    for (const name of ["Hillcrest Primary School", "Oakfield Academy", "Meadowbank School"]) {
      const evaluation = await evaluationOf(name);
      const doc = await server.collab.read(documentName("evaluation", evaluation.id));
      const judgements = readJudgements(doc);
      doc.destroy();
      const criteria = Object.keys(evaluation.levelsByCriterion);
      expect(Object.keys(judgements).sort()).toEqual([...criteria].sort());
      for (const id of criteria) expect(evaluation.levelsByCriterion[id]).toContain(judgements[id]);
      // The projection the lists and insight read follows the document once it is stored.
      await expect
        .poll(async () => (await getEvaluation(evaluation.trustId, evaluation.id))!.projection, {
          timeout: 10_000,
        })
        .toMatchObject({ judgedCount: criteria.length });
    }
    const riverside = await evaluationOf("Riverside Primary Academy");
    expect(riverside.projection.judgedCount).toBe(0);
    expect(riverside.status).toBe("inProgress");
  });

  it("has Hillcrest submitted, with the demo validator assigned and a meeting on a weekday morning", async () => {
    const hillcrest = await evaluationOf("Hillcrest Primary School");
    expect(hillcrest.status).toBe("submitted");
    expect(await listSnapshotsOfEvaluation(hillcrest.trustId, hillcrest.id)).toHaveLength(1);
    const validator = (await findUserByEmail("validator@riverside.example"))!;
    const validation = (await findValidationOfEvaluation(hillcrest.trustId, hillcrest.id))!;
    expect(validation.validatorIds).toEqual([validator.id]);
    const meeting = (await findMeetingSchedule(validation.trustId, validation.id))!;
    // A weekday morning a week or so away (10:00 in London).
    const inDays = (meeting.scheduledAt.getTime() - NOW.getTime()) / DAY;
    expect(inDays).toBeGreaterThan(6);
    expect(inDays).toBeLessThan(10);
    expect(toLondonLocal(meeting.scheduledAt).slice(11)).toBe("10:00");
    expect(meeting.agendaCriterionIds.length).toBeGreaterThan(0);

    const home = await shown("validator@riverside.example", "/home");
    expect(home).toContain("Hillcrest Primary School: Self-evaluation 2026–27");
    expect(home).toMatch(
      /(Monday|Tuesday|Wednesday|Thursday|Friday) \d+ \w+ \d{4} at 10:00 \(UK time\)/,
    );
  });

  it("has the four schools in one cycle, due in about a term, each where it stands", async () => {
    const evaluations = await Promise.all(demo.schools.map((s) => evaluationOf(s.name)));
    const cycleId = evaluations[0].cycleId;
    expect(cycleId).not.toBeNull();
    expect(evaluations.every((e) => e.cycleId === cycleId)).toBe(true);
    const dueInDays = (evaluations[0].dueDate!.getTime() - NOW.getTime()) / DAY;
    expect(dueInDays).toBeGreaterThan(60);
    expect(dueInDays).toBeLessThan(80);
    const cycles = await shown("admin@riverside.example", "/cycles");
    expect(cycles).toContain("Self-evaluation 2026–27");
    const cycle = await shown("admin@riverside.example", `/cycles/${cycleId}`);
    const row = (school: string) =>
      cycle.slice(cycle.indexOf(school), cycle.indexOf("</tr>", cycle.indexOf(school)));
    expect(row("Riverside Primary Academy")).toContain("Not started");
    expect(row("Hillcrest Primary School")).toContain("Submitted");
    // Said once: the percentage is in its own column (the cell's column name drawn before it
    // on a phone, components/stacked-table.tsx).
    expect(row("Oakfield Academy")).toMatch(
      /<td[^>]*>(<span class="stacked-table-label"[^>]*>Status<\/span>)?In progress<\/td>/,
    );
    expect(row("Meadowbank School")).toContain("In progress");
  });

  it("gives the trust leader four schools to compare on the heat map", async () => {
    const heat = await shown("leader@riverside.example", "/insight/heat-map");
    expect(heat).toContain("4 of 4 schools shown.");
    expect(heat).toContain("Exceptional");
    expect(heat).toContain("Needs attention");
    // A sixth form the primaries lack, early years Oakfield lacks: not applicable, not unjudged.
    expect(heat.match(/<td class="heat-cell heat-na">Not applicable<\/td>/g)).toHaveLength(3);
    const csv = await shown("leader@riverside.example", "/insight/heat-map.csv");
    const oakfield = csv.split("\n").find((line) => line.startsWith("Oakfield Academy"))!;
    expect(oakfield).toContain("Not applicable");
    expect(oakfield).not.toContain("Not judged");
    // Each school's status as its own lists say it: Riverside has not started, Hillcrest submitted.
    const status = (school: string) =>
      csv
        .split("\n")
        .find((l) => l.startsWith(school))!
        .split(",")[2];
    expect(status("Riverside Primary Academy")).toBe("Not started");
    expect(status("Oakfield Academy")).toBe("In progress");
    expect(status("Hillcrest")).toBe("Submitted");
    expect(heat).toContain("Primary · Not started");
    // And the Stack leaves them out of those areas, saying how many.
    const stack = await shown("leader@riverside.example", "/insight/stack");
    expect(stack).toContain(
      '<h2 id="stack-sixth-form">Sixth form</h2><p class="muted">Not applicable at 2 of the 4 schools.</p>',
    );
    expect(stack).toContain(
      '<h2 id="stack-early-years">Early years</h2><p class="muted">Not applicable at 1 of the 4 schools.</p>',
    );
    // Centres of expertise count whose judgement the page counts, need and strength alike: by
    // the latest available (the schools' own judgements, nothing being agreed yet), Oakfield is
    // offered a partner in Inclusion, where Hillcrest and Meadowbank judged themselves strong.
    const expertise = await shown("leader@riverside.example", "/insight/expertise");
    expect(expertise).toMatch(
      /(Hillcrest Primary School|Meadowbank School) is Strong standard in Inclusion \(its self-evaluation\); Oakfield Academy&#x27;s Inclusion is Needs attention/,
    );
    expect(expertise).toContain("Accept pairing");
    // By agreed judgements there is nothing yet, and the page says why.
    const agreed = await shown("leader@riverside.example", "/insight/expertise?source=agreed");
    expect(agreed).not.toContain("Accept pairing");
    expect(agreed).toContain("Nothing has been agreed in validation in this cycle yet");
    expect(agreed).not.toContain("already offered");
  });

  it("leaves a school that already has an evaluation as it is when seeded again", async () => {
    const before = await evaluationOf("Oakfield Academy");
    await seedDemoActivity(server.collab, demo.schools, demo.version, NOW);
    expect((await evaluationOf("Oakfield Academy")).id).toBe(before.id);
    expect((await evaluationOf("Hillcrest Primary School")).status).toBe("submitted");
  });
});
