import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import { assignValidators } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let meetingPath: string;
let criterion: string;

beforeAll(async () => {
  world = await buildWorld();
  const validation = await assignValidators(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  await EvaluationModel.updateOne(
    { _id: world.evaluation.id },
    { $set: { validatorIds: [world.people.validator.id] } },
  );
  criterion = "sg-1";
  await saveMeetingSchedule(
    validation,
    {
      scheduledAt: new Date(Date.now() - 60_000),
      videoLink: "https://meet.example.org/validation",
      agendaCriterionIds: [criterion],
    },
    Object.keys(world.evaluation.levelsByCriterion),
    world.people.validator.id,
  );
  server = await startTestServer();
  meetingPath = `/validations/${validation.id}/meeting`;
});

afterAll(async () => {
  await server?.close();
});

async function openMeeting(userId: string): Promise<Page> {
  const page = await signedInPage(server.url, userId);
  await page.goto(server.url + meetingPath);
  await page.getByRole("heading", { level: 2, name: "Minutes" }).waitFor();
  return page;
}

const presence = (page: Page) => page.getByRole("region", { name: "People on this page" });
const minutes = (page: Page) => page.getByRole("textbox", { name: "Minutes" });

describe("the validation meeting in the browser", () => {
  it("brings the school, the validator and an observing trust leader together, live", async () => {
    const leader = await openMeeting(world.people.schoolLeader.id);
    const validator = await openMeeting(world.people.validator.id);
    const observer = await openMeeting(world.people.trustLeader.id);

    for (const page of [leader, validator, observer]) {
      const people = presence(page);
      await expect
        .poll(() => people.getByText("Sam Leader").count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await expect
        .poll(() => people.getByText("Helen Validator").count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await expect
        .poll(() => people.getByText("David Leader").count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await expect
        .poll(() => people.getByText(/Trust leader · observing/).count(), { timeout: 10_000 })
        .toBe(1);
    }

    // The validator and the school write the minutes; the observer cannot type in them.
    await expect.poll(() => minutes(validator).isEditable(), { timeout: 10_000 }).toBe(true);
    await minutes(validator).click();
    await validator.keyboard.type("We looked at the safeguarding records together.");
    await expect
      .poll(() => minutes(leader).textContent(), { timeout: 10_000 })
      .toContain("safeguarding records");
    await expect
      .poll(() => minutes(observer).textContent(), { timeout: 10_000 })
      .toContain("safeguarding records");
    expect(await minutes(observer).getAttribute("aria-readonly")).toBe("true");
    expect(await minutes(observer).isEditable()).toBe(false);

    // The whiteboard is there for everyone.
    for (const page of [leader, validator, observer]) {
      await page
        .getByRole("region", { name: "Whiteboard" })
        .locator(".tl-container")
        .first()
        .waitFor();
    }

    // The validator draws a rectangle; the others see it. The observer's attempt reaches nobody.
    const canvas = (page: Page) =>
      page.getByRole("region", { name: "Whiteboard" }).locator(".tl-container").first();
    const shapes = (page: Page) =>
      page.getByRole("region", { name: "Whiteboard" }).locator(".tl-shape");
    async function drawRectangle(page: Page) {
      await canvas(page).scrollIntoViewIfNeeded();
      const box = (await canvas(page).boundingBox())!;
      await canvas(page).click({ position: { x: box.width / 2, y: box.height / 2 } });
      await page.keyboard.press("r");
      await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 40);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 5 });
      await page.mouse.up();
    }
    await drawRectangle(validator);
    await expect.poll(() => shapes(validator).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => shapes(leader).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => shapes(observer).count(), { timeout: 10_000 }).toBe(1);
    await drawRectangle(observer);
    await validator.waitForTimeout(500);
    expect(await shapes(leader).count()).toBe(1);
    expect(await shapes(validator).count()).toBe(1);
    // Everyone sees the validator's cursor, named as the server knows them.
    await canvas(validator).scrollIntoViewIfNeeded();
    const box = (await canvas(validator).boundingBox())!;
    await validator.mouse.move(box.x + 40, box.y + 40, { steps: 3 });
    await expect
      .poll(
        () =>
          leader.getByRole("region", { name: "Whiteboard" }).getByText("Helen Validator").count(),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);

    // Each agenda item carries its comment threads.
    for (const page of [leader, validator, observer]) {
      await page
        .getByRole("article")
        .first()
        .getByText(/^Comments \(/)
        .waitFor();
    }

    // A judgement is agreed on the validation page; everyone in the meeting sees it live.
    const agreeing = await validator.context().newPage();
    await agreeing.goto(`${server.url}/evaluations/${world.evaluation.id}/validation`);
    const code = await leader.getByRole("article").first().locator(".code").textContent();
    await agreeing.getByLabel(`Agreed level for ${code}`).selectOption({ index: 2 });
    await agreeing
      .getByLabel(`Rationale for ${code}`)
      .fill("Records are thorough and checked termly");
    await agreeing.getByRole("button", { name: `Agree ${code}` }).click();
    for (const page of [leader, validator, observer]) {
      await expect
        .poll(() => page.getByRole("article").first().textContent(), { timeout: 10_000 })
        .toContain("Records are thorough and checked termly");
    }
  });
});
