import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import {
  addTier,
  areasOf,
  detailsOf,
  levelsOf,
  ordered,
  tiersOf,
} from "../../collab/shapes/framework.ts";
import { CycleModel } from "../../models/cycle/cycle.ts";
import { FrameworkVersionModel } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import type { AccreditationRule } from "../../models/framework/types.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// What a trust admin designing a framework for the first time trips over: a draft that publishes
// with a rule no school can meet, two levels or areas of one name, or a scale name its own export
// cannot import; and a second version whose distribute form offers a name it then refuses.

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
const clients: TestClient[] = [];

async function admin() {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(world.people.trustAdmin.id));
  return http;
}

/** A new draft from the Inclusion Excellence starter, with a live client on it. */
async function draft() {
  const http = await admin();
  await http.get("/frameworks");
  const created = await http.post("/frameworks", { starter: "inclusion-excellence" });
  expect(created.status).toBe(302);
  const frameworkId = created.location!.split("/").pop()!;
  const client = connectClient(
    server.url,
    documentName("framework", frameworkId),
    await cookieFor(world.people.trustAdmin.id),
  );
  clients.push(client);
  await client.synced;
  await http.get(`/frameworks/${frameworkId}`);
  return { http, frameworkId, client };
}

const criteriaInStarter = inclusionExcellence.areas.reduce((n, a) => n + a.criteria.length, 0);

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe("publishing refuses a draft a reader could not make sense of", () => {
  it("an accreditation rule whose higher level is not higher, or asks for more criteria than there are", async () => {
    const { http, frameworkId, client } = await draft();
    const details = detailsOf(client.doc);
    const rule = (r: AccreditationRule) => client.doc.transact(() => details.set("rule", r));

    rule({
      type: "minimumLevels",
      everyCriterionAtLeast: "secure",
      atLeast: { count: 1, level: "developing" },
    });
    await client.whenSaved();
    const lower = await http.post(`/frameworks/${frameworkId}`, {});
    expect(lower.status).toBe(400);
    expect(lower.html).toContain(
      "Accreditation rule: the higher level must be above “Secure”, the level every criterion must reach.",
    );

    rule({
      type: "minimumLevels",
      everyCriterionAtLeast: "secure",
      atLeast: { count: criteriaInStarter + 1, level: "leading" },
    });
    await client.whenSaved();
    const tooMany = await http.post(`/frameworks/${frameworkId}`, {});
    expect(tooMany.status).toBe(400);
    expect(tooMany.html).toContain(
      `Accreditation rule: it asks for ${criteriaInStarter + 1} criteria at the higher level, but only ${criteriaInStarter} criteria use the scale, so no school could meet it.`,
    );
    expect(tooMany.html).toContain('href="#rule"');
    expect(await FrameworkVersionModel.countDocuments({ frameworkId })).toBe(0);

    // Asking for every criterion is fine.
    rule({
      type: "minimumLevels",
      everyCriterionAtLeast: "secure",
      atLeast: { count: criteriaInStarter, level: "leading" },
    });
    await client.whenSaved();
    expect((await http.post(`/frameworks/${frameworkId}`, {})).status).toBe(200);
    expect(await FrameworkVersionModel.countDocuments({ frameworkId })).toBe(1);
  });

  it("two levels with one label, or two areas with one title, each named with a link", async () => {
    const { http, frameworkId, client } = await draft();
    const label = levelsOf(client.doc).get("developing")!.get("label") as Y.Text;
    label.delete(0, label.length);
    label.insert(0, " secure ");
    const [firstArea, secondArea] = ordered(areasOf(client.doc));
    const title = secondArea[1].get("title") as Y.Text;
    title.delete(0, title.length);
    title.insert(0, String(firstArea[1].get("title")).toUpperCase());
    await client.whenSaved();

    const refused = await http.post(`/frameworks/${frameworkId}`, {});
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(
      "Level 3 of the scale is labelled “Secure”, like level 2: give each level its own label.",
    );
    expect(refused.html).toContain('href="#level-secure"');
    expect(refused.html).toMatch(
      /Area \d is titled “[^”]+”, like area \d: give each area its own title\./,
    );
    expect(refused.html).toContain(`href="#area-title-${secondArea[0]}"`);
    expect(await FrameworkVersionModel.countDocuments({ frameworkId })).toBe(0);
  });

  it("two award tiers with one name, the repeat named with a link to its name", async () => {
    const { http, frameworkId, client } = await draft();
    const before = tiersOf(client.doc).size; // the starter's Bronze, Silver and Gold
    const ids = [addTier(client.doc), addTier(client.doc)];
    client.doc.transact(() => {
      (tiersOf(client.doc).get(ids[0])!.get("name") as Y.Text).insert(0, "Platinum");
      (tiersOf(client.doc).get(ids[1])!.get("name") as Y.Text).insert(0, " platinum ");
    });
    await client.whenSaved();

    const refused = await http.post(`/frameworks/${frameworkId}`, {});
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(
      `Award tier ${before + 2} is named “platinum”, like tier ${before + 1}: give each tier its own name.`,
    );
    expect(refused.html).toContain(`href="#tier-name-${ids[1]}"`);
    expect(await FrameworkVersionModel.countDocuments({ frameworkId })).toBe(0);

    // Named apart, the tiers publish.
    const second = tiersOf(client.doc).get(ids[1])!.get("name") as Y.Text;
    client.doc.transact(() => {
      second.delete(0, second.length);
      second.insert(0, "Diamond");
    });
    await client.whenSaved();
    expect((await http.post(`/frameworks/${frameworkId}`, {})).status).toBe(200);
  });

  it("a scale name longer than an exported file may hold", async () => {
    const { http, frameworkId, client } = await draft();
    client.doc.transact(() => detailsOf(client.doc).set("scaleName", "S".repeat(150)));
    await client.whenSaved();
    const refused = await http.post(`/frameworks/${frameworkId}`, {});
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("The scale&#x27;s name is 150 characters long: keep it to 100.");
    expect(refused.html).toContain('href="#scale-name"');
    expect(await FrameworkVersionModel.countDocuments({ frameworkId })).toBe(0);
  });
});

