import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAgreementDraft } from "../../models/validation/agreement-draft.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// The validator has the meeting open on a laptop and on a tablet at once. What they type on one
// shows on the other as soon as it comes back into view, without a reload; what they are typing
// on one is never replaced by the other's.

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let meetingPath: string;

const ITEM = { id: "incl-1", code: "2.1" };
const NEWER_ELSEWHERE =
  "A newer draft was saved on another device. What you have typed here is kept, and " +
  "replaces it once saved.";

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

/** The page comes back into view (the person switches back to its tab or app). */
async function bringIntoView(page: Page) {
  await page.evaluate(() => {
    document.dispatchEvent(new Event("visibilitychange"));
    window.dispatchEvent(new Event("focus"));
  });
}

const SOON = { timeout: 5000 };
const rationale = (page: Page) => page.getByRole("textbox", { name: `Rationale for ${ITEM.code}` });
const level = (page: Page, name: string) =>
  page.getByRole("group", { name: `Agreed level for ${ITEM.code}` }).getByRole("radio", { name });
const draftState = (page: Page) => page.locator("form.agree-form").getByRole("status");
/** The note beside the field, read as part of the draft's status line. */
const newerNote = async (page: Page) => {
  const note = page.locator("form.agree-form .draft-elsewhere");
  return (await note.count()) === 0 ? null : (await note.textContent())?.trim();
};

describe("the validator's draft on two devices at once", () => {
  it("shows on the other device when it comes back into view", async () => {
    const laptop = await openOnADevice();
    const tablet = await openOnADevice(390);
    expect(await rationale(tablet).inputValue()).toBe("");

    await level(laptop, "Strong standard").check();
    await rationale(laptop).click();
    await rationale(laptop).pressSequentially("Plans are reviewed every term");
    await expect.poll(() => draftState(laptop).textContent(), SOON).toBe("Draft saved");

    await bringIntoView(tablet);
    await expect
      .poll(() => rationale(tablet).inputValue(), SOON)
      .toBe("Plans are reviewed every term");
    expect(await level(tablet, "Strong standard").isChecked()).toBe(true);
    expect(await draftState(tablet).textContent()).toBe("Draft saved");
    expect(await newerNote(tablet)).toBeNull();

    // And back the other way: carried on on the tablet, shown on the laptop.
    await rationale(tablet).press("Control+End");
    await rationale(tablet).pressSequentially(" and acted on");
    await expect.poll(() => draftState(tablet).textContent(), SOON).toBe("Draft saved");
    await bringIntoView(laptop);
    await expect
      .poll(() => rationale(laptop).inputValue(), SOON)
      .toBe("Plans are reviewed every term and acted on");
  });

  it("never replaces typing on this device that is not saved yet, and says a newer draft exists", async () => {
    // Both open with the draft so far.
    await saveAgreementDraft(validation, world.people.validator.id, {
      criterionId: ITEM.id,
      level: "strong",
      rationale: "Plans are reviewed every term and acted on",
      basedOn: 0,
    });
    const laptop = await openOnADevice();
    const tablet = await openOnADevice(390);
    await expect
      .poll(() => rationale(tablet).inputValue(), SOON)
      .toBe("Plans are reviewed every term and acted on");
    // The tablet's save is on its way (held back), so what it has typed is not saved yet.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await tablet.route("**/agreement-draft", async (route) => {
      await held;
      await route.continue();
    });
    await rationale(tablet).press("Control+End");
    await rationale(tablet).pressSequentially(", typed on the tablet");
    await expect.poll(() => draftState(tablet).textContent(), SOON).toBe("Saving draft…");

    // Meanwhile a newer draft is saved from the laptop.
    await rationale(laptop).press("Control+End");
    await rationale(laptop).pressSequentially(", typed on the laptop");
    await expect.poll(() => draftState(laptop).textContent(), SOON).toBe("Draft saved");

    await bringIntoView(tablet);
    await expect.poll(() => newerNote(tablet), SOON).toBe(NEWER_ELSEWHERE);
    expect(await draftState(tablet).textContent()).toBe(`Saving draft… ${NEWER_ELSEWHERE}`);
    expect(await rationale(tablet).inputValue()).toBe(
      "Plans are reviewed every term and acted on, typed on the tablet",
    );
    expect(await checkPage(tablet)).toEqual([]);

    // Its save goes through: the tablet's words are the draft now, and the note goes.
    release();
    await expect.poll(() => draftState(tablet).textContent(), SOON).toBe("Draft saved");
    expect(await newerNote(tablet)).toBeNull();
    expect(await rationale(tablet).inputValue()).toBe(
      "Plans are reviewed every term and acted on, typed on the tablet",
    );
    await tablet.unroute("**/agreement-draft");
  });
});
