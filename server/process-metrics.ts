import { readdir } from "node:fs/promises";
import { Gauge, collectDefaultMetrics, register } from "prom-client";

/** prom-client's default collectors that walk every socket, on the event loop, at each scrape. */
const WALKS_EVERY_SOCKET = [
  "process_open_fds",
  "nodejs_active_handles",
  "nodejs_active_handles_total",
];

/**
 * Node's own process metrics (CPU, memory, event-loop lag, GC, open descriptors, live resources),
 * once per process. prom-client's defaults, bar two that hold the event loop in proportion to
 * the connections at every scrape: `process_open_fds` lists /proc/self/fd synchronously, and
 * `nodejs_active_handles` builds an array of every handle and groups it by class. With 5,000
 * connections (10,000 sockets in one process) they were ~8 and ~9 ms of a ~20 ms scrape, during
 * which no edit is read or broadcast. The descriptors are listed off the loop here (same
 * metric); `nodejs_active_resources{,_total}` (kept) count the live handles, timers and requests
 * by type, as `process.getActiveResourcesInfo()` gives them, in a tenth of the time.
 */
export function collectProcessMetrics(): void {
  if (register.getSingleMetric("process_cpu_user_seconds_total")) return;
  collectDefaultMetrics();
  for (const name of WALKS_EVERY_SOCKET) register.removeSingleMetric(name);
  if (process.platform !== "linux") return;
  new Gauge({
    name: "process_open_fds",
    help: "Number of open file descriptors.",
    async collect() {
      // The listing's own descriptor is open while it runs: not counted.
      const open = await readdir("/proc/self/fd").catch(() => null);
      if (open) this.set(open.length - 1);
    },
  });
}
