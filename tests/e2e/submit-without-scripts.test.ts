import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTHING_JUDGED } from "../../models/snapshot/submission-rule.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, horizontalOverflow } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// A browser without scripts posts the submission form itself (Accept: text/html) and shows
// whatever comes back. A refusal comes back as the evaluation page with the message by the
// submission form, not as raw JSON; the page's own script, and other JSON clients, keep JSON.

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

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** The head of the school (who may submit), as a plain HTTP client sending `accept`. */
async function leaderAccepting(accept: string | null): Promise<HttpSession> {
  const http = new HttpSession(server.url, accept ? { accept } : {});
  http.setCookie(await cookieFor(world.people.schoolLeader.id));
  const page = await http.get(`/evaluations/${world.evaluation.id}`);
  expect(page.status).toBe(200);
  return http;
}

const submitPath = () => `/evaluations/${world.evaluation.id}/submit`;

describe("a submission refused when the browser runs no scripts", () => {
  it("answers with the evaluation page, the message by the submission form, once", async () => {
    // Nothing is judged yet: the server refuses the submission.
    const http = await leaderAccepting(BROWSER_ACCEPT);
    const refused = await http.post(submitPath(), { basedOn: "none", area: "inclusion" });
    expect(refused.response.headers.get("content-type") ?? "").not.toMatch(/json/);
    expect(refused.status).toBe(303);
    expect(refused.location).toBe(`/evaluations/${world.evaluation.id}?area=inclusion`);

    const back = await http.get(refused.location!);
    expect(back.status).toBe(200);
    expect(back.response.headers.get("content-type")).toMatch(/^text\/html/);
    const alert = /<p class="form-error" role="alert"[^>]*>([^<]*)<\/p>/.exec(back.html);
    expect(alert?.[1]).toBe(NOTHING_JUDGED);
    // Inside the submission bar, by the form.
    const bar = back.html.slice(back.html.indexOf('aria-label="Submission"'));
    expect(bar.indexOf(NOTHING_JUDGED)).toBeLessThan(bar.indexOf("</section>"));

    // Shown once: a reload has no message.
    const again = await http.get(refused.location!);
    expect(again.status).toBe(200);
    expect(again.html).not.toMatch(/<p class="form-error" role="alert"/);

    // A form refused before the command runs (its security token out of date) comes back too.
    const stale = await http.post(submitPath(), { basedOn: "none" }, { csrf: "out-of-date" });
    expect(stale.status).toBe(303);
    const told = await http.get(stale.location!);
    expect(told.html).toMatch(/<p class="form-error" role="alert"[^>]*>[^<]+<\/p>/);
  });

  it("shows the message in a browser, with or without scripts, accessibly, at 390 px", async () => {
    for (const scripts of [false, true]) {
      const http = await leaderAccepting(BROWSER_ACCEPT);
      const refused = await http.post(submitPath(), { basedOn: "none" });
      expect(refused.location).toBe(`/evaluations/${world.evaluation.id}`);
      // The browser that posted holds what the answer set: the carried message.
      const carried = refused.response.headers
        .getSetCookie()
        .map((header) => header.split(";")[0])
        .find((pair) => /refusal=/.test(pair));
      expect(carried).toBeTruthy();
      const page = await signedInPage(server.url, world.people.schoolLeader.id, { scripts });
      const at = carried!.indexOf("=");
      await page
        .context()
        .addCookies([
          { name: carried!.slice(0, at), value: carried!.slice(at + 1), url: server.url },
        ]);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(server.url + refused.location!);
      const bar = page.getByRole("region", { name: "Submission" });
      expect(await bar.getByRole("alert").textContent()).toBe(NOTHING_JUDGED);
      // (axe runs in the page, so needs its scripts: checked on the page with them.)
      if (scripts) {
        await page.getByRole("button", { name: "Submit for validation" }).waitFor();
        expect(await bar.getByRole("alert").textContent()).toBe(NOTHING_JUDGED);
        expect(await checkPage(page)).toEqual([]);
      } else expect(await horizontalOverflow(page)).toBeNull();
    }
  });

  it("still answers JSON to the page's script and other JSON clients", async () => {
    for (const accept of ["application/json", "*/*", null]) {
      const http = await leaderAccepting(accept);
      const refused = await http.post(submitPath(), { basedOn: "none" });
      expect(refused.status, String(accept)).toBe(409);
      expect(refused.response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(JSON.parse(refused.html).formError).toBe(NOTHING_JUDGED);
    }
    // Remix's own request from the page (a fetcher): fetch's default Accept, `?_data=`.
    const http = await leaderAccepting("*/*");
    const fetched = await http.post(
      `${submitPath()}?_data=${encodeURIComponent("routes/evaluations_.$evaluationId.submit")}`,
      { basedOn: "none" },
    );
    expect(fetched.status).toBe(409);
    expect(JSON.parse(fetched.html).formError).toBe(NOTHING_JUDGED);
  });
});