describe("distributing a second version", () => {
  it("offers a cycle name that is free, and distributing under it works", async () => {
    const { http, frameworkId, client } = await draft();
    expect((await http.post(`/frameworks/${frameworkId}`, {})).status).toBe(200);
    const [v1] = await FrameworkVersionModel.find({ frameworkId }).lean();
    const v1Id = String(v1._id);
    const form = async (versionId: string) =>
      JSON.parse(
        (await http.get(`/cycles/new?version=${versionId}&_data=routes%2Fcycles.new`)).html,
      ) as { defaultName: string };
    const send = async (versionId: string, name: string) => {
      await http.get(`/cycles/new?version=${versionId}`);
      return http.post(`/cycles/new?version=${versionId}`, {
        versionId,
        name,
        dueDate: "2027-07-15",
        schoolId: world.school.id,
      });
    };
    const first = await form(v1Id);
    expect((await send(v1Id, first.defaultName)).status).toBe(200);

    (detailsOf(client.doc).get("description") as Y.Text).insert(0, "Second edition. ");
    await client.whenSaved();
    expect((await http.post(`/frameworks/${frameworkId}`, {})).status).toBe(200);
    const v2 = await FrameworkVersionModel.findOne({ frameworkId, version: 2 }).lean();
    const v2Id = String(v2!._id);

    const second = await form(v2Id);
    expect(second.defaultName).not.toBe(first.defaultName);
    expect(second.defaultName).toContain(" v2 ");
    const sent = await send(v2Id, second.defaultName);
    expect(sent.status).toBe(200);
    expect(await CycleModel.countDocuments({ frameworkVersionId: v2Id })).toBe(1);
  });
});
