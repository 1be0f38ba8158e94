import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { criteriaOf, readFramework } from "../../collab/shapes/framework.ts";
import {
  DraftFingerprintModel,
  draftFingerprintOf,
} from "../../models/framework/draft-fingerprint.ts";
import { FrameworkModel } from "../../models/framework/framework.ts";
import { contentFingerprint } from "../../models/framework/same-content.ts";
import { FRAMEWORK_LIMITS } from "../../models/framework/schema.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
const clients: TestClient[] = [];

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

async function createFromStarter(): Promise<string> {
  const admin = await as(world.people.trustAdmin.id);
  await admin.get("/frameworks");
  const created = await admin.post("/frameworks", { starter: "inclusion-excellence" });
  expect(created.status).toBe(302);
  return created.location!.split("/").pop()!;
}

async function publish(frameworkId: string) {
  const admin = await as(world.people.trustAdmin.id);
  await admin.get(`/frameworks/${frameworkId}`);
  const published = await admin.post(`/frameworks/${frameworkId}`, {});
  expect(published.status).toBe(200);
}

/** Waits until the server has stored the client's draft as it is now (the list reads that). */
async function stored(frameworkId: string, client: TestClient) {
  await client.whenSaved();
  const now = contentFingerprint(readFramework(client.doc));
  await eventually(
    async () => (await draftFingerprintOf(frameworkId)) === now,
    10_000,
    "the draft stored",
  );
}

/** Counts the live documents the server reads for pages (`collab.read`) while `during` runs. */
async function liveReadsDuring<T>(
  during: () => Promise<T>,
): Promise<{ result: T; reads: string[] }> {
  const reads: string[] = [];
  const read = server.collab.read;
  server.collab.read = (name) => {
    reads.push(name);
    return read(name);
  };
  try {
    return { result: await during(), reads };
  } finally {
    server.collab.read = read;
  }
}

