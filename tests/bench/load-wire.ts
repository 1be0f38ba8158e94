import type { DocumentPlan } from "./document-clients.ts";
import type { LoadResult, LoadSchedule } from "./load.ts";
import type { BenchOptions } from "./options.ts";
import { LatencySamples, type WireSamples } from "./samples.ts";
import type { LoadGeneratorUsage } from "./self-sampler.ts";

/** What the bench tells a load process (load-worker.ts), in this order. */
export type ToWorker =
  | { type: "connect"; documents: DocumentPlan[]; options: BenchOptions }
  | { type: "run"; schedule: LoadSchedule }
  | { type: "stop" };

/** A load process's LoadResult, with its own CPU and event-loop delay over the window. */
export interface WireLoadResult {
  propagation: WireSamples;
  crossProcess: WireSamples;
  propagationByPath: Record<string, WireSamples>;
  durable: WireSamples;
  edits: number;
  windowSeconds: number;
  unseen: number;
  unconfirmed: number;
  usage: LoadGeneratorUsage;
}

/** What a load process answers. */
export type FromWorker =
  | { type: "connected" }
  | { type: "result"; result: WireLoadResult }
  | { type: "failed"; message: string };

export function toWire(load: LoadResult, usage: LoadGeneratorUsage): WireLoadResult {
  return {
    propagation: load.propagation.toWire(),
    crossProcess: load.crossProcess.toWire(),
    propagationByPath: Object.fromEntries(
      Object.entries(load.propagationByPath).map(([path, samples]) => [path, samples.toWire()]),
    ),
    durable: load.durable.toWire(),
    edits: load.edits,
    windowSeconds: load.windowSeconds,
    unseen: load.unseen,
    unconfirmed: load.unconfirmed,
    usage,
  };
}

/** Every load process's results as one LoadResult, as if one process had made them all. */
export function mergeWire(results: WireLoadResult[]): LoadResult {
  const merged: LoadResult = {
    propagation: new LatencySamples(),
    crossProcess: new LatencySamples(),
    propagationByPath: {},
    durable: new LatencySamples(),
    edits: 0,
    windowSeconds: 0,
    unseen: 0,
    unconfirmed: 0,
  };
  for (const result of results) {
    merged.propagation.addWire(result.propagation);
    merged.crossProcess.addWire(result.crossProcess);
    for (const [path, samples] of Object.entries(result.propagationByPath)) {
      (merged.propagationByPath[path] ??= new LatencySamples()).addWire(samples);
    }
    merged.durable.addWire(result.durable);
    merged.edits += result.edits;
    merged.windowSeconds = Math.max(merged.windowSeconds, result.windowSeconds);
    merged.unseen += result.unseen;
    merged.unconfirmed += result.unconfirmed;
  }
  return merged;
}
