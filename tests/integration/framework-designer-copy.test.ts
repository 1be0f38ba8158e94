import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { readFramework } from "../../collab/shapes/framework.ts";
import { FrameworkModel } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, type TestClient } from "../support/collab-client.ts";
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

async function nameOf(frameworkId: string): Promise<string> {
  const client = connectClient(
    server.url,
    documentName("framework", frameworkId),
    await cookieFor(world.people.trustAdmin.id),
  );
  clients.push(client);
  await client.synced;
  return readFramework(client.doc).name;
}

/** The rendered copy form of the designer page (not the page's serialised data), or null. */
function copyFormIn(html: string): string | null {
  const form = html
    .split("<form")
    .slice(1)
    .map((f) => f.split("</form>")[0])
    .find((f) => f.includes('name="intent" value="copy"'));
  return form ?? null;
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe("making a copy from the framework's designer", () => {
  it("offers trust admins a copy, made once however often it is sent, and opens it", async () => {
    const frameworkId = await createFromStarter();
    const admin = await as(world.people.trustAdmin.id);
    const page = await admin.get(`/frameworks/${frameworkId}`);
    expect(page.status).toBe(200);
    const form = copyFormIn(page.html);
    expect(form, "a copy form on the designer").not.toBeNull();
    expect(form).toContain(">Make a copy</button>");
    expect(form).toMatch(/name="requestId" value="[^"]+"/);
    expect(page.html).toContain('<h2 id="copy-heading">Make a copy</h2>');

    const before = await FrameworkModel.countDocuments();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        admin.post(`/frameworks/${frameworkId}`, { intent: "copy" }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(302));
    expect(new Set(answers.map((a) => a.location)).size).toBe(1);
    expect(await FrameworkModel.countDocuments()).toBe(before + 1);
    const copyId = answers[0].location!.split("/").pop()!;
    expect(copyId).not.toBe(frameworkId);
    expect(answers[0].location).toBe(`/frameworks/${copyId}`);
    expect((await admin.get(`/frameworks/${copyId}`)).status).toBe(200);
    expect(await nameOf(copyId)).toBe(`Copy of ${inclusionExcellence.name}`);
    // Nothing was published by the copy form.
    expect((await FrameworkModel.findById(frameworkId).lean())!.latestVersion).toBe(0);
  });

  it("is not offered to those who may only read, and is refused to them", async () => {
    const frameworkId = await createFromStarter();
    const leader = await as(world.people.trustLeader.id);
    const page = await leader.get(`/frameworks/${frameworkId}`);
    expect(page.status).toBe(200);
    expect(copyFormIn(page.html)).toBeNull();
    expect(page.html).not.toContain("Make a copy");
    const before = await FrameworkModel.countDocuments();
    const refused = await leader.post(`/frameworks/${frameworkId}`, {
      intent: "copy",
      requestId: "a".repeat(24),
    });
    expect([403, 404]).toContain(refused.status);
    expect(await FrameworkModel.countDocuments()).toBe(before);
  });

  it("says why when the page is stale, making nothing", async () => {
    const frameworkId = await createFromStarter();
    const admin = await as(world.people.trustAdmin.id);
    await admin.get(`/frameworks/${frameworkId}`);
    const before = await FrameworkModel.countDocuments();
    const stale = await admin.post(`/frameworks/${frameworkId}`, {
      intent: "copy",
      requestId: "x",
    });
    expect(stale.status).toBe(400);
    expect(stale.html).toContain("No copy was made: Reload the page and try again.");
    expect(await FrameworkModel.countDocuments()).toBe(before);
  });
});
