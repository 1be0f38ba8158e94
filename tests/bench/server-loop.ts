/** How long our server's event loop was held up: what every message it got had to wait for. */
export interface LoopDelay {
  p99Ms: number;
  maxMs: number;
}

/**
 * Reads prom-client's event-loop delay (`nodejs_eventloop_lag_*`) from a server's /metrics. The
 * server's histogram is reset at every scrape, so a reading covers the time since the previous
 * scrape of that server (the bench scrapes a second before the window's start, and at its end).
 */
export async function readLoopDelay(url: string, token: string): Promise<LoopDelay> {
  const response = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
  const text = await response.text();
  const seconds = (name: string) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text);
    return match ? Number(match[1]) : Number.NaN;
  };
  return {
    p99Ms: seconds("nodejs_eventloop_lag_p99_seconds") * 1000,
    maxMs: seconds("nodejs_eventloop_lag_max_seconds") * 1000,
  };
}
