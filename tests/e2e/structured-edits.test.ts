import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import { documentName } from "../../collab/document-name.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { holdCollab } from "../support/collab-hold.ts";
import { connectClient, type TestClient } from "../support/collab-client.ts";
import { forceField, presenceOf } from "../support/plan-page.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
const clients: TestClient[] = [];

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server?.close();
});

/** Opens the evaluation at one criterion of Inclusion as `userId`, once it may be written. */
async function openAt(userId: string, criterionId: string, page?: Page): Promise<Page> {
  const opened = page ?? (await signedInPage(server.url, userId));
  await opened.goto(
    `${server.url}/evaluations/${world.evaluation.id}?area=inclusion&criterion=${criterionId}`,
  );
  await expect
    .poll(() => opened.getByRole("slider").first().getAttribute("aria-readonly"), {
      timeout: 10_000,
    })
    .toBeNull();
  return opened;
}

const judgement = (page: Page, code: string, level: string) =>
  page.getByRole("group", { name: `Judgement for ${code}` }).getByRole("radio", { name: level });

/** Every value a colleague's copy of the document sees a judgement take, in order. */
async function watchJudgement(criterionId: string): Promise<(string | undefined)[]> {
  const witness = connectClient(
    server.url,
    documentName("evaluation", world.evaluation.id),
    await cookieFor(world.people.staff2.id),
  );
  clients.push(witness);
  await witness.synced;
  const seen: (string | undefined)[] = [];
  judgementsOf(witness.doc).observe((event) => {
    if (event.keysChanged.has(criterionId)) seen.push(judgementsOf(witness.doc).get(criterionId));
  });
  return seen;
}

