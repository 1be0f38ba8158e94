import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { newRequestId } from "../../collab/shapes/discussion.ts";
import { setJudgement } from "../../collab/shapes/evaluation.ts";
import { addAction, addForce } from "../../collab/shapes/plan.ts";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import { loadActor } from "../../models/membership/membership.ts";
import type { AppServer } from "../../server/app.ts";
import { addEvidenceLink } from "../../server/commands/evidence.ts";
import { startThread } from "../../server/commands/start-thread.ts";
import { checkPage, settle } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildSchool, buildUser, buildWorld } from "../support/factories.ts";
import { judgeAndWait } from "../support/judge.ts";
import { factor, forceField } from "../support/plan-page.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// A member of the school's staff (the SENCO) walking her school's self-evaluation for the first
// time: what she is told about submitting, long words, long comments, long factors, and where
// to start.

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

/** A fresh evaluation of the world's school, so each test starts from nobody having worked in it. */
const freshEvaluation = () => buildEvaluation(world.school, world.people.schoolLeader, world.trust);

async function open(page: Page, evaluation: Evaluation, query = "area=inclusion") {
  await page.goto(`${server.url}/evaluations/${evaluation.id}?${query}`);
  await page.getByRole("heading", { level: 1, name: evaluation.title }).waitFor();
}

const submission = (page: Page) => page.getByRole("region", { name: "Submission" });