/** The rendered rows of the frameworks list, as text (not the page's serialised data). */
function rowsIn(html: string): { html: string; text: string }[] {
  return html
    .split("<tr")
    .slice(1)
    .map((r) => r.split("</tr>")[0])
    .map((r) => ({ html: r, text: r.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ") }));
}

/** The frameworks list's row for one framework, as text. */
async function rowOf(userId: string, frameworkId: string): Promise<string> {
  const html = (await (await as(userId)).get("/frameworks")).html;
  const row = rowsIn(html).find((r) => r.html.includes(`href="/frameworks/${frameworkId}"`));
  expect(row, `a row for ${frameworkId}`).toBeDefined();
  return row!.text;
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe("the frameworks list", () => {
  it("says whether each published framework's draft has changes not yet published", async () => {
    const frameworkId = await createFromStarter();
    expect(await rowOf(world.people.trustAdmin.id, frameworkId)).toContain("Not published yet");

    await publish(frameworkId);
    expect(await rowOf(world.people.trustAdmin.id, frameworkId)).toContain(
      "Draft matches version 1",
    );

    const client = connectClient(
      server.url,
      documentName("framework", frameworkId),
      await cookieFor(world.people.trustAdmin.id),
    );
    clients.push(client);
    await client.synced;
    const criterionId = inclusionExcellence.areas[0].criteria[0].id;
    (criteriaOf(client.doc).get(criterionId)!.get("statement") as Y.Text).insert(0, "Reworded: ");
    await stored(frameworkId, client);

    // Leaders read the list too, and see the same.
    for (const person of [world.people.trustAdmin, world.people.trustLeader]) {
      const row = await rowOf(person.id, frameworkId);
      expect(row).toContain("Draft has changes not yet published");
      expect(row).not.toContain("Draft matches");
    }

    await publish(frameworkId);
    expect(await rowOf(world.people.trustAdmin.id, frameworkId)).toContain(
      "Draft matches version 2",
    );
  });

  it("reads what the server recorded when it stored each draft, never the drafts themselves", async () => {
    const frameworkId = await createFromStarter();
    await publish(frameworkId);
    const name = documentName("framework", frameworkId);
    const client = connectClient(server.url, name, await cookieFor(world.people.trustAdmin.id));
    clients.push(client);
    await client.synced;
    const criterionId = inclusionExcellence.areas[0].criteria[0].id;
    (criteriaOf(client.doc).get(criterionId)!.get("statement") as Y.Text).insert(0, "Kept: ");
    await stored(frameworkId, client);
    client.destroy();
    await eventually(() => !server.collab.hocuspocus.documents.has(name), 10_000, "draft unloaded");

    for (const person of [world.people.trustAdmin, world.people.trustLeader]) {
      const { result: row, reads } = await liveReadsDuring(() => rowOf(person.id, frameworkId));
      expect(row).toContain("Draft has changes not yet published");
      expect(reads).toEqual([]);
      expect(server.collab.hocuspocus.documents.has(name)).toBe(false);
    }

    await publish(frameworkId);
    await eventually(() => !server.collab.hocuspocus.documents.has(name), 10_000, "draft unloaded");
    const { result: row, reads } = await liveReadsDuring(() =>
      rowOf(world.people.trustAdmin.id, frameworkId),
    );
    expect(row).toContain("Draft matches version 2");
    expect(reads).toEqual([]);
    expect(server.collab.hocuspocus.documents.has(name)).toBe(false);
  });

  it("reads a draft live once when nothing is recorded for it yet (edited before records were kept)", async () => {
    const frameworkId = await createFromStarter();
    await publish(frameworkId);
    const name = documentName("framework", frameworkId);
    const client = connectClient(server.url, name, await cookieFor(world.people.trustAdmin.id));
    clients.push(client);
    await client.synced;
    const criterionId = inclusionExcellence.areas[0].criteria[0].id;
    (criteriaOf(client.doc).get(criterionId)!.get("statement") as Y.Text).insert(0, "Earlier: ");
    await stored(frameworkId, client);
    client.destroy();
    await eventually(() => !server.collab.hocuspocus.documents.has(name), 10_000, "draft unloaded");
    // As a framework published and edited before this was recorded finds itself.
    await DraftFingerprintModel.deleteOne({ _id: frameworkId });
    await FrameworkModel.updateOne({ _id: frameworkId }, { $unset: { latestFingerprint: 1 } });

    const first = await liveReadsDuring(() => rowOf(world.people.trustAdmin.id, frameworkId));
    expect(first.result).toContain("Draft has changes not yet published");
    expect(first.reads).toEqual([name]);
    // That read's store records the draft: the next view reads records only.
    await eventually(
      async () => (await draftFingerprintOf(frameworkId)) !== null,
      10_000,
      "recorded",
    );
    const next = await liveReadsDuring(() => rowOf(world.people.trustAdmin.id, frameworkId));
    expect(next.result).toContain("Draft has changes not yet published");
    expect(next.reads).toEqual([]);
  });

  it("stays quick with ten published frameworks, none of their drafts open", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) ids.push(await createFromStarter());
    for (const id of ids) await publish(id);
    // Each draft is read from the database, as when nobody has had it open for a while.
    await eventually(
      () =>
        ids.every((id) => !server.collab.hocuspocus.documents.has(documentName("framework", id))),
      10_000,
      "drafts unloaded",
    );
    const http = await as(world.people.trustAdmin.id);
    const started = performance.now();
    const html = (await http.get("/frameworks")).html;
    const took = performance.now() - started;
    const published = rowsIn(html).filter((r) => /Draft (matches|has changes)/.test(r.text));
    console.info(
      `frameworks list, ${published.length} published drafts, none loaded: ${took.toFixed(0)} ms`,
    );
    for (const id of ids) {
      const row = rowsIn(html).find((r) => r.html.includes(`href="/frameworks/${id}"`));
      expect(row?.text).toContain("Draft matches version 1");
    }
    expect(took).toBeLessThan(2000);
  });
});

describe("making a copy", () => {
  async function reword(frameworkId: string) {
    const client = connectClient(
      server.url,
      documentName("framework", frameworkId),
      await cookieFor(world.people.trustAdmin.id),
    );
    clients.push(client);
    await client.synced;
    const criterionId = inclusionExcellence.areas[0].criteria[0].id;
    (criteriaOf(client.doc).get(criterionId)!.get("statement") as Y.Text).insert(0, "Draft only: ");
    await client.whenSaved();
  }

  async function draftOf(frameworkId: string) {
    const client = connectClient(
      server.url,
      documentName("framework", frameworkId),
      await cookieFor(world.people.trustAdmin.id),
    );
    clients.push(client);
    await client.synced;
    return readFramework(client.doc);
  }

  it("makes one new draft from the newest published version, even sent 20 times at once", async () => {
    const frameworkId = await createFromStarter();
    await publish(frameworkId);
    await reword(frameworkId);

    const admin = await as(world.people.trustAdmin.id);
    const list = await admin.get("/frameworks");
    expect(list.html).toContain(
      `Make a copy<span class="visually-hidden"> of <!-- -->${inclusionExcellence.name}`,
    );
    const before = await FrameworkModel.countDocuments();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => admin.post("/frameworks", { intent: "copy", frameworkId })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(302));
    expect(new Set(answers.map((a) => a.location)).size).toBe(1);
    expect(await FrameworkModel.countDocuments()).toBe(before + 1);

    const copyId = answers[0].location!.split("/").pop()!;
    expect(copyId).not.toBe(frameworkId);
    expect((await admin.get(`/frameworks/${copyId}`)).status).toBe(200);
    const copy = await draftOf(copyId);
    expect(copy.name).toBe(`Copy of ${inclusionExcellence.name}`);
    // The published wording, not the draft's unpublished edit.
    expect(copy.areas[0].criteria[0].statement).toBe(
      inclusionExcellence.areas[0].criteria[0].statement,
    );
    expect(await rowOf(world.people.trustAdmin.id, copyId)).toContain("Not published yet");
    // The original is untouched.
    expect((await draftOf(frameworkId)).name).toBe(inclusionExcellence.name);
  });

  it("names the copy of a framework with a name at the limit so that it can be published", async () => {
    const admin = await as(world.people.trustAdmin.id);
    await admin.get("/frameworks");
    const longName = "Inclusion, belonging and wellbeing across every school of the trust "
      .repeat(4)
      .slice(0, FRAMEWORK_LIMITS.name);
    expect(longName).toHaveLength(FRAMEWORK_LIMITS.name);
    const form = new FormData();
    form.set("csrf", admin.csrf);
    form.set("requestId", admin.requestId);
    form.set("intent", "import");
    const file = JSON.stringify({ ...inclusionExcellence, name: longName });
    form.set("file", new File([file], "long.json", { type: "application/json" }));
    const imported = await fetch(`${server.url}/frameworks`, {
      method: "POST",
      body: form,
      headers: { cookie: admin.cookieHeader, origin: server.url },
      redirect: "manual",
    });
    expect(imported.status).toBe(302);
    const frameworkId = imported.headers.get("location")!.split("/").pop()!;
    await publish(frameworkId);

    await admin.get("/frameworks");
    const copied = await admin.post("/frameworks", { intent: "copy", frameworkId });
    expect(copied.status).toBe(302);
    const copyId = copied.location!.split("/").pop()!;
    const name = (await draftOf(copyId)).name;
    expect(name.length).toBeLessThanOrEqual(FRAMEWORK_LIMITS.name);
    expect(name.startsWith("Copy of Inclusion, belonging and wellbeing")).toBe(true);
    expect(name.endsWith("…")).toBe(true);

    await admin.get(`/frameworks/${copyId}`);
    const published = await admin.post(`/frameworks/${copyId}`, {});
    expect(published.html).not.toMatch(/The framework.{1,6}s name is/);
    expect(published.status).toBe(200);
  });

  it("copies the draft of a framework never published", async () => {
    const frameworkId = await createFromStarter();
    await reword(frameworkId);
    const admin = await as(world.people.trustAdmin.id);
    await admin.get("/frameworks");
    const copied = await admin.post("/frameworks", { intent: "copy", frameworkId });
    expect(copied.status).toBe(302);
    const copy = await draftOf(copied.location!.split("/").pop()!);
    expect(copy.areas[0].criteria[0].statement.startsWith("Draft only: ")).toBe(true);
  });

  it("is for trust admins only, and says why when the form is stale", async () => {
    const frameworkId = await createFromStarter();
    const leader = await as(world.people.trustLeader.id);
    const list = await leader.get("/frameworks");
    expect(list.html).not.toContain("Make a copy");
    const before = await FrameworkModel.countDocuments();
    const refused = await leader.post("/frameworks", {
      intent: "copy",
      frameworkId,
      requestId: "a".repeat(24),
    });
    expect([403, 404]).toContain(refused.status);
    expect(await FrameworkModel.countDocuments()).toBe(before);

    const admin = await as(world.people.trustAdmin.id);
    await admin.get("/frameworks");
    const stale = await admin.post("/frameworks", { intent: "copy", frameworkId, requestId: "x" });
    expect(stale.status).toBe(400);
    expect(rowsIn(stale.html).length).toBeGreaterThan(0);
    expect(stale.html).toContain("No copy was made: Reload the page and try again.");
    expect(await FrameworkModel.countDocuments()).toBe(before);
  });
});