describe("structured edits on the evaluation page", () => {
  it("writes a judgement once, when the person settles, however many levels they pass", async () => {
    const seen = await watchJudgement("incl-1");
    const alex = await openAt(world.people.staff.id, "incl-1");
    await judgement(alex, "2.1", "Urgent improvement").focus();
    for (let i = 0; i < 3; i++) await alex.keyboard.press("ArrowRight");
    // Shown here at once…
    expect(await judgement(alex, "2.1", "Strong standard").isChecked()).toBe(true);
    // …written once the person pauses.
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(["strong"]);

    // The overview's bead: arrowing and Enter.
    const seen2 = await watchJudgement("incl-2");
    const bead = alex.getByRole("slider", { name: "Judgement for 2.2" });
    await bead.focus();
    for (let i = 0; i < 4; i++) await bead.press("ArrowRight");
    await bead.press("Enter");
    await expect.poll(() => seen2, { timeout: 5000 }).toEqual(["strong"]);
    // Nothing more comes later.
    await alex.waitForTimeout(1000);
    expect(seen).toEqual(["strong"]);
    expect(seen2).toEqual(["strong"]);
  });

  it("says Connecting… until the server has answered, and keeps a judgement made meanwhile", async () => {
    const alex = await signedInPage(server.url, world.people.staff.id);
    // Hold what the server sends until released: the answer has not come yet.
    const collab = await holdCollab(alex, "server", true);
    await alex.goto(
      `${server.url}/evaluations/${world.evaluation.id}?area=inclusion&criterion=incl-3`,
    );
    const group = alex.getByRole("group", { name: "Judgement for 2.3" });
    await group.getByText("Connecting…").waitFor();
    expect(await group.getAttribute("aria-busy")).toBe("true");
    // The page came with the document: the click is taken, not ignored, and said to be kept.
    await judgement(alex, "2.3", "Expected standard").click();
    expect(await judgement(alex, "2.3", "Expected standard").isChecked()).toBe(true);
    expect(await group.getByText("Changes are kept in this browser").count()).toBe(1);

    collab.release();
    await expect.poll(() => group.getByText("Connecting…").count(), { timeout: 10_000 }).toBe(0);
    await alex
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 10_000 });
    const doc = await server.collab.read(documentName("evaluation", world.evaluation.id));
    expect(judgementsOf(doc).get("incl-3")).toBe("expected");
  });

  it("shows where each person works, field by field, and nowhere once they leave", async () => {
    const [alex, chris] = await Promise.all([
      openAt(world.people.staff.id, "incl-4"),
      openAt(world.people.staff2.id, "incl-4"),
    ]);
    const alexSeen = presenceOf(chris, "Alex Staff");

    await alex.getByRole("textbox", { name: "Evidence notes for 2.4" }).click();
    await alexSeen.getByText("editing the evidence of 2.4").waitFor();

    await forceField(alex, "2.4").getByRole("button", { name: "Add a helping factor" }).click();
    // The new factor's field has the focus: presence names the factor, not only the force-field.
    await alexSeen.getByText("editing a helping factor of 2.4").waitFor();
    expect(await alexSeen.getByText("evidence").count()).toBe(0);

    await alex
      .getByRole("group", { name: "Actions for 2.4" })
      .getByRole("button", { name: "Add an action" })
      .click();
    await alexSeen.getByText("editing an action of 2.4").waitFor();
    // Between the actions (their Add button), the plan as a whole.
    await alex
      .getByRole("group", { name: "Actions for 2.4" })
      .getByRole("button", { name: "Add an action" })
      .focus();
    await alexSeen.getByText("planning actions for 2.4").waitFor();

    await judgement(alex, "2.4", "Needs attention").click();
    await alexSeen.getByText("judging 2.4").waitFor();

    // Clicking away from every field: Alex is on the page, working nowhere in particular.
    await alex.getByRole("heading", { level: 1 }).click();
    await expect.poll(() => alexSeen.textContent()).not.toContain("2.4");
    expect(await alexSeen.textContent()).toContain("Alex Staff");
  });

  it("brings a removed force back for everyone with the notice's Undo", async () => {
    const [alex, chris] = await Promise.all([
      openAt(world.people.staff.id, "incl-1"),
      openAt(world.people.staff2.id, "incl-1"),
    ]);
    const field = forceField(alex, "2.1");
    await field.getByRole("button", { name: "Add a hindering factor" }).click();
    await alex.keyboard.type("Late referrals from Year 1");
    const theirs = forceField(chris, "2.1").getByRole("group", { name: "Hindering factor 1" });
    await expect
      .poll(() => theirs.getByRole("textbox").inputValue())
      .toBe("Late referrals from Year 1");

    await field
      .getByRole("group", { name: "Hindering factor 1" })
      .getByRole("button", { name: "Remove hindering factor 1" })
      .click();
    await theirs.waitFor({ state: "detached" });
    const notice = alex
      .getByRole("status")
      .filter({ hasText: "Removed hindering factor 1 of 2.1: Late referrals from Year 1." });
    await notice.waitFor();
    // Reachable from the keyboard: it is a real button.
    const undo = notice.getByRole("button", { name: "Undo" });
    await undo.focus();
    await alex.keyboard.press("Enter");

    await expect
      .poll(() => theirs.getByRole("textbox").inputValue())
      .toBe("Late referrals from Year 1");
    await expect
      .poll(() =>
        field.getByRole("group", { name: "Hindering factor 1" }).getByRole("textbox").inputValue(),
      )
      .toBe("Late referrals from Year 1");
    await notice.waitFor({ state: "detached" });
  });

  it("undoes only my own judgements with Ctrl+Z, and redoes them with Ctrl+Y", async () => {
    const [alex, chris] = await Promise.all([
      openAt(world.people.staff.id, "incl-2"),
      openAt(world.people.staff2.id, "incl-3"),
    ]);
    const chrisSees22 = chris.getByRole("list", { name: "Summary of 2.2" });
    // Chris's judgements first: Alex's undo may restore them, never remove them.
    await judgement(chris, "2.3", "Urgent improvement").click();
    await chris.getByRole("button", { name: /^2\.2 / }).click();
    await judgement(chris, "2.2", "Expected standard").click();
    await alex
      .getByRole("list", { name: "Summary of 2.2" })
      .getByText("Judged: Expected standard")
      .waitFor();
    const before = "Judged: Expected standard";
    await judgement(alex, "2.2", "Exceptional").click();
    await judgement(alex, "2.2", "Needs attention").click();
    await chrisSees22.getByText("Judged: Needs attention").waitFor();
    const alexSees23 = alex.getByRole("list", { name: "Summary of 2.3" });
    await alexSees23.getByText("Judged: Urgent improvement").waitFor();

    // Focus is on a radio (not a text field): the page's undo, not the browser's.
    await alex.keyboard.press("Control+z");
    await chrisSees22.getByText("Judged: Exceptional").waitFor();
    await alex.keyboard.press("Control+z");
    await chrisSees22.getByText(before, { exact: true }).waitFor();
    // Nothing of Alex's is left to undo, and Chris's judgement is never Alex's to undo.
    await alex.keyboard.press("Control+z");
    await alex.getByText("Nothing to undo.").waitFor();
    expect(await alexSees23.getByText("Judged: Urgent improvement").count()).toBe(1);
    expect(await chrisSees22.getByText(before, { exact: true }).count()).toBe(1);

    await alex.keyboard.press("Control+y");
    await chrisSees22.getByText("Judged: Exceptional").waitFor();
  });
});
