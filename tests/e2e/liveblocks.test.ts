import type { Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import { assignValidators } from "../../models/validation/validation.ts";
import { evaluationOfDocument } from "../../models/document-records.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import {
  LIVEBLOCKS_DEV_SECRET,
  startLiveblocksDev,
  type LiveblocksDevServer,
} from "../support/liveblocks-dev.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let dev: LiveblocksDevServer;
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  dev = await startLiveblocksDev();
  world = await buildWorld();
  server = await startTestServer({
    env: {
      COLLAB_BACKEND: "liveblocks",
      LIVEBLOCKS_SECRET_KEY: LIVEBLOCKS_DEV_SECRET,
      LIVEBLOCKS_BASE_URL: dev.baseUrl,
    },
  });
});

afterAll(async () => {
  await server?.close();
  await dev?.stop();
});

async function openEvaluation(userId: string): Promise<Page> {
  const page = await signedInPage(server.url, userId);
  await page.goto(`${server.url}/evaluations/${world.evaluation.id}?area=inclusion`);
  await page.getByRole("heading", { level: 2, name: "Inclusion" }).waitFor();
  await page.getByRole("button", { name: "Expand all" }).click();
  return page;
}

const narrative = (page: Page, code: string) =>
  page.getByRole("textbox", { name: `Narrative for ${code}` });
const judgement = (page: Page, code: string, level: string) =>
  page.getByRole("group", { name: `Judgement for ${code}` }).getByRole("radio", { name: level });
const presence = (page: Page) => page.getByRole("region", { name: "People on this page" });
const saveStatus = (page: Page, text: string) =>
  page.getByRole("status").filter({ hasText: new RegExp(`^${text}$`) });

async function whenWritable(page: Page, code: string) {
  await expect.poll(() => narrative(page, code).isEditable(), { timeout: 15_000 }).toBe(true);
}

async function storedText(): Promise<string> {
  const stored = await loadStoredDocument(documentName("evaluation", world.evaluation.id));
  const merged = Y.mergeUpdates([
    ...(stored.snapshot ? [stored.snapshot] : []),
    ...stored.updates.map((u) => u.update),
  ]);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, merged);
  // Root types exist on a loaded Y.Doc only once asked for by name: the narratives' names.
  const roots = new Set<string>();
  for (const struct of Y.decodeUpdate(merged).structs) {
    const parent = (struct as { parent?: unknown }).parent;
    if (typeof parent === "string" && parent.startsWith("narrative.")) roots.add(parent);
  }
  return [...roots].map((root) => doc.getXmlFragment(root).toString()).join("\n");
}

