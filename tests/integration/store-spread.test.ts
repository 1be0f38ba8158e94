import { afterEach, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { storePhaseMs } from "../../collab/extensions/store-spread.ts";
import { addForce } from "../../collab/shapes/plan.ts";
import { evaluationOfDocument } from "../../models/document-records.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildSchool, buildTrust, buildUser } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();

let server: AppServer | null = null;
let clients: TestClient[] = [];
afterEach(async () => {
  clients.forEach((client) => client.destroy());
  clients = [];
  await server?.close();
  server = null;
});

interface Opened {
  id: string;
  name: string;
  criterion: string;
  client: TestClient;
}

/**
 * Evaluations of a trust's schools, each open in a client of one of its staff: at least `count`,
 * and more (at most 20) until one's moment in a spread of `spreadMs` is at least `lateMs`.
 */
async function openEvaluations(count: number, spreadMs: number, lateMs: number) {
  const trust = await buildTrust();
  const opened: Opened[] = [];
  const late = () => opened.some(({ name }) => storePhaseMs(name, spreadMs) >= lateMs);
  while (opened.length < 20 && (opened.length < count || !late())) {
    const school = await buildSchool(trust);
    const staff = await buildUser("schoolStaff", trust, school);
    const evaluation = await buildEvaluation(school, staff, trust);
    const name = documentName("evaluation", evaluation.id);
    const client = connectClient(server!.url, name, await cookieFor(staff.id));
    clients.push(client);
    const [criterion] = Object.keys(evaluation.levelsByCriterion);
    opened.push({ id: evaluation.id, name, criterion, client });
  }
  await Promise.all(opened.map(({ client }) => client.synced));
  return opened;
}

/** Changes what each evaluation's projection holds, all in the same moment; returns that moment. */
function changeAll(opened: Opened[]): number {
  const at = Date.now();
  for (const { client, criterion } of opened) {
    addForce(client.doc, criterion, "helping", "Phonics lead in post", 3);
  }
  return at;
}

const projectedAt = async (id: string) =>
  (await evaluationOfDocument(id))?.projection.updatedAt?.getTime() ?? null;

describe("stores spread out in time (ADR 044)", () => {
  it("starts the stores of documents changed together each at its own moment after the debounce", async () => {
    const debounce = 1000;
    server = await startTestServer({ storeDebounceMs: debounce });
    const opened = await openEvaluations(4, debounce, 200);
    const before = new Map(
      await Promise.all(opened.map(async ({ id }) => [id, await projectedAt(id)] as const)),
    );
    const changedAt = changeAll(opened);
    await eventually(
      async () =>
        (
          await Promise.all(
            opened.map(async ({ id }) => (await projectedAt(id)) !== before.get(id)),
          )
        ).every(Boolean),
      10_000,
      "every projection written",
    );
    // Without the spread, every projection is written within a few ms of the debounce.
    expect(opened.some(({ name }) => storePhaseMs(name, debounce) >= 200)).toBe(true);
    for (const { id, name } of opened) {
      const waited = (await projectedAt(id))! - changedAt;
      expect(waited).toBeGreaterThanOrEqual(debounce + Math.floor(storePhaseMs(name, debounce)));
    }
  });

  it("does not hold a store for its moment when the server shuts down", async () => {
    server = await startTestServer({ storeDebounceMs: 2000 });
    const opened = await openEvaluations(1, 2000, 1000);
    // A document with a late moment: a store held for it would be written after it.
    const latest = opened.find(({ name }) => storePhaseMs(name, 2000) >= 1000)!;
    const phase = storePhaseMs(latest.name, 2000);
    const before = await projectedAt(latest.id);
    const changedAt = changeAll([latest]);
    await latest.client.whenSaved();
    await server.close();
    server = null;
    const written = await projectedAt(latest.id);
    expect(written).not.toBe(before);
    expect(written! - changedAt).toBeLessThan(phase);
  });
});
