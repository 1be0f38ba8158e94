import type { Page } from "playwright-core";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one function (or script) in the page's JavaScript, in ms. */
export interface FunctionTime {
  name: string;
  ms: number;
}

const shortUrl = (url: string) => url.replace(/^.*\/build\//, "").replace(/^https?:\/\/[^/]+/, "");

/**
 * Samples the page's JavaScript (Chromium's V8 profiler over CDP) while `run` opens it, and
 * returns where the time went: by function (self time) and by script, busiest first.
 */
export async function profilePageScripts(
  page: Page,
  run: () => Promise<void>,
): Promise<{ byFunction: FunctionTime[]; byScript: FunctionTime[]; profile: Profile }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await run();
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const script = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") return;
    // Minified chunks are a few long lines: the column tells their functions apart.
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}:${columnNumber + 1}` : "";
    const name = `${functionName || "(anonymous)"} ${where}`.trim();
    fn.set(name, (fn.get(name) ?? 0) + ms);
    const file = url ? shortUrl(url) : functionName;
    script.set(file, (script.get(file) ?? 0) + ms);
  });
  const sorted = (m: Map<string, number>) =>
    [...m].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { byFunction: sorted(fn), byScript: sorted(script), profile };
}
