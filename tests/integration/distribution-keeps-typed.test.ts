import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listVersions } from "../../models/framework/framework.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

async function publishedVersion(): Promise<string> {
  const admin = await as(world.people.trustAdmin.id);
  await admin.get("/frameworks");
  const created = await admin.post("/frameworks", { starter: "inclusion-excellence" });
  expect(created.status).toBe(302);
  const frameworkId = created.location!.split("/").pop()!;
  await admin.get(`/frameworks/${frameworkId}`);
  expect((await admin.post(`/frameworks/${frameworkId}`, {})).status).toBe(200);
  return (await listVersions(world.trust.id, frameworkId))[0].id;
}

/** The rendered `<input>` tags of a form field (not the page's serialised data). */
function inputsNamed(html: string, name: string): string[] {
  return [...html.matchAll(/<input\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes(` name="${name}"`));
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("the distribution form refused without scripts", () => {
  it("comes back with the cycle name, due date and schools as they were typed", async () => {
    const versionId = await publishedVersion();
    const admin = await as(world.people.trustAdmin.id);
    const page = await admin.get(`/cycles/new?version=${versionId}`);
    expect(page.status).toBe(200);

    const refused = await admin.post(`/cycles/new?version=${versionId}`, {
      versionId,
      name: "Spring inclusion review & pilot",
      dueDate: "2001-01-01",
      schoolId: world.school.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("The due date must not be in the past");

    const [name] = inputsNamed(refused.html, "name");
    expect(name).toContain('value="Spring inclusion review &amp; pilot"');
    const [dueDate] = inputsNamed(refused.html, "dueDate");
    expect(dueDate).toContain('value="2001-01-01"');
    const schools = inputsNamed(refused.html, "schoolId");
    const chosen = schools.find((tag) => tag.includes(`value="${world.school.id}"`));
    const left = schools.find((tag) => tag.includes(`value="${world.otherSchool.id}"`));
    expect(chosen).toContain("checked");
    expect(left).toBeDefined();
    expect(left).not.toContain("checked");
  });

  it("keeps an emptied school choice and a too-short name as typed", async () => {
    const versionId = await publishedVersion();
    const admin = await as(world.people.trustAdmin.id);
    await admin.get(`/cycles/new?version=${versionId}`);
    const refused = await admin.post(`/cycles/new?version=${versionId}`, {
      versionId,
      name: "ab",
      dueDate: "",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("at least 3 characters");
    expect(inputsNamed(refused.html, "name")[0]).toContain('value="ab"');
    for (const tag of inputsNamed(refused.html, "schoolId")) expect(tag).not.toContain("checked");
  });
});
