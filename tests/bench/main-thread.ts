import type { Browser, Page } from "playwright-core";

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** Thread time: how long the thread actually ran on a CPU during the event. */
  tdur?: number;
  ts: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

/** What the renderer's main thread spent its time on, by top-level task kind, in ms. */
export type MainThreadTime = Record<string, number>;

/**
 * Records a Chromium trace while `run` opens a page, and adds up the renderer main thread's
 * complete events by name (script evaluation, compiling, parsing HTML, style, layout, paint,
 * garbage collection), counting only outermost events so nothing is counted twice.
 */
export async function traceMainThread(
  browser: Browser,
  page: Page,
  run: () => Promise<void>,
): Promise<{ byName: MainThreadTime; onCpu: number; trace: Buffer }> {
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline"],
  });
  await run();
  const trace = await browser.stopTracing();
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  // The page may start in one renderer and navigate into another: take the busiest main thread.
  const mains = events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const busy = (t: TraceEvent) =>
    events
      .filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === "X")
      .reduce((sum, e) => sum + (e.dur ?? 0), 0);
  const mainThread = mains.sort((a, b) => busy(b) - busy(a))[0];
  const onMain = events
    .filter((e) => mainThread && e.pid === mainThread.pid && e.tid === mainThread.tid)
    .filter((e) => e.ph === "X" && typeof e.dur === "number")
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const byName: MainThreadTime = {};
  // On a shared machine a task's wall time includes waiting for a core: its thread time does not.
  let onCpu = 0;
  // Children of the event that holds them all ("RunTask") say what the task was.
  let taskEnd = -1;
  let childEnd = -1;
  for (const e of onMain) {
    const end = e.ts + e.dur!;
    if (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") {
      if (e.ts >= taskEnd) {
        taskEnd = end;
        onCpu += (e.tdur ?? 0) / 1000;
      }
      continue;
    }
    if (e.ts < childEnd) continue;
    childEnd = end;
    const key =
      e.name === "EvaluateScript" || e.name === "v8.compile" || e.name === "v8.compileModule"
        ? `${e.name} ${shortUrl(e.args?.data?.url)}`
        : e.name;
    byName[key] = (byName[key] ?? 0) + e.dur! / 1000;
  }
  return { byName, onCpu, trace };
}

function shortUrl(url: string | undefined): string {
  if (!url) return "";
  return url.slice(url.lastIndexOf("/") + 1);
}
