import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import { addForce, forcesOf } from "../../collab/shapes/plan.ts";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import { recordProvisionalJudgement } from "../../models/validation/provisional.ts";
import { assignValidators, type Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { connectClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

/** A morning `days` ahead, as the schedule's date-and-time field takes it (within the two years it allows). */
const bookableDay = (days: number) =>
  `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T10:00`;

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let meetingPath: string;

// Two items on the agenda: 1.1 (safeguarding: Met / Not met) and 2.1 (inclusion, five levels).
const FIRST = { id: "sg-1", code: "1.1" };
const SECOND = { id: "incl-1", code: "2.1" };

async function assignTo(worldOf: typeof world) {
  const assigned = await assignValidators(
    worldOf.evaluation,
    [worldOf.people.validator.id],
    worldOf.people.trustAdmin.id,
  );
  await EvaluationModel.updateOne(
    { _id: worldOf.evaluation.id },
    { $set: { validatorIds: [worldOf.people.validator.id] } },
  );
  return assigned;
}

/** What the school wrote about 2.1, through its own live document (as its team would). */
async function writeTheSchoolsWork() {
  const client = connectClient(
    server.url,
    documentName("evaluation", world.evaluation.id),
    await cookieFor(world.people.schoolLeader.id),
  );
  await client.synced;
  const paragraph = (text: string) => {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(text)]);
    return p;
  };
  client.doc.transact(() => {
    judgementsOf(client.doc).set(SECOND.id, "expected");
    client.doc
      .getXmlFragment(`narrative.${SECOND.id}`)
      .insert(0, [paragraph("Every pupil with SEND has a plan reviewed each term.")]);
    client.doc
      .getXmlFragment(`evidence.${SECOND.id}`)
      .insert(0, [paragraph("Termly plan reviews and the SENCO's tracking sheet.")]);
    const force = addForce(client.doc, SECOND.id, "helping", "Experienced SENCO");
    forcesOf(client.doc).get(force)?.set("strength", 4);
  });
  await client.whenSaved();
  client.destroy();
}

beforeAll(async () => {
  world = await buildWorld();
  validation = await assignTo(world);
  server = await startTestServer();
  await writeTheSchoolsWork();
  await recordProvisionalJudgement(
    validation,
    { validatorId: world.people.validator.id, criterionId: SECOND.id, level: "strong" },
    world.evaluation.levelsByCriterion[SECOND.id],
  );
  await saveMeetingSchedule(
    validation,
    {
      scheduledAt: new Date(Date.now() - 60_000),
      videoLink: "https://meet.example.org/validation",
      agendaCriterionIds: [FIRST.id, SECOND.id],
    },
    Object.keys(world.evaluation.levelsByCriterion),
    world.people.validator.id,
  );
  meetingPath = `/validations/${validation.id}/meeting`;
});

afterAll(async () => {
  await server?.close();
});

/** Opens the meeting, counting the WebSockets the page opens. */
async function openMeeting(
  userId: string,
  width = 1280,
  height = 900,
): Promise<{ page: Page; sockets: () => number }> {
  const page = await signedInPage(server.url, userId);
  await page.setViewportSize({ width, height });
  let sockets = 0;
  page.on("websocket", () => sockets++);
  await page.goto(server.url + meetingPath);
  await page.getByRole("tab", { name: "Minutes" }).waitFor();
  return { page, sockets: () => sockets };
}

const presence = (page: Page) => page.getByRole("region", { name: "People on this page" });
const minutes = (page: Page) => page.getByRole("textbox", { name: "Minutes" });
const agenda = (page: Page) => page.getByRole("navigation", { name: "Agenda" });
const item = (page: Page) => page.getByRole("article");
const itemHeading = (page: Page) => item(page).getByRole("heading", { level: 2 });
const whiteboard = (page: Page) => page.getByRole("tabpanel", { name: "Whiteboard" });
/** What assistive technology reads after an element's name: the text its aria-describedby names. */
const description = (locator: Locator) =>
  locator.evaluate((e) =>
    (e.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
      .join(" "),
  );
/** How far the page scrolls sideways, and the first elements that stick out. */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { by: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });

async function openWhiteboard(page: Page) {
  await page.getByRole("tab", { name: "Whiteboard" }).click();
  await whiteboard(page).locator(".tl-container").first().waitFor();
}