describe("the evaluation page on Liveblocks (its dev server)", () => {
  it("lets two of the team co-edit through Liveblocks, and says Saved once MongoDB has it", async () => {
    const [alex, chris] = await Promise.all([
      openEvaluation(world.people.staff.id),
      openEvaluation(world.people.staff2.id),
    ]);
    // Presence names come from the server (the ID token's user info).
    await presence(alex).getByText("Chris Staff", { exact: true }).waitFor({ timeout: 15_000 });
    await presence(chris).getByText("Alex Staff", { exact: true }).waitFor({ timeout: 15_000 });
    await Promise.all([whenWritable(alex, "2.1"), whenWritable(chris, "2.1")]);

    const text = "Every pupil with SEND has a plan reviewed termly.";
    await narrative(alex, "2.1").click();
    await alex.keyboard.type(text);
    await expect
      .poll(() => narrative(chris, "2.1").textContent(), { timeout: 5000 })
      .toContain(text);
    await saveStatus(alex, "Saved").waitFor({ timeout: 10_000 });
    // "Saved" means MongoDB holds it.
    expect(await storedText()).toContain(text);

    // A judgement goes the other way, and the projection follows it.
    await judgement(chris, "2.1", "Strong standard").check();
    await expect
      .poll(() => judgement(alex, "2.1", "Strong standard").isChecked(), { timeout: 5000 })
      .toBe(true);
    await saveStatus(chris, "Saved").waitFor({ timeout: 10_000 });
    const evaluation = await evaluationOfDocument(world.evaluation.id);
    expect(evaluation!.projection.judgedCount).toBeGreaterThan(0);
  });

  it("runs a validation meeting on it: an agreement (a server-side write over REST), minutes, whiteboard", async () => {
    const validation = await assignValidators(
      world.evaluation,
      [world.people.validator.id],
      world.people.trustAdmin.id,
    );
    await EvaluationModel.updateOne(
      { _id: world.evaluation.id },
      { $set: { validatorIds: [world.people.validator.id] } },
    );
    await saveMeetingSchedule(
      validation,
      {
        scheduledAt: new Date(Date.now() - 60_000),
        videoLink: "https://meet.example.org/validation",
        agendaCriterionIds: ["incl-1"],
      },
      Object.keys(world.evaluation.levelsByCriterion),
      world.people.validator.id,
    );
    const open = async (userId: string) => {
      const page = await signedInPage(server.url, userId);
      await page.goto(`${server.url}/validations/${validation.id}/meeting`);
      await page.getByRole("tab", { name: "Minutes" }).waitFor();
      return page;
    };
    const validator = await open(world.people.validator.id);
    const leader = await open(world.people.schoolLeader.id);
    const item = (page: Page) => page.getByRole("article");
    await presence(leader).getByText("Helen Validator").first().waitFor({ timeout: 15_000 });

    // Agreeing writes the record through the command, mirrored into record.<id> over REST.
    await item(validator)
      .getByRole("group", { name: "Agreed level for 2.1" })
      .getByRole("radio", { name: "Strong standard" })
      .check();
    await item(validator)
      .getByRole("textbox", { name: "Rationale for 2.1" })
      .fill("Plans are reviewed and acted on every term");
    await item(validator).getByRole("button", { name: "Agree 2.1" }).click();
    for (const page of [validator, leader]) {
      await item(page)
        .getByText(/awaiting (your )?confirmation/)
        .waitFor({ timeout: 10_000 });
    }

    const minutes = (page: Page) => page.getByRole("textbox", { name: "Minutes" });
    await expect.poll(() => minutes(validator).isEditable(), { timeout: 15_000 }).toBe(true);
    await minutes(validator).click();
    await validator.keyboard.type("We looked at the SEND plans together.");
    await expect
      .poll(() => minutes(leader).textContent(), { timeout: 10_000 })
      .toContain("SEND plans");

    // The whiteboard (tldraw bridge) unchanged: a shape drawn by one appears for the other.
    const whiteboard = (page: Page) => page.getByRole("tabpanel", { name: "Whiteboard" });
    const canvas = (page: Page) => whiteboard(page).locator(".tl-container").first();
    for (const page of [validator, leader]) {
      await page.getByRole("tab", { name: "Whiteboard" }).click();
      await canvas(page).waitFor();
    }
    await whiteboard(validator)
      .getByRole("toolbar", { name: "Tools" })
      .waitFor({ timeout: 15_000 });
    await canvas(validator).scrollIntoViewIfNeeded();
    const box = (await canvas(validator).boundingBox())!;
    await canvas(validator).click({ position: { x: box.width / 2, y: box.height / 2 } });
    await validator.keyboard.press("r");
    await validator.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 40);
    await validator.mouse.down();
    await validator.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, {
      steps: 5,
    });
    await validator.mouse.up();
    await expect
      .poll(() => whiteboard(leader).locator(".tl-shape").count(), { timeout: 10_000 })
      .toBe(1);
  });

  it("opens it read-only for a trust leader: sees the team's work live, cannot change it", async () => {
    const alex = await openEvaluation(world.people.staff.id);
    await whenWritable(alex, "2.3");
    await narrative(alex, "2.3").click();
    await alex.keyboard.type("Exclusions fell this year.");
    await saveStatus(alex, "Saved").waitFor({ timeout: 10_000 });

    const leader = await openEvaluation(world.people.trustLeader.id);
    await expect
      .poll(() => narrative(leader, "2.3").textContent(), { timeout: 10_000 })
      .toContain("Exclusions fell this year.");
    await alex.keyboard.type(" Two pupils were excluded.");
    await expect
      .poll(() => narrative(leader, "2.3").textContent(), { timeout: 5000 })
      .toContain("Two pupils were excluded.");
    await leader.getByRole("note").filter({ hasText: "read only" }).waitFor();
    await presence(alex)
      .getByRole("listitem")
      .filter({ hasText: "David Leader" })
      .filter({ hasText: "observing" })
      .waitFor({ timeout: 10_000 });

    const box = narrative(leader, "2.3");
    expect(await box.getAttribute("contenteditable")).toBe("false");
    const before = await box.textContent();
    await box.click();
    await leader.keyboard.type("Leader was here");
    expect(await box.textContent()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await narrative(alex, "2.3").textContent()).not.toContain("Leader was here");
    expect(await storedText()).not.toContain("Leader was here");
  });

  it("keeps what was typed while Liveblocks was out of reach through a reload, and saves it once back", async () => {
    // Liveblocks' room sockets go through this route: relayed while reachable, cut when not.
    let reachable = true;
    const relayed: WebSocketRoute[] = [];
    const rooms = new RegExp(`^${dev.baseUrl.replace(/^http/, "ws")}/v8`);
    const alex = await signedInPage(server.url, world.people.staff.id);
    await alex.routeWebSocket(rooms, (socket) => {
      if (!reachable) return void socket.close({ code: 1006, reason: "unreachable" });
      socket.connectToServer();
      relayed.push(socket);
    });
    // Leaving with unsaved edits asks first (beforeunload): this test means to leave.
    alex.on("dialog", (dialog) => void dialog.accept());
    await alex.goto(`${server.url}/evaluations/${world.evaluation.id}?area=inclusion`);
    await alex.getByRole("heading", { level: 2, name: "Inclusion" }).waitFor();
    await alex.getByRole("button", { name: "Expand all" }).click();
    await whenWritable(alex, "2.4");
    await saveStatus(alex, "Saved").waitFor({ timeout: 15_000 });

    reachable = false;
    for (const socket of relayed.splice(0)) await socket.close();
    const text = "Typed on the train, with no signal.";
    await narrative(alex, "2.4").click();
    await alex.keyboard.type(text);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await storedText()).not.toContain(text);

    // A reload while Liveblocks is still out of reach: the page comes back with the text.
    await alex.reload();
    await alex.getByRole("heading", { level: 2, name: "Inclusion" }).waitFor();
    await alex.getByRole("button", { name: "Expand all" }).click();
    await expect
      .poll(() => narrative(alex, "2.4").textContent(), { timeout: 10_000 })
      .toContain(text);
    expect(await storedText()).not.toContain(text);

    // Back in reach: the text reaches Liveblocks, then MongoDB, and the page says Saved.
    reachable = true;
    await saveStatus(alex, "Saved").waitFor({ timeout: 30_000 });
    expect(await storedText()).toContain(text);
    const chris = await openEvaluation(world.people.staff2.id);
    await expect
      .poll(() => narrative(chris, "2.4").textContent(), { timeout: 10_000 })
      .toContain(text);
  });
});
