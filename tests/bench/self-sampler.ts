import { summarise } from "./stats.ts";

/**
 * How busy the bench process itself (every client shares it) was over a window. A saturated
 * load generator adds its own queueing to every latency; the report flags it so such figures are
 * not mistaken for the server's.
 */
export interface LoadGeneratorUsage {
  cpuPercent: number;
  /** How late a 10 ms timer fired (event-loop lag), p99 and worst. */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

const TICK_MS = 10;

export function sampleSelf(): { stop(): LoadGeneratorUsage } {
  const startedAt = performance.now();
  const startCpu = process.cpuUsage();
  const lags: number[] = [];
  let last = startedAt;
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - last - TICK_MS));
    last = now;
  }, TICK_MS);
  return {
    stop() {
      clearInterval(timer);
      const now = performance.now();
      lags.push(Math.max(0, now - last - TICK_MS));
      const cpu = process.cpuUsage(startCpu);
      const lag = summarise(lags);
      return {
        cpuPercent: ((cpu.user + cpu.system) / 1e6 / ((now - startedAt) / 1000)) * 100,
        eventLoopDelayP99Ms: lag.p99 ?? 0,
        eventLoopDelayMaxMs: lag.max ?? 0,
      };
    },
  };
}
