// The moments an opened page became editable and live, recorded by the page itself.
//
// A check run in the page by the browser driver (Playwright's `waitForFunction`) is late on a page
// with scripts: before its first check the driver installs its own script in the new document
// and makes round trips to the renderer, each waiting for the page's main thread behind the
// page's own module compiling and evaluation (ADR 058). So the moments are recorded by a script
// the browser runs in each new document before the page's own (an init script), and the driver
// only reads them once the page has loaded.
//
// Editable means shown: the controls are there and enabled (checked at every animation frame, as
// the driver did) and the frame that shows them has reached the screen. A frame's animation
// callbacks run before its style, layout and paint, and a frame is on screen later still, so the
// recorder marks the controls' text (`shown`) for Element Timing, which gives the time the frame
// that first painted each one was presented, and takes the latest of those and the frame after
// the one in which the controls were first there.

/** Run in the page: the time it became ready (performance.now()), or false. */
export type PageCheck = () => number | false;

export interface RecordedMoments {
  /** The animation frame in which the controls were first there and enabled. */
  inFrame: number | null;
  /** When the frame showing the controls' text was on screen (Element Timing), each `shown`. */
  presented: number[];
  /** Editable: the controls there, enabled and on screen. */
  editable: number | null;
  /** The page's scripts have taken over. */
  live: number | null;
  /** The main thread's tasks of 50 ms or more (start, duration), from the page's start. */
  longTasks: [number, number][];
}

interface ElementEntry extends PerformanceEntry {
  element: Element | null;
  renderTime: number;
}

/** Installed in the page: records when `ready` holds and is on screen, and when `live` holds. */
function recordMoments(ready: PageCheck, live: PageCheck | null, shown: string[]) {
  if (window !== window.top) return;
  const moments: RecordedMoments = {
    inFrame: null,
    presented: [],
    editable: null,
    live: null,
    longTasks: [],
  };
  (window as unknown as { __openMoments: RecordedMoments }).__openMoments = moments;
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) moments.longTasks.push([task.startTime, task.duration]);
  }).observe({ type: "longtask", buffered: true });
  // Element Timing reports only elements that carry the attribute when they are first painted:
  // each is marked as the parser inserts it, before any frame.
  const painted = new Map<Element, number>();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as ElementEntry[])
      if (entry.element) painted.set(entry.element, entry.renderTime);
  }).observe({ type: "element", buffered: true });
  const marker = new MutationObserver(() => {
    for (const element of document.querySelectorAll(shown.join(",")))
      if (!element.hasAttribute("elementtiming")) element.setAttribute("elementtiming", "open");
  });
  marker.observe(document, { childList: true, subtree: true });
  let targets: Element[] = [];
  let nextFrame: number | null = null;
  const frame = () => {
    if (moments.inFrame === null) {
      const at = ready();
      if (at !== false) {
        moments.inFrame = at;
        targets = shown.map((selector) => document.querySelector(selector)!);
        // The labels to time are there and marked: the page's own changes need no more looks.
        marker.disconnect();
      }
    } else {
      // The frame after the one that found the controls: that one's paint is done.
      nextFrame ??= performance.now();
      if (moments.editable === null && targets.every((t) => t && painted.has(t))) {
        moments.presented = targets.map((t) => painted.get(t)!);
        // Painted in that frame or later: on screen when the last of them was presented. One
        // painted before the controls were all there: that frame's own presentation is not
        // known, and the next frame stands for it.
        moments.editable = moments.presented.every((p) => p >= moments.inFrame!)
          ? Math.max(...moments.presented)
          : Math.max(nextFrame, ...moments.presented);
      }
    }
    if (live && moments.inFrame !== null && moments.live === null) {
      const at = live();
      if (at !== false) moments.live = at;
    }
    const done = moments.editable !== null && (!live || moments.live !== null);
    if (!done && performance.now() < 60_000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * The init script that records, in every page of a tab, when `ready` holds with the text of
 * `shown` (one CSS selector per control's label: its first match) on screen, and when `live`
 * holds.
 */
export function momentRecorder(ready: PageCheck, shown: string[], live?: PageCheck): string {
  // tsx keeps functions' names by wrapping inner ones in `__name(...)`, its own helper: the page
  // has none, so it is given one that does nothing.
  return `var __name = (f) => f; (${recordMoments.toString()})(${ready.toString()}, ${
    live ? live.toString() : "null"
  }, ${JSON.stringify(shown)});`;
}

/** Run in the page: what the recorder has seen so far, once it has seen all it waits for. */
export function recordedMoments(wantsLive: boolean): RecordedMoments | false {
  const moments = (window as unknown as { __openMoments?: RecordedMoments }).__openMoments;
  if (!moments || moments.editable === null || (wantsLive && moments.live === null)) return false;
  return moments;
}

/**
 * The longest main-thread task between editable and live: how long a keystroke or click made
 * the moment the page was editable could wait before the page handled it.
 */
export function longestTaskWhileLoading(moments: RecordedMoments): number {
  const from = moments.editable ?? 0;
  const to = moments.live ?? from;
  let longest = 0;
  for (const [start, duration] of moments.longTasks)
    if (start < to && start + duration > from) longest = Math.max(longest, duration);
  return longest;
}
