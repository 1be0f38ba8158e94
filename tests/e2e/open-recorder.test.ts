import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { momentRecorder, recordedMoments, type RecordedMoments } from "../bench/open-recorder.ts";
import { newContext, useBrowser } from "../support/browser.ts";

// `npm run bench:open` measures issue 12's "open → editable" with this recorder (ADR 058): the
// page records when its controls were there and when the frame showing them was on screen.

useBrowser();

const CONTROLS_AFTER_MS = 400;
let server: Server;
let url: string;

beforeAll(async () => {
  // A page that streams its heading at once and its text box later, as a slow server would.
  server = createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.write('<!doctype html><html lang="en"><title>Opening</title><h1>Opening</h1>');
    setTimeout(() => {
      res.end("<main><label>Narrative <textarea></textarea></label></main></html>");
    }, CONTROLS_AFTER_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function textBoxThere(): number | false {
  return document.querySelector("textarea") ? performance.now() : false;
}

it("records when the controls were there and when the frame showing them reached the screen", async () => {
  const page = await (await newContext()).newPage();
  await page.addInitScript({ content: momentRecorder(textBoxThere, ["main"]) });
  await page.goto(url, { waitUntil: "load" });
  const moments = (await (
    await page.waitForFunction(recordedMoments, false, { polling: 50 })
  ).jsonValue()) as RecordedMoments;

  // Not before the text box arrived, though the heading was on screen long before.
  expect(moments.inFrame).toBeGreaterThanOrEqual(CONTROLS_AFTER_MS);
  const headingPainted = await page.evaluate(
    () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
  );
  expect(headingPainted).toBeLessThan(CONTROLS_AFTER_MS);
  // On screen (Element Timing's presentation time of the text box's label) after that frame.
  expect(moments.presented).toHaveLength(1);
  expect(moments.presented[0]).toBeGreaterThanOrEqual(moments.inFrame!);
  expect(moments.editable).toBe(moments.presented[0]);
  // The recorder reads nothing of a page's own scripts: there are none here.
  expect(moments.live).toBeNull();
});
