import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database.ts";
import { useWorldAndServer } from "../support/world-and-server.ts";
import { cookieFor } from "../support/sessions.ts";

// ADR 032: a page preloads its own first modules only, not the 40-odd files they import, which
// the browser fetched and compiled ahead of the first paint. (That the page still hydrates, with
// what was typed before its scripts ran, is tests/e2e/early-input.test.ts: a mismatch between
// what the server rendered and what the browser hydrates fails every e2e test.)

useTestDatabase();

const the = useWorldAndServer();

const preloadsOf = (html: string) =>
  [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((match) => match[1]);

describe("the scripts a page asks for before its first paint", () => {
  it("are the manifest, the entry and the page's route modules, none of what they import", async () => {
    const cookie = await cookieFor(the.world.people.staff.id);
    for (const page of ["/home", `/evaluations/${the.world.evaluation.id}`, "/sign-in"]) {
      const response = await fetch(`${the.server.url}${page}`, {
        headers: page === "/sign-in" ? {} : { cookie },
      });
      expect(response.status, page).toBe(200);
      const html = await response.text();
      const preloads = preloadsOf(html);
      expect(
        preloads.filter((href) => /^\/build\/manifest-/.test(href)),
        page,
      ).toHaveLength(1);
      expect(
        preloads.filter((href) => /^\/build\/entry\.client-/.test(href)),
        page,
      ).toHaveLength(1);
      expect(
        preloads.filter((href) => /^\/build\/root-/.test(href)),
        page,
      ).toHaveLength(1);
      expect(preloads.filter((href) => /^\/build\/routes\//.test(href)).length, page).toBe(1);
      expect(preloads, page).toHaveLength(4);
      // The page's module script imports each of them: the browser meets the rest through these.
      const moduleScript = html.match(/<script[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/)![1];
      for (const href of preloads) expect(moduleScript, page).toContain(`"${href}"`);
    }
  });
});
