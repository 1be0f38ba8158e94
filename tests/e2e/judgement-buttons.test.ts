import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// The buttons of a judgement (its levels) and of an indicator (red, amber, green) on the
// evaluation page, at a laptop's, a landscape and an upright tablet's, and a phone's width.
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

/**
 * What is untidy about a group of buttons as drawn: buttons of unequal widths (not a grid), a
 * row with fewer buttons than the one above it except the last, a last row of one under rows
 * of more (a lone button), a name broken inside a word, a button past the group's edge.
 */
function untidiness(group: Locator): Promise<string[]> {
  return group.evaluate((group) => {
    const buttons = [...group.querySelectorAll("label")];
    const boxes = buttons.map((b) => b.getBoundingClientRect());
    const problems: string[] = [];
    const widths = boxes.map((b) => Math.round(b.width));
    if (Math.max(...widths) - Math.min(...widths) > 1)
      problems.push(`widths differ: ${widths.join(", ")}`);
    const rows: number[] = [];
    let top = -Infinity;
    for (const box of boxes) {
      if (box.top > top + 2) rows.push(0);
      top = Math.max(top, box.top);
      rows[rows.length - 1]++;
    }
    if (rows.slice(0, -1).some((n) => n !== rows[0]) || rows.at(-1)! > rows[0])
      problems.push(`rows of ${rows.join(", ")}`);
    if (rows.length > 1 && rows[0] > 1 && rows.at(-1) === 1)
      problems.push(`a lone button under rows of ${rows[0]}`);
    for (const button of buttons) {
      const text = button.textContent?.trim() ?? "";
      // The lines the name takes (the radio beside it is not text): at most one a word.
      const tops = new Set<number>();
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      if (tops.size > text.split(/\s+/).length) problems.push(`"${text}" broken inside a word`);
    }
    const edge = group.getBoundingClientRect();
    for (const [i, box] of boxes.entries())
      if (box.right > edge.right + 1 || box.left < edge.left - 1)
        problems.push(`"${buttons[i].textContent?.trim()}" past the edge`);
    return problems;
  });
}

describe("a judgement's and an indicator's buttons", () => {
  it("sit in a tidy grid at every width: equal buttons, even rows, no lone button, words whole", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    const problems: string[] = [];
    let indicatorsSeen = 0;
    for (const width of [1280, 1024, 768, 390]) {
      await page.setViewportSize({ width, height: 900 });
      // 2.2 has five levels and three indicators; 1.1 (safeguarding) is Met / Not met.
      for (const [area, criterion, code] of [
        ["inclusion", "incl-2", "2.2"],
        ["safeguarding", "sg-1", "1.1"],
      ]) {
        await page.goto(
          `${server.url}/evaluations/${world.evaluation.id}?area=${area}&criterion=${criterion}`,
        );
        const judgement = page.getByRole("group", { name: `Judgement for ${code}` });
        await judgement.waitFor();
        for (const problem of await untidiness(judgement))
          problems.push(`${code}'s levels at ${width} px: ${problem}`);
        const indicators = page.locator("fieldset.rag");
        indicatorsSeen += await indicators.count();
        for (let i = 0; i < (await indicators.count()); i++)
          for (const problem of await untidiness(indicators.nth(i)))
            problems.push(`${code}'s indicator ${i + 1} at ${width} px: ${problem}`);
      }
    }
    expect(indicatorsSeen, "indicators looked at").toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
