import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { startEvaluation, type Evaluation } from "../../models/evaluation/evaluation.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import { ensureStarterFramework } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { AWARD_START, awardPeriodWords } from "../support/award-dates.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let evaluation: Evaluation;

// A quality mark: its validation can end in an award (a self-evaluation's cannot).
beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  const version = await ensureStarterFramework(
    world.trust.id,
    "inclusion-excellence",
    inclusionExcellence,
  );
  evaluation = await startEvaluation(world.school, version, {
    title: "Inclusion Excellence 2026–27",
    createdBy: world.people.schoolLeader.id,
  });
  await setEvaluationStatus(world.trust.id, evaluation.id, "submitted", {
    from: ["inProgress"],
  });
  await buildValidation(evaluation, [world.people.validator.id], world.people.trustAdmin.id);
});
afterAll(async () => {
  await server?.close();
});

function counter() {
  let actions = 0;
  return {
    get count() {
      return actions;
    },
    async click(locator: Locator) {
      actions++;
      await locator.click();
    },
    async choose(locator: Locator, label: string) {
      actions++;
      await locator.selectOption({ label });
    },
    async fill(locator: Locator, text: string) {
      actions++;
      await locator.fill(text);
    },
  };
}

const row = (page: Page, code: string) =>
  page.getByRole("row").filter({
    has: page.getByRole("rowheader", { name: new RegExp(`^${code.replace(".", "\\.")} `) }),
  });

describe("agreeing a judgement and recording the outcome, with the school and an observer watching", () => {
  it("takes the validator 3 actions to agree and 3 to record; everyone sees it live; the certificate PDF holds the facts", async () => {
    const path = `${server.url}/evaluations/${evaluation.id}/validation`;
    const [validator, leader, observer] = await Promise.all([
      signedInPage(server.url, world.people.validator.id),
      signedInPage(server.url, world.people.schoolLeader.id),
      signedInPage(server.url, world.people.trustLeader.id),
    ]);
    await Promise.all([validator, leader, observer].map((p) => p.goto(path)));
    await Promise.all(
      [validator, leader, observer].map((p) =>
        p.getByRole("heading", { level: 2, name: "Judgements" }).waitFor(),
      ),
    );

    const agree = counter();
    const started = Date.now();
    await agree.choose(
      validator.getByRole("combobox", { name: "Agreed level for 2.1" }),
      "Leading",
    );
    await agree.fill(
      validator.getByRole("textbox", { name: "Rationale for 2.1" }),
      "Consistent screening seen in every class",
    );
    await agree.click(validator.getByRole("button", { name: "Agree 2.1" }));
    console.log(
      `Agree one judgement: ${agree.count} actions, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(agree.count).toBeLessThanOrEqual(3);

    // The school leader and the observer see it live, without reloading.
    for (const page of [leader, observer]) {
      await row(page, "2.1")
        .getByText("Consistent screening seen in every class")
        .waitFor({ timeout: 2000 });
    }
    expect(await observer.getByRole("button", { name: "Confirm 2.1" }).count()).toBe(0);
    expect(await observer.getByRole("button", { name: "Agree 2.1" }).count()).toBe(0);
    await leader.getByRole("button", { name: "Confirm 2.1" }).click();
    await row(observer, "2.1")
      .getByText(/Confirmed by Sam Leader/)
      .waitFor({ timeout: 2000 });

    const outcome = counter();
    await outcome.choose(validator.getByRole("combobox", { name: "Outcome" }), "Accredited");
    await outcome.fill(validator.getByLabel(/^Award starts/), AWARD_START);
    // One criterion agreed of seven: the rule recommends "not yet", so accrediting needs a reason.
    await outcome.fill(
      validator.getByLabel(/^Reason/),
      "The remaining criteria were seen in the meeting",
    );
    await outcome.click(validator.getByRole("button", { name: "Record the outcome" }));
    console.log(`Record the outcome: ${outcome.count} actions`);
    expect(outcome.count).toBeLessThanOrEqual(4);
    for (const page of [leader, observer]) {
      await page
        .getByRole("status")
        .filter({ hasText: new RegExp(`Accredited.*${awardPeriodWords(3)}`) })
        .waitFor({ timeout: 2000 });
    }

    // The certificate: page and PDF.
    const code = (await validator
      .getByRole("status")
      .filter({ hasText: "Certificate code" })
      .textContent())!.match(/QM-[A-Z0-9-]+/)![0];
    const verify = await observer.goto(`${server.url}/verify?code=${code}`);
    expect(verify?.status()).toBe(200);
    await observer.getByText(world.school.name).first().waitFor();

    const awardPage = await signedInPage(server.url, world.people.schoolLeader.id);
    const { AwardModel } = await import("../../models/award/award.ts");
    const award = (await AwardModel.findOne({ code }).lean())!;
    await awardPage.goto(`${server.url}/awards/${award._id}/certificate`);
    const [download] = await Promise.all([
      awardPage.waitForEvent("download"),
      awardPage.getByRole("link", { name: /Download PDF/ }).click(),
    ]);
    const file = await download.path();
    const { stdout } = await promisify(execFile)("/usr/bin/pdftotext", [file!, "-"]);
    expect(stdout).toContain(world.school.name);
    expect(stdout).toContain("Inclusion Excellence");
    for (const day of awardPeriodWords(3)
      .split(/^from | to /)
      .filter(Boolean))
      expect(stdout).toContain(day);
  });
});
