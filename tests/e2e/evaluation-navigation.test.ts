import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCycle } from "../../models/cycle/cycle.ts";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildStarterFramework, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  // The evaluation was distributed in a cycle, with a due date.
  const version = await buildStarterFramework(world.trust);
  const { cycle } = await ensureCycle(version, {
    name: "Autumn review 2027",
    dueDate: new Date("2027-03-31T00:00:00Z"),
    createdBy: world.people.trustAdmin.id,
  });
  await EvaluationModel.updateOne(
    { _id: world.evaluation.id },
    { $set: { cycleId: cycle.id, dueDate: new Date("2027-03-31T00:00:00Z") } },
  );
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const toggle = (page: Page, code: string) =>
  page.getByRole("button", { name: new RegExp(`^${code.replace(".", "\\.")} `) });
const expanded = (page: Page, code: string) => toggle(page, code).getAttribute("aria-expanded");
const judgement = (page: Page, code: string, level: string) =>
  page.getByRole("group", { name: `Judgement for ${code}` }).getByRole("radio", { name: level });
const areaLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Areas" }).getByRole("link", { name });
const search = (page: Page) => new URL(page.url()).searchParams;

async function open(page: Page, query: string) {
  await page.goto(`${server.url}/evaluations/${world.evaluation.id}${query}`);
  await page.getByRole("button", { name: "Expand all" }).waitFor();
}

describe("a long evaluation, navigated", () => {
  it("opens criteria one at a time, keeps the open one in the address, and all of them on demand", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    await open(page, "?area=inclusion");
    // Closed: a summary row each.
    for (const code of ["2.1", "2.2", "2.3", "2.4"])
      expect(await expanded(page, code)).toBe("false");
    const summary = page.getByRole("list", { name: "Summary of 2.2" });
    await summary.getByText("Not judged yet").waitFor();
    await summary.getByText("0 forces").waitFor();
    expect(await page.getByRole("textbox", { name: "Narrative for 2.2" }).count()).toBe(0);

    await toggle(page, "2.2").click();
    expect(await expanded(page, "2.2")).toBe("true");
    await page.getByRole("textbox", { name: "Narrative for 2.2" }).waitFor();
    await expect.poll(() => search(page).get("criterion")).toBe("incl-2");

    // Opening another closes the first.
    await toggle(page, "2.3").click();
    await expect.poll(() => search(page).get("criterion")).toBe("incl-3");
    expect(await expanded(page, "2.2")).toBe("false");
    expect(await expanded(page, "2.3")).toBe("true");

    // Work done inside shows on the summary row.
    await expect
      .poll(() => judgement(page, "2.3", "Needs attention").isEnabled(), { timeout: 10_000 })
      .toBe(true);
    await judgement(page, "2.3", "Needs attention").click();
    await page
      .getByRole("group", { name: "Force-field for 2.3" })
      .getByRole("button", { name: "Add a helping factor" })
      .click();
    const summary23 = page.getByRole("list", { name: "Summary of 2.3" });
    await summary23.getByText("Judged: Needs attention").waitFor();
    await summary23.getByText("1 force", { exact: true }).waitFor();

    // A reload (or a link) opens it again.
    await page.reload();
    await page.getByRole("textbox", { name: "Narrative for 2.3" }).waitFor();
    expect(await expanded(page, "2.2")).toBe("false");

    await page.getByRole("button", { name: "Expand all" }).click();
    for (const code of ["2.1", "2.2", "2.3", "2.4"])
      expect(await expanded(page, code)).toBe("true");
    await page.getByRole("button", { name: "Collapse all" }).click();
    for (const code of ["2.1", "2.2", "2.3", "2.4"])
      expect(await expanded(page, code)).toBe("false");
    await expect.poll(() => search(page).get("criterion")).toBeNull();

    // The overview's labels open their criterion too.
    await page
      .getByRole("region", { name: "Overview of Inclusion" })
      .getByRole("link", { name: /^2\.4 / })
      .click();
    await expect.poll(() => search(page).get("criterion")).toBe("incl-4");
    // The address changes first; the criterion opens on the render that follows.
    await expect.poll(() => expanded(page, "2.4")).toBe("true");
  });

  it("opens the criterion an older #criterion link names, in its area", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    await open(page, "?area=inclusion#criterion-incl-2");
    await page.getByRole("textbox", { name: "Narrative for 2.2" }).waitFor();
    await expect.poll(() => search(page).get("criterion")).toBe("incl-2");
    // Naming only the criterion finds its area.
    await open(page, "?criterion=incl-4");
    await page.getByRole("heading", { level: 2, name: "Inclusion" }).waitFor();
    expect(await expanded(page, "2.4")).toBe("true");
  });

  it("counts judgements live, per area and overall, as anyone judges", async () => {
    const [alex, chris] = await Promise.all([
      signedInPage(server.url, world.people.staff.id),
      signedInPage(server.url, world.people.staff2.id),
    ]);
    await Promise.all([open(alex, "?area=achievement"), open(chris, "?area=achievement")]);
    // Synced (so the figures are the live ones) before reading them.
    await alex
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const progressText = () => alex.getByText(/of \d+ criteria judged/).textContent();
    const before = Number((await progressText())!.match(/^(\d+) of/)![1]);
    const achievement = await areaLink(alex, "Achievement").textContent();
    expect(achievement).toContain("0/4");

    await toggle(chris, "4.1").click();
    await expect
      .poll(() => judgement(chris, "4.1", "Strong standard").isEnabled(), { timeout: 10_000 })
      .toBe(true);
    await judgement(chris, "4.1", "Strong standard").click();
    // Alex, on another criterion, sees the count move without reloading.
    await expect.poll(() => areaLink(alex, "Achievement").textContent()).toContain("1/4");
    expect(await areaLink(alex, "Achievement").getAttribute("aria-current")).toBe("page");
    await expect
      .poll(async () => Number((await progressText())!.match(/^(\d+) of/)![1]))
      .toBe(before + 1);
    // The area link says it in words too.
    await areaLink(alex, "Achievement (1 of 4 judged)").waitFor();
  });

  it("shows the cycle and the due date", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    await open(page, "");
    await page.getByText("Cycle: Autumn review 2027").waitFor();
    await page.getByText("Due 31 March 2027").waitFor();
  });

  it("says what the overview's indicator dots mean, in words as well as colour", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    await open(page, "");
    const overview = page.getByRole("region", { name: "Overview of Safeguarding" });
    // Once an indicator is rated its dot changes colour; the key says what each colour is.
    const key = overview.locator(".abacus-key");
    expect(await key.textContent()).toBe(
      "Dots: each indicator’s rating, in order. Green Amber Red Not rated",
    );
    // A criterion's dots are one image with its ratings in words.
    const dots = overview.getByRole("img", { name: /^Indicators: / }).first();
    expect(await dots.getAttribute("aria-label")).toMatch(/: not rated(;|$)/);
  });
});
