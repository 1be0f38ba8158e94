import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { addForce } from "../../collab/shapes/plan.ts";
import { JUST_ASKED } from "../../app/components/report/report-form.tsx";
import { buildStarterFramework, buildWorld } from "../support/factories.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { pdfText } from "../support/pdf-text.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  const version = await buildStarterFramework(world.trust);
  const criterion = version.content.areas[1].criteria[0];
  await server.collab.change(documentName("evaluation", world.evaluation.id), (doc) => {
    addForce(doc, criterion.id, "helping", "Experienced SENCO", 4);
    addForce(doc, criterion.id, "hindering", "High staff turnover", 2);
  });
});
afterAll(async () => {
  await server?.close();
});

describe("downloading a report", () => {
  it("takes one click on the evaluation page and arrives as a PDF", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}`);
    const [download] = await Promise.all([
      // A quick report downloads at once; a slower one goes through its progress page first.
      page.waitForEvent("download", { timeout: 90_000 }),
      page.getByRole("button", { name: "Download report (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Evaluation report - .*\.pdf$/);
    const text = (await pdfText(await readFile((await download.path())!))).replace(/\s+/g, " ");
    expect(text).toContain(world.school.name);
    expect(text).toContain("Helping total 4 · Hindering total 2");
  });

  it("downloads a report that was ready before its progress page loaded, once, when the person has just asked for it", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}`);
    const [first] = await Promise.all([
      page.waitForEvent("download", { timeout: 90_000 }),
      page.getByRole("button", { name: "Download report (PDF)" }).click(),
    ]);
    const progress = new URL(first.url()).pathname.replace(/\/download$/, "");
    // The answer to a report that took more than a second: its progress page, marked as just
    // asked for. Here the report is ready by the time the page loads (as under load).
    const [again] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      page.goto(`${server.url}${progress}?${JUST_ASKED}=1`),
    ]);
    expect(again.suggestedFilename()).toBe(first.suggestedFilename());
    expect((await readFile((await again.path())!)).subarray(0, 5).toString()).toBe("%PDF-");
    await page.getByRole("heading", { name: "Your report is ready" }).waitFor();
    await page.waitForURL((url) => !url.searchParams.has(JUST_ASKED));
    // A later visit (or a reload) offers the download instead of starting it.
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.reload();
    await page.getByRole("heading", { name: "Your report is ready" }).waitFor();
    await page.getByRole("link", { name: "Download report (PDF)" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(downloads).toBe(0);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await checkPage(page)).toEqual([]);
    }
  });
});
