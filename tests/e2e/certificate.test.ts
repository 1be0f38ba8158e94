import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Award } from "../../models/award/award.ts";
import { longDate } from "../../models/award/pdf.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, signedOutPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildAward, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

const run = promisify(execFile);
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let award: Award;

beforeAll(async () => {
  world = await buildWorld();
  award = await buildAward({
    trustId: world.trust.id,
    schoolId: world.school.id,
    evaluationId: world.evaluation.id,
    validationId: new Types.ObjectId().toString(),
    frameworkId: world.evaluation.frameworkId,
    frameworkName: "Inclusion Excellence",
    tier: "Gold",
    startDate: "2025-01-15",
    expiryDate: "2028-01-15",
  });
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("a school's certificate", () => {
  it("opens from the register, downloads as a PDF with the school, the mark and the dates, and verifies publicly", async () => {
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    await page.goto(`${server.url}/register`);
    await page.getByRole("heading", { level: 1, name: "Register" }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(world.school.name) });
    await row.getByRole("cell", { name: "Current" }).waitFor();
    await row
      .getByRole("link", {
        name: `View certificate for ${world.school.name}, Inclusion Excellence`,
      })
      .click();

    const certificate = page.getByRole("article", { name: "Certificate of accreditation" });
    await certificate.getByText(world.school.name).waitFor();
    await certificate.getByText("15 January 2028").waitFor();
    await page.getByRole("button", { name: "Print" }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `Inclusion Excellence certificate - ${world.school.name}.pdf`,
    );
    const pdf = await readFile((await download.path())!);
    const text = (await run("/usr/bin/pdftotext", [(await download.path())!, "-"])).stdout.replace(
      /\s+/g,
      " ",
    );
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    for (const expected of [
      world.school.name,
      "Inclusion Excellence",
      longDate(award.startDate),
      longDate(award.expiryDate),
      award.code,
    ]) {
      expect(text, expected).toContain(expected);
    }

    // Anyone holding the paper can check it, signed in or not.
    const publicPage = await signedOutPage();
    await publicPage.goto(`${server.url}/verify`);
    await publicPage.getByLabel("Enter a certificate code").fill(award.code.toLowerCase());
    await publicPage.getByRole("button", { name: "Check" }).click();
    const result = publicPage.getByRole("region", {
      name: "This certificate is genuine and current",
    });
    await result.getByText(world.school.name).waitFor();
    await result.getByText("Inclusion Excellence").waitFor();

    await publicPage
      .getByLabel("Enter a certificate code")
      .fill(award.code.slice(0, -1) + (award.code.endsWith("Z") ? "Y" : "Z"));
    await publicPage.getByRole("button", { name: "Check" }).click();
    await publicPage.getByRole("heading", { name: "No certificate has this code" }).waitFor();
    expect(await publicPage.getByText(world.school.name).count()).toBe(0);
  });

  it("keeps the Download PDF link where it was when the page's scripts start and Print appears", async () => {
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    // The page as served, its scripts held back until the link has been measured.
    let releaseScripts!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
    await page.route(/\/build\/.*\.js$/, async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    await page.goto(`${server.url}/awards/${award.id}/certificate`, { waitUntil: "commit" });
    const link = page.getByRole("link", { name: "Download PDF" });
    await link.waitFor();
    expect(await page.getByRole("button", { name: "Print" }).count()).toBe(0);
    const served = await link.boundingBox();

    releaseScripts();
    await page.getByRole("button", { name: "Print" }).waitFor();
    expect(await link.boundingBox()).toEqual(served);
  });
});