describe("a member of staff new to her school's self-evaluation", () => {
  it("is told who submits it, and once every criterion is judged, to tell them: on its page and its Validation tab", async () => {
    const evaluation = await freshEvaluation();
    const criteria = Object.entries(evaluation.levelsByCriterion);
    const [last, lastLevels] = criteria.at(-1)!;
    // Every criterion judged but the last.
    await judgeAndWait(
      server,
      evaluation,
      Object.fromEntries(criteria.slice(0, -1).map(([id, levels]) => [id, levels[0]])),
    );

    const alex = await signedInPage(server.url, world.people.staff.id);
    await open(alex, evaluation);
    await submission(alex)
      .getByText(
        "Sam Leader (school leader) submits the evaluation for validation when the team is ready.",
        { exact: true },
      )
      .waitFor();
    expect(await alex.getByRole("button", { name: /Submit/ }).count()).toBe(0);

    // A colleague judges the last one: she is told, live, that it is time to tell the leader.
    await server.collab.change(documentName("evaluation", evaluation.id), (doc) =>
      setJudgement(doc, last, lastLevels[0]),
    );
    const ready =
      "Every criterion is judged. Sam Leader (school leader) submits the evaluation for validation — let them know it is ready.";
    await submission(alex)
      .getByRole("status")
      .filter({ hasText: ready })
      .waitFor({ timeout: 10_000 });
    await settle(alex);
    expect(await checkPage(alex)).toEqual([]);
    await alex.setViewportSize({ width: 390, height: 844 });
    expect(await checkPage(alex)).toEqual([]);

    // The Validation tab says the same, instead of "submit it from its page", which she cannot.
    await alex.setViewportSize({ width: 1280, height: 800 });
    await alex.getByRole("link", { name: "Validation", exact: true }).click();
    await alex.getByRole("heading", { level: 1, name: /^Validation: / }).waitFor();
    await alex
      .getByText(
        "Not submitted yet. When the team is ready, Sam Leader (school leader) submits the evaluation from its page: a snapshot is taken, and the trust assigns a validator to review it. Let them know when every criterion is judged.",
        { exact: true },
      )
      .waitFor();
    expect(await checkPage(alex)).toEqual([]);

    // The leader has the button instead, and is not told to tell themself.
    const sam = await signedInPage(server.url, world.people.schoolLeader.id);
    await open(sam, evaluation);
    await sam.getByRole("button", { name: "Submit for validation" }).waitFor();
    expect(
      await submission(sam)
        .getByText(/let them know/)
        .count(),
    ).toBe(0);
  });

  it("keeps 300 characters without a space (a factor, an action, a comment, a link) from widening the page", async () => {
    const evaluation = await freshEvaluation();
    const unbroken = (first: string) => `${first}${"x".repeat(299)}`;
    const staff = (await loadActor(world.people.staff.id))!;
    const ctx = { actor: staff, collab: server.collab };
    await server.collab.change(documentName("evaluation", evaluation.id), (doc) => {
      addForce(doc, "incl-1", "helping", unbroken("F"), 4);
      addAction(doc, "incl-1", unbroken("A"));
    });
    // A link's title is at most 200 characters (the server's limit); its address is 300.
    await addEvidenceLink(ctx, {
      evaluationId: evaluation.id,
      url: `https://example.org/${unbroken("u")}`,
      title: "T".repeat(200),
      criterionId: "incl-1",
    });
    await startThread(ctx, {
      evaluationId: evaluation.id,
      requestId: newRequestId(),
      criterionId: "incl-1",
      anchor: null,
      quote: "",
      body: unbroken("C"),
    });

    const page = await signedInPage(server.url, world.people.staff.id);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await open(page, evaluation, "area=inclusion&criterion=incl-1");
      await page.getByText(/^Comments \(1/).click();
      await page.getByText(unbroken("C")).waitFor();
      await page.getByRole("link", { name: /^T{200}/ }).waitFor();
      await settle(page);
      expect(await checkPage(page), `evaluation at ${width} px`).toEqual([]);

      await page.goto(`${server.url}/evaluations/${evaluation.id}/actions`);
      await page.getByText(unbroken("A")).first().waitFor();
      expect(await checkPage(page), `action plan at ${width} px`).toEqual([]);
    }
  });

  it("shows how much of a comment's limit is used, and never cuts a pasted comment short", async () => {
    const evaluation = await freshEvaluation();
    const page = await signedInPage(server.url, world.people.staff.id);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.url,
    });
    await open(page, evaluation, "area=inclusion&criterion=incl-1");
    await page.getByText(/^Comments \(0/).click();
    const box = page.getByRole("textbox", { name: "New comment on 2.1" });
    await expect.poll(() => box.isEditable(), { timeout: 10_000 }).toBe(true);
    await page.getByText("0 of 2,000 characters", { exact: true }).waitFor();

    // 20,000 characters pasted: all of them kept, and the box says what to do.
    const pasted = `${"Our SEND provision map. ".repeat(834).slice(0, 19_999)}.`;
    await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
    await box.focus();
    await page.keyboard.press("Control+V");
    await expect.poll(() => box.inputValue().then((v) => v.length)).toBe(20_000);
    await page.getByText("20,000 of 2,000 characters", { exact: true }).waitFor();
    await page
      .getByText(
        "What you pasted made your comment 20,000 characters, 18,000 over the limit of 2,000. Nothing has been cut: shorten it, or split it into several comments, then post it.",
        { exact: true },
      )
      .waitFor();
    expect(await box.getAttribute("aria-invalid")).toBe("true");
    expect(await checkPage(page)).toEqual([]);

    // Posting it is held back (the server would refuse it too): the text stays, the focus in it.
    await page.getByRole("button", { name: "Comment on this criterion" }).click();
    await page.waitForTimeout(500);
    expect(await page.getByRole("article", { name: /started by Alex Staff/ }).count()).toBe(0);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await box.inputValue()).length).toBe(20_000);

    // Shortened to 1,980: the count says so, and a screen reader hears how much room is left.
    await box.fill(pasted.slice(0, 1_980));
    await page.getByText("1,980 of 2,000 characters", { exact: true }).waitFor();
    expect(await page.getByText(/Nothing has been cut/).count()).toBe(0);
    await expect
      .poll(() =>
        page
          .locator('[aria-live="polite"]')
          .filter({ hasText: "20 characters left of 2,000." })
          .count(),
      )
      .toBe(1);
    await page.getByRole("button", { name: "Comment on this criterion" }).click();
    await page.getByRole("article", { name: /started by Alex Staff/ }).waitFor();
    await expect.poll(() => box.inputValue()).toBe("");
  });

  it("lets a long factor wrap in its box, and lists in full what the diagram shortens", async () => {
    const evaluation = await freshEvaluation();
    const words =
      "Experienced SENCO with protected time every week and a budget of her own for training staff";
    await server.collab.change(documentName("evaluation", evaluation.id), (doc) => {
      addForce(doc, "incl-1", "helping", words, 5);
      addForce(doc, "incl-1", "hindering", "Staff turnover", 3);
    });
    const page = await signedInPage(server.url, world.people.staff.id);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await open(page, evaluation, "area=inclusion&criterion=incl-1");
      const text = factor(page, "2.1", "Helping factor 1").getByRole("textbox", {
        name: "Helping factor 1",
      });
      await expect.poll(() => text.inputValue(), { timeout: 10_000 }).toBe(words);
      // Every word in view: nothing runs on past the box's edge or below it.
      const hidden = await text.evaluate((el) => ({
        across: el.scrollWidth - el.clientWidth,
        down: el.scrollHeight - el.clientHeight,
      }));
      expect(hidden.across, `at ${width} px`).toBeLessThanOrEqual(1);
      expect(hidden.down, `at ${width} px`).toBeLessThanOrEqual(1);

      // The diagram shortens it, marked [1], and gives it in full underneath (touch has no hover).
      const diagram = forceField(page, "2.1").getByRole("figure");
      await diagram.getByText(`[1] Helping: ${words}`, { exact: true }).waitFor();
      await diagram
        .getByRole("img")
        .getByText(/… \[1\]$/)
        .waitFor();
      // A short factor is drawn whole, and not listed again.
      expect(await diagram.getByText(/Hindering: Staff turnover/).count()).toBe(0);
      expect(await checkPage(page), `at ${width} px`).toEqual([]);
    }

    // Typing on grows the box with the words.
    const text = factor(page, "2.1", "Helping factor 1").getByRole("textbox");
    const before = await text.evaluate((el) => el.clientHeight);
    await text.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" and for the teaching assistants who support pupils in class");
    await expect.poll(() => text.evaluate((el) => el.clientHeight)).toBeGreaterThan(before);
    // Still one line of text, as before it wrapped: Enter adds no line, Home goes to its start.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Home");
    await page.keyboard.type("An ");
    await expect
      .poll(() => text.inputValue())
      .toBe(`An ${words} and for the teaching assistants who support pupils in class`);
    expect(await text.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
  });

  it("is told on Home what to do first with an evaluation nobody has judged", async () => {
    // A school of her own in the trust, so its card shows this evaluation.
    const school = await buildSchool(world.trust);
    const head = await buildUser("schoolLeader", world.trust, school, "Morgan Head");
    const senco = await buildUser("schoolStaff", world.trust, school, "Alex Senco");
    const evaluation = await buildEvaluation(school, head, world.trust);
    const page = await signedInPage(server.url, senco.id);
    await page.goto(`${server.url}/home`);
    const start = page.getByRole("link", {
      name: `Start by judging the first criterion of ${evaluation.title}`,
    });
    await start.waitFor();
    expect(await checkPage(page)).toEqual([]);
    await start.click();
    await page.getByRole("heading", { level: 1, name: evaluation.title }).waitFor();
    await page.getByRole("region", { name: "How this works" }).waitFor();

    // The trust's leader reads the same card, with nothing for them to do there.
    const david = await signedInPage(server.url, world.people.trustLeader.id);
    await david.goto(`${server.url}/home`);
    await david.getByRole("link", { name: evaluation.title, exact: true }).waitFor();
    expect(await david.getByRole("link", { name: /^Start by judging/ }).count()).toBe(0);
  });

  it("explains the four steps until she puts the guide away or judges, remembered for her alone", async () => {
    const evaluation = await freshEvaluation();
    const alex = await signedInPage(server.url, world.people.staff.id);
    await alex.setViewportSize({ width: 390, height: 844 });
    await open(alex, evaluation, "");
    const guide = alex.getByRole("region", { name: "How this works" });
    await guide.waitFor();
    for (const step of ["Judge", "Evidence", "Analyse", "Plan"])
      await guide
        .getByRole("listitem")
        .filter({ hasText: new RegExp(`^${step}: `) })
        .waitFor();
    await guide
      .getByText(
        "Sam Leader (school leader) submits the evaluation for validation when the team is ready.",
        { exact: false },
      )
      .waitFor();
    await settle(alex);
    expect(await checkPage(alex)).toEqual([]);

    // "Start with criterion 1.1" opens the first criterion, with its four steps.
    await guide.getByRole("link", { name: "Start with criterion 1.1" }).click();
    await alex.getByRole("heading", { level: 4, name: "Judge", exact: true }).waitFor();

    // Put away: gone, the focus on the button that brings it back; gone after a reload too.
    await guide.getByRole("button", { name: "Hide this guide" }).click();
    await guide.waitFor({ state: "detached" });
    expect(await alex.evaluate(() => document.activeElement?.textContent)).toBe("How this works");
    await alex.reload();
    await alex.getByRole("heading", { level: 1, name: evaluation.title }).waitFor();
    expect(await alex.getByRole("region", { name: "How this works" }).count()).toBe(0);
    await alex.getByRole("button", { name: "How this works" }).click();
    await guide.waitFor();

    // Chris, signed in on the same computer, still has it: it was put away for Alex only.
    const [name, value] = (await cookieFor(world.people.staff2.id)).split(/=(.*)/s);
    await alex.context().addCookies([{ name, value, url: server.url, httpOnly: true }]);
    await open(alex, evaluation, "area=inclusion&criterion=incl-1");
    await guide.waitFor();
    // His first judgement is enough: it is not shown to him again.
    const level = alex
      .getByRole("group", { name: "Judgement for 2.1" })
      .getByRole("radio", { name: "Expected standard" });
    await expect.poll(() => level.isEnabled(), { timeout: 10_000 }).toBe(true);
    await level.check();
    await alex
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 10_000 });
    await alex.reload();
    await alex.getByRole("heading", { level: 1, name: evaluation.title }).waitFor();
    expect(await alex.getByRole("region", { name: "How this works" }).count()).toBe(0);

    // Someone who only reads the evaluation is not shown it.
    const david = await signedInPage(server.url, world.people.trustLeader.id);
    await open(david, evaluation);
    expect(await david.getByRole("region", { name: "How this works" }).count()).toBe(0);
    expect(await david.getByRole("button", { name: "How this works" }).count()).toBe(0);
  });
});
