import { afterAll, beforeAll, expect, it } from "vitest";
import type * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { criteriaOf, readFramework } from "../../collab/shapes/framework.ts";
import { draftFingerprintOf } from "../../models/framework/draft-fingerprint.ts";
import { contentFingerprint } from "../../models/framework/same-content.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// The frameworks list reads each draft as the server last stored it (ADR 069). Here the server
// stores a draft only long after an edit, so a publish right after an edit comes before it.
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
const clients: TestClient[] = [];

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

async function publish(frameworkId: string) {
  const admin = await as(world.people.trustAdmin.id);
  await admin.get(`/frameworks/${frameworkId}`);
  const published = await admin.post(`/frameworks/${frameworkId}`, {});
  expect(published.status).toBe(200);
}

async function rowOf(frameworkId: string): Promise<string> {
  const html = (await (await as(world.people.trustAdmin.id)).get("/frameworks")).html;
  const row = html
    .split("<tr")
    .slice(1)
    .find((r) => r.includes(`href="/frameworks/${frameworkId}"`));
  expect(row, `a row for ${frameworkId}`).toBeDefined();
  return row!
    .split("</tr>")[0]
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ");
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer({ storeDebounceMs: 60_000 });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

it("says the draft matches the version just published from it, before the server stores it", async () => {
  const admin = await as(world.people.trustAdmin.id);
  await admin.get("/frameworks");
  const created = await admin.post("/frameworks", { starter: "inclusion-excellence" });
  const frameworkId = created.location!.split("/").pop()!;
  await publish(frameworkId);
  expect(await rowOf(frameworkId)).toContain("Draft matches version 1");

  const client = connectClient(
    server.url,
    documentName("framework", frameworkId),
    await cookieFor(world.people.trustAdmin.id),
  );
  clients.push(client);
  await client.synced;
  const criterionId = inclusionExcellence.areas[0].criteria[0].id;
  (criteriaOf(client.doc).get(criterionId)!.get("statement") as Y.Text).insert(0, "Now: ");
  await client.whenSaved();
  const edited = contentFingerprint(readFramework(client.doc));
  // Durable in the update log, not yet stored: nothing recorded of the edit.
  expect(await draftFingerprintOf(frameworkId)).not.toBe(edited);

  await publish(frameworkId);
  // Read from the records (the draft is open, so a live read would be right anyway).
  const reads: string[] = [];
  const read = server.collab.read;
  server.collab.read = (name) => {
    reads.push(name);
    return read(name);
  };
  try {
    expect(await rowOf(frameworkId)).toContain("Draft matches version 2");
  } finally {
    server.collab.read = read;
  }
  // (The trust's other framework, whose draft this server has not stored yet, is read live.)
  expect(reads.filter((name) => name === documentName("framework", frameworkId))).toEqual([]);
  expect(await draftFingerprintOf(frameworkId)).toBe(edited);
});
