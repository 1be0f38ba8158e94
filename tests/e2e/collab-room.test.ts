import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { documentName } from "../../collab/document-name.ts";
import { setJudgement } from "../../collab/shapes/evaluation.ts";

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

describe("one collaboration room per page", () => {
  it("opens the evaluation and its discussion on one WebSocket", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    const sockets: string[] = [];
    page.on("websocket", (socket) => sockets.push(socket.url()));
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}?area=inclusion`);
    // The evaluation is open (saved, writable) and so is its discussion (the comment counts).
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await page.getByRole("list", { name: "Summary of 2.1" }).getByText("0 comments").waitFor();
    // Opening a criterion (its editors, threads, evidence) adds no connection either.
    await page.getByRole("button", { name: /^2\.1 / }).click();
    await page.getByRole("textbox", { name: "Narrative for 2.1" }).waitFor();
    await page.getByText("Comments (0)").waitFor();
    // Switching area keeps the room (and its one connection).
    await page
      .getByRole("navigation", { name: "Areas" })
      .getByRole("link", { name: "Achievement" })
      .click();
    await page.getByRole("heading", { level: 2, name: "Achievement" }).waitFor();
    await page.getByRole("list", { name: "Summary of 4.1" }).getByText("0 comments").waitFor();
    expect(sockets).toEqual([`${server.url.replace(/^http/, "ws")}/collab`]);
  });

  it("makes the judgement controls usable soon after opening (median of 5, reported)", async () => {
    const runs: { editable: number; response: number; loaded: number }[] = [];
    for (let i = 0; i < 5; i++) {
      // A fresh browser profile each time: nothing cached, no local copy of the document.
      const page = await signedInPage(server.url, world.people.staff.id);
      await page.goto(`${server.url}/evaluations/${world.evaluation.id}?area=inclusion`, {
        waitUntil: "commit",
      });
      // From the start of the navigation to the first judgement control taking input.
      const handle = await page.waitForFunction(
        () => {
          const bead = document.querySelector('[role="slider"]');
          return bead && !bead.hasAttribute("aria-readonly") ? performance.now() : false;
        },
        undefined,
        { polling: "raf", timeout: 20_000 },
      );
      const editable = Math.round(Number(await handle.jsonValue()));
      // Where the time went: the server's answer, then the page's scripts.
      const phases = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return { response: nav.responseEnd, loaded: nav.domContentLoadedEventEnd };
      });
      runs.push({
        editable,
        response: Math.round(phases.response),
        loaded: Math.round(phases.loaded),
      });
      // The content is on the page as served, before any script ran.
      expect(await page.getByRole("slider").count()).toBeGreaterThan(0);
      await page.context().close();
    }
    const median = (key: keyof (typeof runs)[number]) =>
      runs.map((r) => r[key]).sort((a, b) => a - b)[2];
    console.log(
      `Open → editable: median ${median("editable")} ms (runs: ${runs.map((r) => r.editable).join(", ")}); ` +
        `server answered by ${median("response")} ms, scripts loaded by ${median("loaded")} ms (medians)`,
    );
    expect(median("editable")).toBeLessThan(10_000);
  });

  it("renders the evaluation's live content on the server, before any script runs", async () => {
    // A judgement made live a moment ago (not yet in any projection) is in the served page.
    await server.collab.change(documentName("evaluation", world.evaluation.id), (doc) =>
      setJudgement(doc, "incl-1", "needs-attention"),
    );
    const response = await fetch(
      `${server.url}/evaluations/${world.evaluation.id}?area=inclusion`,
      {
        headers: { cookie: await cookieFor(world.people.staff.id) },
      },
    );
    const html = await response.text();
    expect(response.status).toBe(200);
    // The judgement controls are there (read only until scripts run), not a loading message.
    const has = (text: string) => html.includes(text);
    expect(has('role="slider"')).toBe(true);
    expect(has('aria-readonly="true"')).toBe(true);
    expect(has("Loading the evaluation…")).toBe(false);
    expect(has('aria-valuetext="Needs attention"')).toBe(true);
  });
});
