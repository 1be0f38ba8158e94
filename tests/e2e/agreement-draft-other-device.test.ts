import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AgreementDraftModel,
  agreementDraftId,
  saveAgreementDraft,
} from "../../models/validation/agreement-draft.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// The validator has the meeting open on a laptop and on a tablet at once. What they type on one
// shows on the other as soon as it comes back into view, without a reload, and so does a draft
// emptied or recorded on one; what they are typing on one is never replaced or lost.

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
const EMPTIED_ELSEWHERE =
  "This draft was emptied on another device. What you have typed here is kept, and saved as " +
  "your draft.";
const RECORDED_ELSEWHERE =
  "This agreement was recorded on another device. What you have typed here is kept, as a " +
  "draft to correct it with.";

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
/** The validator's draft of the item as the server has it (null: none). */
const storedDraft = async () => {
  const doc = await AgreementDraftModel.findOne({
    _id: agreementDraftId(validation.id, ITEM.id, world.people.validator.id),
  }).lean();
  return doc && { level: doc.level, rationale: doc.rationale, basedOn: doc.basedOn };
};

/** The draft both devices open with (saved as if typed earlier). */
const draftSoFar = (level: string | null, text: string) =>
  saveAgreementDraft(validation, world.people.validator.id, {
    criterionId: ITEM.id,
    level,
    rationale: text,
    basedOn: 0,
  });

/**
 * Holds this device's draft saves until released, so what it types is not saved yet; then lets
 * them through one at a time, in the order sent.
 */
async function holdSaves(page: Page): Promise<() => void> {
  let release = () => {};
  let queue: Promise<unknown> = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/agreement-draft", async (route) => {
    const turn = queue.then(async () => route.fulfill({ response: await route.fetch() }));
    queue = turn.catch(() => undefined);
    await turn;
  });
  return release;
}

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

  it("empties on the other device once back in view, when the draft is emptied on one", async () => {
    await draftSoFar(null, "Notes to empty later");
    const laptop = await openOnADevice();
    const tablet = await openOnADevice(390);
    await expect.poll(() => rationale(tablet).inputValue(), SOON).toBe("Notes to empty later");

    await rationale(laptop).fill("");
    await expect.poll(storedDraft, SOON).toBeNull();

    await bringIntoView(tablet);
    await expect.poll(() => rationale(tablet).inputValue(), SOON).toBe("");
    expect(await newerNote(tablet)).toBeNull();
    expect(await draftState(tablet).textContent()).toBe("");
    // Nothing comes back from the tablet: opened again, it is still empty.
    await tablet.reload();
    await tablet.getByRole("tab", { name: "Minutes" }).waitFor();
    expect(await rationale(tablet).inputValue()).toBe("");
    expect(await storedDraft()).toBeNull();
  });

  it("keeps typing on this device not saved yet when the draft is emptied on the other, and says so", async () => {
    await draftSoFar(null, "Notes the laptop empties");
    const laptop = await openOnADevice();
    const tablet = await openOnADevice(390);
    await expect.poll(() => rationale(tablet).inputValue(), SOON).toBe("Notes the laptop empties");
    const release = await holdSaves(tablet);
    await rationale(tablet).press("Control+End");
    await rationale(tablet).pressSequentially(", and the tablet's own");
    await expect.poll(() => draftState(tablet).textContent(), SOON).toBe("Saving draft…");

    await rationale(laptop).fill("");
    await expect.poll(storedDraft, SOON).toBeNull();

    await bringIntoView(tablet);
    await expect.poll(() => newerNote(tablet), SOON).toBe(EMPTIED_ELSEWHERE);
    expect(await draftState(tablet).textContent()).toBe(`Saving draft… ${EMPTIED_ELSEWHERE}`);
    expect(await rationale(tablet).inputValue()).toBe(
      "Notes the laptop empties, and the tablet's own",
    );
    expect(await checkPage(tablet)).toEqual([]);

    // Its save goes through: the tablet's words are the draft again.
    release();
    await expect
      .poll(() => draftState(tablet).textContent(), SOON)
      .toBe(`Draft saved ${EMPTIED_ELSEWHERE}`);
    expect(await storedDraft()).toMatchObject({
      rationale: "Notes the laptop empties, and the tablet's own",
    });
    await tablet.unroute("**/agreement-draft");
  });

  it("keeps typing not saved yet when the agreement is recorded on the other device, and empties a form holding nothing of its own", async () => {
    await draftSoFar("strong", "Plans are reviewed every term");
    const laptop = await openOnADevice();
    const tablet = await openOnADevice(390);
    await expect
      .poll(() => rationale(tablet).inputValue(), SOON)
      .toBe("Plans are reviewed every term");
    const release = await holdSaves(tablet);
    await rationale(tablet).press("Control+End");
    await rationale(tablet).pressSequentially(", typed on the tablet");

    // Recorded on the laptop: the tablet sees the agreement at once, and keeps its own words.
    await laptop.getByRole("button", { name: `Agree ${ITEM.code}` }).click();
    await laptop.getByText(/awaiting confirmation by /).waitFor();
    await tablet.getByText(/awaiting confirmation by /).waitFor();
    await expect.poll(() => newerNote(tablet), SOON).toBe(RECORDED_ELSEWHERE);
    expect(await rationale(tablet).inputValue()).toBe(
      "Plans are reviewed every term, typed on the tablet",
    );
    await bringIntoView(tablet);
    expect(await checkPage(tablet)).toEqual([]);

    // They are saved as a draft of its correction, and open again with the page.
    release();
    await expect.poll(storedDraft, SOON).toEqual({
      level: "strong",
      rationale: "Plans are reviewed every term, typed on the tablet",
      basedOn: 1,
    });
    await expect.poll(() => newerNote(tablet), SOON).toBe(RECORDED_ELSEWHERE);
    await tablet.unroute("**/agreement-draft");
    await tablet.reload();
    await tablet.getByRole("tab", { name: "Minutes" }).waitFor();
    await expect
      .poll(() => rationale(tablet).inputValue(), SOON)
      .toBe("Plans are reviewed every term, typed on the tablet");
    expect(await draftState(tablet).textContent()).toBe("Draft saved");

    // The laptop takes that draft up and records the correction; the tablet, holding nothing
    // of its own, empties once back in view, as the agreed judgement shows the correction.
    await bringIntoView(laptop);
    await expect
      .poll(() => rationale(laptop).inputValue(), SOON)
      .toBe("Plans are reviewed every term, typed on the tablet");
    await laptop.getByRole("button", { name: `Correct ${ITEM.code}` }).click();
    await laptop.getByText("Corrected once").waitFor();
    await tablet.getByText("Corrected once").waitFor();
    await bringIntoView(tablet);
    await expect.poll(() => rationale(tablet).inputValue(), SOON).toBe("");
    expect(await newerNote(tablet)).toBeNull();
    expect(await draftState(tablet).textContent()).toBe("");
    expect(await storedDraft()).toBeNull();
  });
});
