import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Award } from "../../models/award/award.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildAward, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// An award without a tier: its certificate's mark is the last of the emphasised words, and was a
// paragraph of large bold text followed by plain text, which axe reads as an unmarked heading
// (p-as-heading). The certificate says its words as one sentence instead.

useTestDatabase();
useBrowser();

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
    tier: null,
    startDate: "2025-01-15",
    expiryDate: "2028-01-15",
  });
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("the certificate of an award with no tier", () => {
  it("is accessible at 390 px and says what it certifies as one sentence", async () => {
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/awards/${award.id}/certificate`);
    const certificate = page.getByRole("article", { name: "Certificate of accreditation" });
    await certificate.getByText("Inclusion Excellence").waitFor();
    expect(await certificate.getByText(/tier/).count()).toBe(0);

    expect(await checkPage(page)).toEqual([]);

    const sentence = await certificate
      .getByRole("paragraph")
      .filter({ hasText: "This certifies that" })
      .textContent();
    expect(sentence?.replace(/\s+/g, " ").trim()).toBe(
      `This certifies that ${world.school.name} has been accredited with the Inclusion Excellence.`,
    );
  });
});
