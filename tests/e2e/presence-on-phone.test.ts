import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import { assignValidators } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { openPlanArea } from "../support/plan-page.ts";
import { startTestServer } from "../support/server.ts";

// The bar of who is here sits at the top of every live page. With three or four people on a
// phone it used to take 155-188 px (a name and role per person, wrapping); it keeps to one line
// there, the names a button away, and lists every name in full where they fit.

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const PHONE = { width: 390, height: 844 };
const NAMES = ["Alex Staff", "Chris Staff", "Sam Leader", "David Leader"];

const region = (page: Page) => page.getByRole("region", { name: "People on this page" });
const barHeight = (page: Page) =>
  page.locator(".workspace-bar").evaluate((el) => el.getBoundingClientRect().height);

describe("who is here, on a phone", () => {
  it("takes one line at 390 px with four people, the names a keyboard press away", async () => {
    const alex = await openPlanArea(server.url, world.evaluation.id, world.people.staff.id);
    // Three colleagues join: two of the school's team and a trust leader (read only).
    for (const id of [world.people.staff2.id, world.people.schoolLeader.id])
      await openPlanArea(server.url, world.evaluation.id, id);
    const david = await signedInPage(server.url, world.people.trustLeader.id);
    await david.goto(`${server.url}/evaluations/${world.evaluation.id}?area=inclusion`);
    await region(david).waitFor();

    // Wide: every name shows in full, without being asked for.
    for (const name of NAMES.slice(1))
      await region(alex).getByText(name, { exact: true }).waitFor({ timeout: 10_000 });
    await region(alex).getByText("Alex Staff (you)", { exact: true }).waitFor();

    await alex.setViewportSize(PHONE);
    await alex.evaluate(() => scrollTo(0, 0));
    const height = await barHeight(alex);
    expect(height, "the bar's height at 390 px").toBeLessThanOrEqual(48);
    expect(await alex.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    // Four people: three faces and "+1" on one button, which says how many are here.
    const toggle = region(alex).getByRole("button", { name: "Who is here: 4 people" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await toggle.textContent()).toContain("+1");
    expect(await region(alex).getByRole("listitem").count()).toBe(0); // folded away

    // From the keyboard: the button opens the list of every name, and Escape folds it again.
    await toggle.focus();
    await alex.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const list = region(alex).getByRole("list");
    expect(await list.getAttribute("id")).toBe(await toggle.getAttribute("aria-controls"));
    await expect.poll(() => list.getByRole("listitem").count()).toBe(4);
    for (const name of NAMES.slice(1))
      expect(await list.getByText(name, { exact: true }).isVisible()).toBe(true);
    await list.getByText(/^Trust leader/).waitFor();
    // Opening it lays the names over the page: the bar itself stays one line.
    expect(await barHeight(alex)).toBe(height);
    expect(await checkPage(alex)).toEqual([]);
    await alex.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await alex.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).toBe(
      "false",
    );
    expect(await region(alex).getByRole("listitem").count()).toBe(0);

    // Back to a laptop's width: the names show again, and the button is gone.
    await alex.setViewportSize({ width: 1280, height: 800 });
    expect(await region(alex).getByRole("listitem").count()).toBe(4);
    expect(await toggle.count()).toBe(0);
  });

  it("takes one line on the validation meeting's page too", async () => {
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
      await region(page).waitFor();
      return page;
    };
    const sam = await open(world.people.schoolLeader.id);
    for (const id of [
      world.people.validator.id,
      world.people.trustLeader.id,
      world.people.trustAdmin.id,
    ])
      await open(id);
    await expect.poll(() => region(sam).getByRole("listitem").count(), { timeout: 10_000 }).toBe(4);

    await sam.setViewportSize(PHONE);
    await sam.evaluate(() => scrollTo(0, 0));
    expect(await barHeight(sam), "the bar's height at 390 px").toBeLessThanOrEqual(48);
    const toggle = region(sam).getByRole("button", { name: "Who is here: 4 people" });
    await toggle.click();
    await region(sam).getByRole("list").getByText("Helen Validator").waitFor();
    expect(await checkPage(sam)).toEqual([]);
  });
});
