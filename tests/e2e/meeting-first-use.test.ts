import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { addForce, forcesOf } from "../../collab/shapes/plan.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { connectClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// What a first-time user met in the live meeting: the force-field drawn in the item's column,
// and the validator's rationale typed before a reload.

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let meetingPath: string;

const ITEM = { id: "incl-1", code: "2.1" };

beforeAll(async () => {
  world = await buildWorld();
  validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  server = await startTestServer();
  const client = connectClient(
    server.url,
    documentName("evaluation", world.evaluation.id),
    await cookieFor(world.people.schoolLeader.id),
  );
  await client.synced;
  client.doc.transact(() => {
    const helping = addForce(client.doc, ITEM.id, "helping", "Experienced SENCO");
    forcesOf(client.doc).get(helping)?.set("strength", 4);
    const hindering = addForce(
      client.doc,
      ITEM.id,
      "hindering",
      "Two new staff not yet trained in the phonics programme",
    );
    forcesOf(client.doc).get(hindering)?.set("strength", 5);
  });
  await client.whenSaved();
  client.destroy();
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

async function openMeeting(userId: string, width: number): Promise<Page> {
  const page = await signedInPage(server.url, userId);
  await page.setViewportSize({ width, height: 900 });
  await page.goto(server.url + meetingPath);
  await page.getByRole("tab", { name: "Minutes" }).waitFor();
  return page;
}

describe("the force-field diagram in the meeting", () => {
  for (const width of [1280, 390]) {
    it(`fits its box at ${width} px, every label whole and on its own side of the centre line`, async () => {
      const page = await openMeeting(world.people.validator.id, width);
      const figure = page.getByRole("figure", { name: `Force-field diagram of ${ITEM.code}` });
      await figure.locator("svg").getByText("Hindering total 5").waitFor();
      const measured = await figure.evaluate((box) => {
        const inside = box.getBoundingClientRect();
        const centre = box.querySelector(".ffd-centre")!.getBoundingClientRect();
        const texts = [...box.querySelectorAll<SVGTextElement>("svg text")].map((t) => {
          const r = t.getBoundingClientRect();
          const side = t.closest(".ffd-hindering")
            ? "hindering"
            : t.closest(".ffd-helping")
              ? "helping"
              : null;
          return {
            text: t.textContent ?? "",
            label: t.classList.contains("ffd-label"),
            side,
            left: r.left,
            right: r.right,
          };
        });
        return {
          scrollWidth: box.scrollWidth,
          clientWidth: box.clientWidth,
          box: { left: inside.left, right: inside.right },
          centre: (centre.left + centre.right) / 2,
          texts,
        };
      });
      expect(measured.scrollWidth).toBeLessThanOrEqual(measured.clientWidth);
      for (const t of measured.texts) {
        // Nothing drawn outside the box (cut off, or only reached by scrolling).
        expect(t.left, t.text).toBeGreaterThanOrEqual(measured.box.left);
        expect(t.right, t.text).toBeLessThanOrEqual(measured.box.right);
        if (!t.label) continue;
        if (t.side === "hindering") expect(t.left, t.text).toBeGreaterThan(measured.centre);
        if (t.side === "helping") expect(t.right, t.text).toBeLessThan(measured.centre);
      }
      const words = measured.texts.map((t) => t.text).join(" ");
      expect(words).toContain("Two new staff");
      expect(words).toContain("programme");
      expect(words).not.toContain("…");
      await page.context().close();
    });
  }
});

describe("the validator's rationale", () => {
  it("is still there after a reload, until it is recorded", async () => {
    const page = await openMeeting(world.people.validator.id, 1280);
    const rationale = page.getByRole("textbox", { name: `Rationale for ${ITEM.code}` });
    await rationale.click();
    await rationale.pressSequentially("The SENCO's tracking shows plans reviewed each");
    await page.reload();
    await page.getByRole("tab", { name: "Minutes" }).waitFor();
    await expect
      .poll(() => page.getByRole("textbox", { name: `Rationale for ${ITEM.code}` }).inputValue())
      .toBe("The SENCO's tracking shows plans reviewed each");
    await page.context().close();
  });
});
