import { summarise, type LatencySummary } from "./stats.ts";

/** Latencies (ms) with the moment each edit was made, so they can also be read over time. */
export class LatencySamples {
  readonly latency: number[] = [];
  readonly madeAt: number[] = [];

  add(madeAt: number, now: number): void {
    this.latency.push(now - madeAt);
    this.madeAt.push(madeAt);
  }

  summary(): LatencySummary {
    return summarise(this.latency);
  }

  /** One summary per `bucketSeconds` of the window, by when the edit was made: stalls show up here. */
  overTime(
    windowStart: number,
    bucketSeconds: number,
  ): (LatencySummary & { fromSecond: number })[] {
    const buckets: number[][] = [];
    for (let i = 0; i < this.latency.length; i++) {
      const bucket = Math.max(0, Math.floor((this.madeAt[i] - windowStart) / 1000 / bucketSeconds));
      (buckets[bucket] ??= []).push(this.latency[i]);
    }
    return Array.from(buckets, (values, i) => ({
      fromSecond: i * bucketSeconds,
      ...summarise(values ?? []),
    }));
  }
}
