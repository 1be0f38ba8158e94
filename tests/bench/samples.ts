import { summarise, type LatencySummary } from "./stats.ts";

/** LatencySamples as they travel between processes. */
export interface WireSamples {
  latency: Float64Array;
  madeAtEpoch: Float64Array;
}

/** Latencies (ms) with the moment each edit was made, so they can also be read over time. */
export class LatencySamples {
  readonly latency: number[] = [];
  readonly madeAt: number[] = [];

  add(madeAt: number, now: number): void {
    this.latency.push(now - madeAt);
    this.madeAt.push(madeAt);
  }

  /**
   * For another process: each edit's moment as wall-clock ms (performance.timeOrigin + now),
   * which every process on the machine reads alike, unlike performance.now().
   */
  toWire(): WireSamples {
    return {
      latency: Float64Array.from(this.latency),
      madeAtEpoch: Float64Array.from(this.madeAt, (t) => performance.timeOrigin + t),
    };
  }

  /** Adds another process's samples (toWire), on this process's clock. */
  addWire(wire: WireSamples): void {
    for (let i = 0; i < wire.latency.length; i++) {
      this.latency.push(wire.latency[i]);
      this.madeAt.push(wire.madeAtEpoch[i] - performance.timeOrigin);
    }
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
