import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage } from "../support/axe.ts";
import { allowBrowserConsoleError, signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// The validator starts an agreement on a laptop and carries on on a tablet in the meeting: the
// level and the rationale they had typed are there (a fresh browser: nothing kept in it).

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let meetingPath: string;

const ITEM = { id: "incl-1", code: "2.1" };

beforeAll(async () => {
  world = await buildWorld();
  validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  server = await startTestServer();
  await saveMeetingSchedule(
    validation,
    {
      scheduledAt: new Date(Date.now() - 60_000),
      videoLink: "https://meet.example.org/validation",
      agendaCriterionIds: [ITEM.id],
    },
    Object.keys(world.evaluation.levelsByCriterion),
    world.people.validator.id,
  );
  meetingPath = `/validations/${validation.id}/meeting`;
});

afterAll(async () => {
  await server?.close();
});

/** The meeting in a browser of its own (its own cookies and storage): another device. */
async function openOnADevice(width = 1280): Promise<Page> {
  const page = await signedInPage(server.url, world.people.validator.id);
  await page.setViewportSize({ width, height: 900 });
  await page.goto(server.url + meetingPath);
  await page.getByRole("tab", { name: "Minutes" }).waitFor();
  return page;
}

/** A draft is sent once typing pauses (0.7 s), then answered. */
const SOON = { timeout: 5000 };
const rationale = (page: Page) => page.getByRole("textbox", { name: `Rationale for ${ITEM.code}` });
const level = (page: Page, name: string) =>
  page.getByRole("group", { name: `Agreed level for ${ITEM.code}` }).getByRole("radio", { name });
const draftState = (page: Page) => page.locator("form.agree-form").getByRole("status");

describe("the validator's unrecorded agreement", () => {
  it("follows them from one device to another: level and rationale, until it is recorded", async () => {
    const laptop = await openOnADevice();
    await level(laptop, "Strong standard").check();
    await rationale(laptop).click();
    await rationale(laptop).pressSequentially("Plans are reviewed every term and acted");
    await expect.poll(() => draftState(laptop).textContent(), SOON).toBe("Draft saved");

    // The tablet: the same validator, nothing in its browser.
    const tablet = await openOnADevice(390);
    await expect
      .poll(() => rationale(tablet).inputValue(), SOON)
      .toBe("Plans are reviewed every term and acted");
    expect(await level(tablet, "Strong standard").isChecked()).toBe(true);
    expect(await draftState(tablet).textContent()).toBe("Draft saved");
    expect(await checkPage(tablet)).toEqual([]);

    // Carried on on the tablet: the laptop, opened again, has the tablet's words (newer than
    // the copy its own browser kept) and level.
    await level(tablet, "Expected standard").check();
    await rationale(tablet).press("Control+End");
    await rationale(tablet).pressSequentially(" on, with two plans late");
    await expect.poll(() => draftState(tablet).textContent(), SOON).toBe("Draft saved");
    await laptop.reload();
    await laptop.getByRole("tab", { name: "Minutes" }).waitFor();
    await expect
      .poll(() => rationale(laptop).inputValue(), SOON)
      .toBe("Plans are reviewed every term and acted on, with two plans late");
    expect(await level(laptop, "Expected standard").isChecked()).toBe(true);
    expect(await checkPage(laptop)).toEqual([]);

    // Agreed on the tablet: a third device opens with nothing left to agree from.
    await tablet.getByRole("button", { name: `Agree ${ITEM.code}` }).click();
    await tablet.getByText(/awaiting confirmation by /).waitFor();
    const desk = await openOnADevice();
    await desk.getByText(`Correct the agreed judgement for ${ITEM.code}`).click();
    expect(await rationale(desk).inputValue()).toBe("");
    expect(await level(desk, "Expected standard").isChecked()).toBe(false);
  });

  it("says when the server has not got it, keeps it in this browser, and saves it once back online", async () => {
    allowBrowserConsoleError(/ERR_INTERNET_DISCONNECTED|WebSocket/);
    const laptop = await openOnADevice();
    await laptop.getByText(`Correct the agreed judgement for ${ITEM.code}`).click();
    await level(laptop, "Strong standard").check();
    await expect.poll(() => draftState(laptop).textContent(), SOON).toBe("Draft saved");
    await laptop.context().setOffline(true);
    await rationale(laptop).click();
    await rationale(laptop).pressSequentially("Typed with the wifi down");
    await expect
      .poll(() => draftState(laptop).textContent(), SOON)
      .toBe("Draft not saved — kept in this browser");
    expect(await checkPage(laptop)).toEqual([]);
    await laptop.context().setOffline(false);
    await expect.poll(() => draftState(laptop).textContent(), SOON).toBe("Draft saved");
    const tablet = await openOnADevice();
    await expect.poll(() => rationale(tablet).inputValue(), SOON).toBe("Typed with the wifi down");
    expect(await level(tablet, "Strong standard").isChecked()).toBe(true);
  });
});