function counter() {
  let actions = 0;
  return {
    get count() {
      return actions;
    },
    async act(locator: Locator, how: (l: Locator) => Promise<void>) {
      actions++;
      await how(locator);
    },
  };
}

describe("the validation meeting in the browser", () => {
  it("brings the school, the validator and an observing trust leader together: agreeing, confirming and following happen live on the meeting page", async () => {
    const { page: leader } = await openMeeting(world.people.schoolLeader.id);
    const { page: validator, sockets } = await openMeeting(world.people.validator.id);
    const { page: observer } = await openMeeting(world.people.trustLeader.id);

    for (const page of [leader, validator, observer]) {
      const people = presence(page);
      for (const name of ["Sam Leader", "Helen Validator", "David Leader"]) {
        await expect
          .poll(() => people.getByText(name).count(), { timeout: 10_000 })
          .toBeGreaterThan(0);
      }
      await expect
        .poll(() => people.getByText(/Trust leader · observing/).count(), { timeout: 10_000 })
        .toBe(1);
    }
    console.log(`Meeting page sockets (validator): ${sockets()}`);
    // One room: meeting, evaluation, record and comment threads share one socket.
    expect(sockets()).toBe(1);

    // The agenda is a list; the item in front of each person is marked.
    for (const page of [leader, validator, observer]) {
      await expect.poll(() => agenda(page).getByRole("listitem").count()).toBe(2);
      expect(
        await agenda(page)
          .getByRole("button", { name: new RegExp(`^${FIRST.code} `) })
          .getAttribute("aria-current"),
      ).toBe("step");
      await expect.poll(() => itemHeading(page).textContent()).toContain(FIRST.code);
    }

    // The validator brings everyone to 2.1; those following (the school, the observer) go there.
    await validator.getByRole("button", { name: "Next item" }).click();
    await expect.poll(() => itemHeading(validator).textContent()).toContain(SECOND.code);
    expect(await itemHeading(leader).textContent()).toContain(FIRST.code);
    await validator.getByRole("button", { name: "Bring everyone to this item" }).click();
    for (const page of [leader, observer]) {
      await expect
        .poll(() => itemHeading(page).textContent(), { timeout: 10_000 })
        .toContain(SECOND.code);
      await agenda(page).getByText("Now discussing").waitFor();
      expect(await page.getByRole("checkbox", { name: "Follow the validator" }).isChecked()).toBe(
        true,
      );
    }
    // Screen readers hear the move as it happens; someone who opens the page later does not
    // hear it as news.
    const announced = (page: Page) => page.locator("p.visually-hidden[role=status]").textContent();
    await expect
      .poll(() => announced(leader))
      .toBe(`Helen Validator brought everyone to ${SECOND.code}.`);
    const { page: later } = await openMeeting(world.people.schoolLeader.id);
    await expect
      .poll(() => itemHeading(later).textContent(), { timeout: 10_000 })
      .toContain(SECOND.code);
    await agenda(later).getByText("Now discussing").waitFor();
    expect(await announced(later)).toBe("");
    await later.close();

    // 2.1 fills the screen: the three judgements, the descriptors in play, the school's work.
    for (const page of [leader, validator, observer]) {
      const focus = item(page);
      await focus.getByText("Every pupil with SEND has a plan reviewed each term.").waitFor();
      await focus.getByText("Termly plan reviews and the SENCO's tracking sheet.").waitFor();
      await focus
        .getByRole("img", { name: /^Force-field diagram for 2\.1\. Helping total 4/ })
        .waitFor();
      await focus.getByText("Expected standard").first().waitFor();
      await focus.getByText(/^Comments \(/).waitFor();
    }
    // The validator's provisional judgement shows: the meeting has started.
    await item(leader).getByText("Strong standard").first().waitFor();

    // The observer sees no control it cannot use.
    for (const name of [
      /^Agree /,
      /^Confirm /,
      /^Correct /,
      "Bring everyone to this item",
      /^Move /,
    ]) {
      expect(await observer.getByRole("button", { name }).count()).toBe(0);
    }
    expect(await leader.getByRole("button", { name: /^Agree / }).count()).toBe(0);

    // The validator agrees 2.1 from the meeting page: level, rationale, Agree.
    const agree = counter();
    const started = Date.now();
    await agree.act(
      item(validator)
        .getByRole("group", { name: `Agreed level for ${SECOND.code}` })
        .getByRole("radio", { name: "Strong standard" }),
      (l) => l.check(),
    );
    await agree.act(
      item(validator).getByRole("textbox", { name: `Rationale for ${SECOND.code}` }),
      (l) => l.fill("Plans are reviewed and acted on every term"),
    );
    await agree.act(item(validator).getByRole("button", { name: `Agree ${SECOND.code}` }), (l) =>
      l.click(),
    );
    console.log(
      `Agree one judgement from the meeting page: ${agree.count} actions, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(agree.count).toBeLessThanOrEqual(3);
    for (const page of [leader, validator, observer]) {
      await item(page)
        .getByText("Plans are reviewed and acted on every term")
        .waitFor({ timeout: 5000 });
      // Whoever may not confirm it learns who does.
      await item(page)
        .getByText(
          page === leader
            ? /awaiting your confirmation/
            : /awaiting confirmation by Sam Leader, the school leader/,
        )
        .waitFor({ timeout: 5000 });
      await expect
        .poll(() =>
          agenda(page)
            .getByRole("button", { name: /^2\.1 / })
            .textContent(),
        )
        .toContain("Agreed, awaiting confirmation");
    }
    expect(await observer.getByRole("button", { name: `Confirm ${SECOND.code}` }).count()).toBe(0);
    // The Agree button went with its form: the keyboard carries on from the decision just made.
    const focused = () =>
      validator.evaluate(() => {
        const card = document.activeElement?.closest(".judgement-agreed");
        return card
          ? (card.textContent ?? "")
          : `not the decision: ${document.activeElement?.tagName}`;
      });
    await expect.poll(focused).toContain("Plans are reviewed and acted on every term");

    // The school leader confirms in place; everyone reads who confirmed, and when.
    await item(leader)
      .getByRole("button", { name: `Confirm ${SECOND.code}` })
      .click();
    for (const page of [leader, validator, observer]) {
      await item(page)
        .getByText(/^Confirmed by Sam Leader, \d\d:\d\d$/)
        .waitFor({ timeout: 5000 });
    }

    // A correction keeps the history.
    await item(validator).getByText(`Correct the agreed judgement for ${SECOND.code}`).click();
    await item(validator).getByRole("radio", { name: "Expected standard" }).check();
    await item(validator)
      .getByRole("textbox", { name: `Rationale for ${SECOND.code}` })
      .fill("Reviews happen, but actions are not yet followed up");
    await item(validator)
      .getByRole("button", { name: `Correct ${SECOND.code}` })
      .click();
    await item(observer).getByText("Reviews happen, but actions are not yet followed up").waitFor();
    await item(observer).getByText("Corrected once").waitFor();

    // The school leader browses on their own: the validator no longer moves their view.
    await agenda(leader)
      .getByRole("button", { name: /^1\.1 / })
      .click();
    expect(await leader.getByRole("checkbox", { name: "Follow the validator" }).isChecked()).toBe(
      false,
    );
    await validator.getByRole("button", { name: "Previous item" }).click();
    await validator.getByRole("button", { name: "Next item" }).click();
    await expect.poll(() => itemHeading(leader).textContent()).toContain(FIRST.code);

    // The validator reorders the agenda; everyone's list follows.
    await agenda(validator)
      .getByRole("button", { name: `Move ${SECOND.code} up` })
      .click();
    for (const page of [leader, validator, observer]) {
      await expect
        .poll(() => agenda(page).getByRole("listitem").first().textContent(), { timeout: 10_000 })
        .toContain(SECOND.code);
    }
    await validator
      .getByRole("status")
      .filter({ hasText: `Moved ${SECOND.code} to position 1 of 2.` })
      .waitFor();

    // The validation page keeps working: an agreement made there reaches the meeting live.
    const agreeing = await validator.context().newPage();
    await agreeing.goto(`${server.url}/evaluations/${world.evaluation.id}/validation`);
    await agreeing.getByLabel(`Agreed level for ${FIRST.code}`).selectOption({ label: "Met" });
    await agreeing
      .getByLabel(`Rationale for ${FIRST.code}`)
      .fill("Records are thorough and checked termly");
    await agreeing.getByRole("button", { name: `Agree ${FIRST.code}` }).click();
    await expect
      .poll(
        () =>
          agenda(observer)
            .getByRole("button", { name: /^1\.1 / })
            .textContent(),
        {
          timeout: 10_000,
        },
      )
      .toContain("Agreed, awaiting confirmation");
    await agreeing.close();

    // The validator and the school write the minutes; the observer cannot type in them.
    await expect.poll(() => minutes(validator).isEditable(), { timeout: 10_000 }).toBe(true);
    await minutes(validator).click();
    await validator.keyboard.type("We looked at the SEND plans together.");
    for (const page of [leader, observer]) {
      await expect
        .poll(() => minutes(page).textContent(), { timeout: 10_000 })
        .toContain("SEND plans");
    }
    expect(await minutes(observer).getAttribute("aria-readonly")).toBe("true");
    expect(await minutes(observer).isEditable()).toBe(false);

    // The whiteboard: tools for participants, none for the observer.
    for (const page of [leader, validator, observer]) await openWhiteboard(page);
    for (const page of [validator, leader]) {
      await whiteboard(page).getByRole("toolbar", { name: "Tools" }).waitFor();
      await whiteboard(page).getByRole("button", { name: /^Draw/ }).waitFor();
    }
    expect(await whiteboard(observer).getByRole("toolbar").count()).toBe(0);
    expect(
      await whiteboard(observer)
        .getByRole("button", { name: /^(Draw|Select|Menu)/ })
        .count(),
    ).toBe(0);
    // Without a licence key on localhost, tldraw shows its notice: it must not cover a control.
    const notice = whiteboard(validator).getByTestId("tl-watermark-unlicensed");
    await notice.waitFor({ state: "attached" });
    const noticeBox = await notice.boundingBox();
    const controls = await whiteboard(validator).getByRole("button").all();
    for (const control of controls) {
      const b = await control.boundingBox();
      if (!noticeBox || !b || !(await control.isVisible())) continue;
      const overlaps =
        b.x < noticeBox.x + noticeBox.width &&
        noticeBox.x < b.x + b.width &&
        b.y < noticeBox.y + noticeBox.height &&
        noticeBox.y < b.y + b.height;
      const label = await control.getAttribute("aria-label");
      if (label === null && (await control.textContent()) === "Get a license for production")
        continue;
      expect(overlaps, `the licence notice covers "${label}"`).toBe(false);
    }

    const canvas = (page: Page) => whiteboard(page).locator(".tl-container").first();
    const shapes = (page: Page) => whiteboard(page).locator(".tl-shape");
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
    for (const page of [validator, leader, observer]) {
      await expect.poll(() => shapes(page).count(), { timeout: 10_000 }).toBe(1);
    }
    await drawRectangle(observer);
    await validator.waitForTimeout(500);
    expect(await shapes(leader).count()).toBe(1);
    expect(await shapes(observer).count()).toBe(1);
    // Everyone sees the validator's cursor, named as the server knows them.
    const box = (await canvas(validator).boundingBox())!;
    await validator.mouse.move(box.x + 40, box.y + 40, { steps: 3 });
    await expect
      .poll(() => whiteboard(leader).getByText("Helen Validator").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    console.log(`Meeting page sockets (validator, after opening everything): ${sockets()}`);
    expect(sockets()).toBe(1);
  });

  it("fits a phone and a tablet, with the agenda near the top", async () => {
    for (const width of [1280, 1024, 768, 390]) {
      const { page } = await openMeeting(world.people.validator.id, width);
      await agenda(page).getByRole("listitem").first().waitFor();
      const top = (await agenda(page).getByRole("heading", { name: "Agenda" }).boundingBox())!.y;
      console.log(`Agenda heading at ${Math.round(top)} px from the top at ${width} px wide`);
      expect(top).toBeLessThan(600);
      await minutes(page).waitFor();
      // The report's button and the bar of who is here below it are two boxes, not one.
      const button = (await page
        .getByRole("button", { name: /Download validation report/ })
        .boundingBox())!;
      const bar = (await page.locator(".workspace-bar").first().boundingBox())!;
      expect(
        bar.y - (button.y + button.height),
        `gap under the report button at ${width} px`,
      ).toBeGreaterThanOrEqual(8);
      const overflow = await sidewaysScroll(page);
      expect(
        overflow.by,
        `horizontal scroll at ${width} px: ${overflow.wide.join(", ")}`,
      ).toBeLessThanOrEqual(0);
      // Each level's descriptor reads as a paragraph, not a column of a word or two a line
      // squeezed beside its level (on a phone it goes under it).
      const item = page.locator(".agenda-focus").first();
      await item.locator("details.descriptors summary").click();
      const [itemWidth, descriptorWidths] = await Promise.all([
        item.evaluate((e) => e.getBoundingClientRect().width),
        item
          .locator("details.descriptors dd")
          .evaluateAll((dds) => dds.map((dd) => dd.getBoundingClientRect().width)),
      ]);
      expect(descriptorWidths.length).toBeGreaterThan(1);
      expect(Math.min(...descriptorWidths), `descriptors at ${width} px`).toBeGreaterThan(
        itemWidth / 2,
      );
      await page.context().close();
    }
  });

  it("keeps the minutes in view next to the item under discussion on a tablet, upright or on its side", async () => {
    for (const [width, height] of [
      [768, 1024],
      [1024, 768],
    ]) {
      const { page } = await openMeeting(world.people.validator.id, width, height);
      await minutes(page).waitFor();
      // The validator is at the item being discussed (where "Bring everyone" takes the page).
      await item(page).evaluate((e) => e.scrollIntoView());
      const [heading, editor, focus, bar] = await Promise.all([
        itemHeading(page).boundingBox(),
        minutes(page).boundingBox(),
        item(page).boundingBox(),
        page.locator(".workspace-bar").first().boundingBox(),
      ]);
      const at = `${width} × ${height}`;
      // The agenda's short box (13rem) shows four items or more: each entry one line high.
      const entries = await agenda(page)
        .getByRole("listitem")
        .evaluateAll((items) => items.map((i) => i.getBoundingClientRect().height));
      expect(entries.length).toBeGreaterThan(1);
      expect(Math.max(...entries), `agenda entry height at ${at}`).toBeLessThanOrEqual(52);
      console.log(
        `Minutes at ${Math.round(editor!.y)} px, item heading at ${Math.round(heading!.y)} px (${at})`,
      );
      // The item's heading and the whole minutes box are on the screen together.
      expect(heading!.y + heading!.height, `item heading in view at ${at}`).toBeLessThanOrEqual(
        height,
      );
      expect(
        editor!.y + editor!.height,
        `minutes in view with the item at ${at}`,
      ).toBeLessThanOrEqual(height);
      // Not hidden under the bar of who is here, and beside the item, not over it.
      expect(editor!.y, `minutes under the live bar at ${at}`).toBeGreaterThanOrEqual(
        bar!.y + bar!.height,
      );
      const overlaps =
        editor!.x < focus!.x + focus!.width &&
        focus!.x < editor!.x + editor!.width &&
        editor!.y < focus!.y + focus!.height &&
        focus!.y < editor!.y + editor!.height;
      expect(overlaps, `minutes overlap the item at ${at}`).toBe(false);
      await page.context().close();
    }
  });

  it("says with the minutes what belongs in them and that everyone shares them as they are typed", async () => {
    // On a phone, as the validator who writes them: the hint is on screen, is the editor's
    // description, and the page still does not scroll sideways.
    const { page: writer } = await openMeeting(world.people.validator.id, 390);
    const said =
      "Note what is said and agreed on each item, and any next steps. Everyone in the meeting " +
      "sees and edits these same minutes, saved as you type.";
    await expect.poll(() => description(minutes(writer)), { timeout: 10_000 }).toBe(said);
    expect(await writer.getByText(said).isVisible()).toBe(true);
    const overflow = await sidewaysScroll(writer);
    expect(
      overflow.by,
      `horizontal scroll at 390 px: ${overflow.wide.join(", ")}`,
    ).toBeLessThanOrEqual(0);
    // An observing trust leader reads them: the hint does not say they can edit.
    const { page: observer } = await openMeeting(world.people.trustLeader.id);
    await expect
      .poll(() => description(minutes(observer)), { timeout: 10_000 })
      .toBe(
        "What is said and agreed on each item, and any next steps. Everyone in the meeting sees " +
          "these same minutes; the validator and the school write them, saved as they type.",
      );
  });
});

describe("the validation meeting on a phone", () => {
  const minutesLink = (page: Page) => item(page).getByRole("link", { name: "Go to the minutes" });
  /** Whether `locator`'s top is on the screen, below the live bar that stays at the top. */
  const inViewUnderBar = async (page: Page, locator: Locator) => {
    const [box, bar] = await Promise.all([
      locator.boundingBox(),
      page.locator(".workspace-bar").first().boundingBox(),
    ]);
    const height = page.viewportSize()!.height;
    return box!.y >= bar!.y + bar!.height && box!.y < height - 40;
  };

  it("goes from the item's heading to the minutes in one tap, whichever tab was open, and back", async () => {
    const { page } = await openMeeting(world.people.validator.id, 390, 844);
    await Promise.all([minutes(page).waitFor(), itemHeading(page).waitFor()]);
    // Measured where they are drawn (boundingBox answered null at this moment once the meeting
    // had decisions in it, while the heading was on screen throughout: sampled every 15 ms).
    const top = (locator: Locator) => locator.evaluate((e) => e.getBoundingClientRect().y);
    const [heading, editor] = await Promise.all([top(itemHeading(page)), top(minutes(page))]);
    console.log(`Minutes ${Math.round(editor - heading)} px below the item's heading at 390 px`);
    // The link comes straight after the heading.
    expect(await itemHeading(page).evaluate((h) => h.nextElementSibling?.textContent?.trim())).toBe(
      "Go to the minutes",
    );

    // Whiteboard open, then back at the top of the item.
    await openWhiteboard(page);
    await itemHeading(page).evaluate((h) => h.scrollIntoView());
    await minutesLink(page).click();
    await expect
      .poll(() => page.getByRole("tab", { name: "Minutes" }).getAttribute("aria-selected"))
      .toBe("true");
    await expect.poll(() => inViewUnderBar(page, minutes(page))).toBe(true);
    expect(await inViewUnderBar(page, page.getByRole("tablist"))).toBe(true);

    // And back to the item being discussed.
    const code = (await item(page).locator(".code").first().textContent())!;
    await page.getByRole("link", { name: `Back to the item (${code})` }).click();
    await expect.poll(() => inViewUnderBar(page, itemHeading(page))).toBe(true);
    const overflow = await sidewaysScroll(page);
    expect(overflow.by, `horizontal scroll: ${overflow.wide.join(", ")}`).toBeLessThanOrEqual(0);
  });

  it("leaves the links out where the minutes sit beside the item", async () => {
    for (const width of [768, 1024]) {
      const { page } = await openMeeting(world.people.validator.id, width, 900);
      await minutes(page).waitFor();
      expect(await minutesLink(page).isVisible(), `"Go to the minutes" at ${width} px`).toBe(false);
      expect(
        await page.getByRole("link", { name: /^Back to the item/ }).isVisible(),
        `"Back to the item" at ${width} px`,
      ).toBe(false);
      await page.context().close();
    }
  });

  it("fits the whiteboard's toolbar on the board of a phone, however narrow", async () => {
    for (const width of [390, 360, 320]) {
      const { page } = await openMeeting(world.people.validator.id, width, 844);
      await openWhiteboard(page);
      await whiteboard(page).locator(".tlui-main-toolbar").waitFor();
      // Every button of the toolbar (tools, undo row, styles) is on the board, none cut off.
      const outside = () =>
        whiteboard(page).evaluate((panel) => {
          const board = panel.querySelector(".whiteboard-canvas")!.getBoundingClientRect();
          return [...panel.querySelectorAll(".tlui-main-toolbar button")]
            .filter((b) => b.checkVisibility() && b.getBoundingClientRect().width > 0)
            .map((b) => ({ name: b.getAttribute("data-testid"), box: b.getBoundingClientRect() }))
            .filter(({ box }) => box.left < board.left - 0.5 || box.right > board.right + 0.5)
            .map(
              ({ name, box }) => `${name} at ${Math.round(box.left)}–${Math.round(box.right)} px`,
            );
        });
      await expect.poll(outside, { timeout: 5_000 }).toEqual([]);
      const tools = await whiteboard(page)
        .locator(".tlui-main-toolbar button[data-testid^='tools.']")
        .evaluateAll((bs) => bs.filter((b) => b.checkVisibility()).length);
      console.log(`Whiteboard at ${width} px: ${tools} tool buttons in the toolbar`);
      expect(tools, `tools shown at ${width} px`).toBeGreaterThanOrEqual(3);
      await page.context().close();
    }
  });
});

describe("the agenda before the meeting", () => {
  it("follows a provisional judgement just saved: schedule without reloading, and an open meeting tab shows the item", async () => {
    const fresh = await buildWorld();
    const freshValidation = await assignTo(fresh);
    const base = `/validations/${freshValidation.id}`;
    const meetingTab = await signedInPage(server.url, fresh.people.validator.id);
    await meetingTab.goto(server.url + `${base}/meeting`);
    await meetingTab.getByText("Put criteria on the agenda before the meeting").waitFor();
    await meetingTab.getByRole("tab", { name: "Minutes" }).waitFor();

    const prepare = await meetingTab.context().newPage();
    await prepare.goto(server.url + `${base}/prepare`);
    await prepare.waitForLoadState("networkidle");
    // 2.1's area (Inclusion) is folded when the page opens: unfold it.
    await prepare.locator("details.pre-review-area > summary", { hasText: "Inclusion" }).click();
    const onAgenda = prepare.getByRole("checkbox", { name: `${SECOND.code} on the agenda` });
    expect(await onAgenda.isChecked()).toBe(false);
    // The school has not judged 2.1: any provisional judgement differs.
    await prepare
      .getByRole("combobox", { name: `Provisional judgement for ${SECOND.code}` })
      .selectOption({ label: "Strong standard" });
    await expect.poll(() => onAgenda.isChecked(), { timeout: 10_000 }).toBe(true);
    expect(
      await prepare.getByRole("checkbox", { name: `${FIRST.code} on the agenda` }).isChecked(),
    ).toBe(false);
    // The tick is not kept until the schedule is saved: the page says so, and asks before it
    // is left.
    const unsaved = prepare
      .getByRole("status")
      .filter({ hasText: "The agenda has changes that are not saved yet." });
    await unsaved.waitFor();
    const asksBeforeLeaving = () =>
      prepare.evaluate(() => {
        const leaving = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(leaving);
        return leaving.defaultPrevented;
      });
    expect(await asksBeforeLeaving()).toBe(true);

    await prepare.getByLabel("Date and time (UK time)").fill(bookableDay(90));
    await prepare.getByLabel("Video call link").fill("https://meet.example.org/fresh");
    // Saved from under the table, where the ticks are.
    await prepare.getByRole("button", { name: "Save the schedule and agenda" }).click();
    await prepare
      .getByRole("status")
      .filter({ hasText: "with 1 criterion on the agenda" })
      .waitFor();
    await unsaved.waitFor({ state: "detached" });
    expect(await asksBeforeLeaving()).toBe(false);

    // The meeting tab, open all along, shows the item without a reload.
    await agenda(meetingTab)
      .getByRole("button", { name: new RegExp(`^${SECOND.code.replace(".", "\\.")} `) })
      .waitFor({ timeout: 10_000 });
    await expect.poll(() => itemHeading(meetingTab).textContent()).toContain(SECOND.code);
  });

  it("saves a provisional judgement as soon as it is chosen, so nothing is lost to the schedule's save", async () => {
    const fresh = await buildWorld();
    const freshValidation = await assignTo(fresh);
    const prepare = await signedInPage(server.url, fresh.people.validator.id);
    await prepare.goto(server.url + `/validations/${freshValidation.id}/prepare`);
    await prepare.waitForLoadState("networkidle");
    await prepare.locator("details.pre-review-area > summary", { hasText: "Inclusion" }).click();
    const choice = prepare.getByRole("combobox", {
      name: `Provisional judgement for ${SECOND.code}`,
    });
    // Chosen, and no row button pressed: the page says it is saved and ticks the agenda.
    await choice.selectOption({ label: "Strong standard" });
    await choice
      .locator("xpath=ancestor::form")
      .getByRole("status")
      .filter({ hasText: "Saved" })
      .waitFor();
    const onAgenda = prepare.getByRole("checkbox", { name: `${SECOND.code} on the agenda` });
    await expect.poll(() => onAgenda.isChecked(), { timeout: 10_000 }).toBe(true);
    // The validator goes on to save the schedule; the judgement is still there after a reload.
    await prepare.getByLabel("Date and time (UK time)").fill(bookableDay(91));
    await prepare.getByLabel("Video call link").fill("https://meet.example.org/kept");
    await prepare.getByRole("button", { name: "Save the schedule and agenda" }).click();
    await prepare
      .getByRole("status")
      .filter({ hasText: "with 1 criterion on the agenda" })
      .waitFor();
    await prepare.reload();
    expect(await choice.inputValue()).toBe("strong");
  });
});
