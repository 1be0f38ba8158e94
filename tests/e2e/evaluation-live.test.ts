import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../models/membership/membership.ts";
import type { AppServer } from "../../server/app.ts";
import { recordOutcome } from "../../server/commands/record-outcome.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { holdCollab, type CollabHold } from "../support/collab-hold.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildValidation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

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

/** Opens the Inclusion area of the world's evaluation (or another) as `userId`. */
async function openEvaluation(
  userId: string,
  beforeOpening?: (page: Page) => Promise<void>,
  evaluationId = world.evaluation.id,
): Promise<Page> {
  const page = await signedInPage(server.url, userId);
  await beforeOpening?.(page);
  await page.goto(`${server.url}/evaluations/${evaluationId}?area=inclusion`);
  await page.getByRole("heading", { level: 2, name: "Inclusion" }).waitFor();
  // Criteria open one at a time; these tests work across several at once.
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

/**
 * Waits until the server has answered and the editor takes typing (it is locked until then),
 * as both the keyboard (contenteditable) and assistive technology (aria-readonly) see it.
 */
async function whenWritable(page: Page, code: string) {
  await expect.poll(() => narrative(page, code).isEditable(), { timeout: 10_000 }).toBe(true);
  expect(await narrative(page, code).getAttribute("contenteditable")).toBe("true");
}

/** Types into a narrative the way a person would: click into it, then keys. */
async function typeInto(page: Page, code: string, text: string) {
  await narrative(page, code).click();
  await page.keyboard.type(text);
}

describe("live self-evaluation in the browser", () => {
  it("shows two of the school's team each other's typing, judgements and presence", async () => {
    const [alex, chris] = await Promise.all([
      openEvaluation(world.people.staff.id),
      openEvaluation(world.people.staff2.id),
    ]);

    // Both on the page, each listed for the other.
    await presence(alex).getByText("Chris Staff", { exact: true }).waitFor();
    await presence(chris).getByText("Alex Staff", { exact: true }).waitFor();
    await presence(alex).getByText("Alex Staff (you)", { exact: true }).waitFor();
    await Promise.all([whenWritable(alex, "2.1"), whenWritable(chris, "2.1")]);

    const text = "Every pupil with SEND has a plan reviewed termly.";
    await typeInto(alex, "2.1", text);
    await expect
      .poll(() => narrative(chris, "2.1").textContent(), { timeout: 1000 })
      .toContain(text);
    await saveStatus(alex, "Saved").waitFor({ timeout: 5000 });

    // And the other way, in a different criterion's narrative.
    await typeInto(chris, "2.2", "Attendance of disadvantaged pupils is rising.");
    await expect
      .poll(() => narrative(alex, "2.2").textContent(), { timeout: 1000 })
      .toContain("Attendance of disadvantaged pupils is rising.");
    await saveStatus(chris, "Saved").waitFor({ timeout: 5000 });

    // Presence says where the other person is working.
    await presence(alex)
      .getByText(/editing the narrative of 2\.2/)
      .waitFor();

    await judgement(chris, "2.1", "Strong standard").check();
    await expect
      .poll(() => judgement(alex, "2.1", "Strong standard").isChecked(), { timeout: 1000 })
      .toBe(true);
    expect(await judgement(alex, "2.1", "Expected standard").isChecked()).toBe(false);
    await saveStatus(chris, "Saved").waitFor({ timeout: 5000 });
  });

  it("lets a trust leader watch read-only: sees the team's work, cannot change it", async () => {
    const alex = await openEvaluation(world.people.staff.id);
    await whenWritable(alex, "2.3");
    await judgement(alex, "2.3", "Needs attention").check();
    await typeInto(alex, "2.3", "Exclusions fell this year.");
    await saveStatus(alex, "Saved").waitFor({ timeout: 5000 });

    // What the team wrote is there when the leader opens the page…
    const leader = await openEvaluation(world.people.trustLeader.id);
    await expect
      .poll(() => narrative(leader, "2.3").textContent(), { timeout: 5000 })
      .toContain("Exclusions fell this year.");
    expect(await judgement(leader, "2.3", "Needs attention").isChecked()).toBe(true);
    // …and new work arrives live (Alex's caret is still at the end of the narrative).
    await presence(leader).getByText("Alex Staff", { exact: true }).waitFor();
    await alex.keyboard.type(" Two pupils were excluded.");
    await expect
      .poll(() => narrative(leader, "2.3").textContent(), { timeout: 1000 })
      .toContain("Exclusions fell this year. Two pupils were excluded.");

    // The leader is told, and shown as observing to the team.
    await leader.getByRole("note").filter({ hasText: "read only" }).waitFor();
    await presence(alex)
      .getByRole("listitem")
      .filter({ hasText: "David Leader" })
      .filter({ hasText: "observing" })
      .waitFor();
    // No save indicator for someone who cannot save.
    expect(await leader.getByRole("status").count()).toBe(0);

    for (const level of [
      "Urgent improvement",
      "Needs attention",
      "Expected standard",
      "Strong standard",
      "Exceptional",
    ]) {
      expect(await judgement(leader, "2.3", level).isDisabled(), level).toBe(true);
    }

    const box = narrative(leader, "2.3");
    expect(await box.getAttribute("aria-readonly")).toBe("true");
    expect(await box.getAttribute("contenteditable")).toBe("false");
    expect(await box.isEditable()).toBe(false);
    const before = await box.textContent();
    await box.click();
    await leader.keyboard.type("Leader was here");
    await leader.keyboard.press("Backspace");
    expect(await box.textContent()).toBe(before);
    expect(await box.textContent()).not.toContain("Leader was here");
  });

  it("says Offline as soon as the browser loses its network, and Saved once it is back", async () => {
    const chris = await openEvaluation(world.people.staff.id);
    await whenWritable(chris, "2.3");
    await saveStatus(chris, "Saved").waitFor();

    await chris.context().setOffline(true);
    await typeInto(chris, "2.3", "Typed on the train.");
    // The browser knows at once; the socket would notice only when its messages time out (30 s).
    await saveStatus(
      chris,
      "Offline: changes are kept on this device and saved when you reconnect",
    ).waitFor({ timeout: 3000 });

    await chris.context().setOffline(false);
    await saveStatus(chris, "Saved").waitFor({ timeout: 45_000 });
    const reread = await openEvaluation(world.people.trustLeader.id);
    await expect
      .poll(() => narrative(reread, "2.3").textContent(), { timeout: 10_000 })
      .toContain("Typed on the train.");
  });

  it("warns before leaving while an edit is not yet saved, and not once it is", async () => {
    // Hold what the page sends over /collab (in order) until released: an edit that cannot
    // reach the server yet, without waiting for any timeout.
    let collab!: CollabHold;
    const alex = await openEvaluation(world.people.staff.id, async (page) => {
      collab = await holdCollab(page, "page");
    });
    await whenWritable(alex, "2.4");
    await saveStatus(alex, "Saved").waitFor();

    collab.hold();
    await typeInto(alex, "2.4", "Held back for now.");
    await saveStatus(alex, "Saving…").waitFor();
    const warning = alex.waitForEvent("dialog");
    await alex.close({ runBeforeUnload: true });
    const dialog = await warning;
    expect(dialog.type()).toBe("beforeunload");
    await dialog.dismiss();
    expect(alex.isClosed()).toBe(false);

    collab.release();
    await saveStatus(alex, "Saved").waitFor({ timeout: 5000 });
    const closed = alex.waitForEvent("close");
    const unexpected = alex.waitForEvent("dialog").then((d) => {
      void d.dismiss();
      throw new Error(`asked "${d.message()}" (${d.type()}) after everything was saved`);
    });
    await alex.close({ runBeforeUnload: true });
    await Promise.race([closed, unexpected]);
  });

  it("tells everyone with the evaluation open that it was submitted, and then validated, while they type", async () => {
    const evaluation = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
    const [head, senco] = await Promise.all([
      openEvaluation(world.people.schoolLeader.id, undefined, evaluation.id),
      openEvaluation(world.people.staff.id, undefined, evaluation.id),
    ]);
    await presence(head).getByText("Alex Staff", { exact: true }).waitFor();
    await Promise.all([whenWritable(head, "2.1"), whenWritable(senco, "2.1")]);
    await judgement(head, "2.1", "Needs attention").check();
    const submission = (page: Page) => page.getByRole("region", { name: "Submission" });
    await submission(senco).getByText("In progress", { exact: true }).waitFor();

    // The SENCO is typing in 2.1 while the head submits.
    await typeInto(senco, "2.1", "SENCO: the EHCP reviews are up to date.");
    await head.getByRole("button", { name: "Submit for validation" }).click();
    await head
      .getByRole("dialog", { name: "Submit this evaluation for validation?" })
      .getByRole("button", { name: "Submit now" })
      .click();

    // The SENCO's page says so at once, politely, with who and when (as the server stamped it).
    const submitted = senco
      .getByRole("status")
      .filter({ hasText: /^Sam Leader submitted this evaluation for validation at \d\d:\d\d: / });
    await submitted.waitFor({ timeout: 4000 });
    expect(await submitted.textContent()).toMatch(
      /at \d\d:\d\d: a snapshot was taken; you can keep working, and later changes can be submitted again\.$/,
    );
    await submission(senco).getByText("Submitted for validation", { exact: true }).waitFor();
    // The head's own page confirms the submission once, in its own words.
    await head
      .getByRole("status")
      .filter({ hasText: "Submitted for validation. A snapshot" })
      .waitFor();
    expect(await head.getByRole("status").filter({ hasText: "Sam Leader submitted" }).count()).toBe(
      0,
    );

    // The page reloaded only its data: the SENCO's narrative kept its place and the typing goes on.
    await senco.keyboard.type(" Screening on entry is done for every pupil.");
    const both =
      "SENCO: the EHCP reviews are up to date. Screening on entry is done for every pupil.";
    await expect.poll(() => narrative(senco, "2.1").textContent()).toContain(both);
    await expect.poll(() => narrative(head, "2.1").textContent()).toContain(both);
    await saveStatus(senco, "Saved").waitFor({ timeout: 5000 });

    // The validator's outcome reaches both pages the same way, and submitting again is gone.
    const validation = await buildValidation(
      evaluation,
      [world.people.validator.id],
      world.people.trustAdmin.id,
    );
    await recordOutcome(
      { actor: (await loadActor(world.people.validator.id))!, collab: server.collab },
      { validationId: validation.id, result: "validated", basedOn: "0" },
    );
    for (const page of [head, senco]) {
      await page
        .getByRole("status")
        .filter({
          hasText:
            "The validator recorded the outcome: this evaluation is now validated, and can no longer be submitted.",
        })
        .waitFor({ timeout: 4000 });
      await submission(page).getByText("Validated", { exact: true }).waitFor();
    }
    expect(await head.getByRole("button", { name: /Submit again/ }).count()).toBe(0);
  });
});
