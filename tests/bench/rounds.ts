import { median } from "./stats.ts";
import type { targets } from "./report.ts";

/** One round's targets (report.ts's `targets`), with the other processes' CPU in that round. */
export interface RoundTargets {
  file: string;
  targets: ReturnType<typeof targets>;
  /** The most any system's run in the round saw other processes use (% of a core). */
  otherProcessesCpuPercent: number | null;
}

/** Each target's figure per round and the median over the rounds that have one. */
export function summariseRounds(rounds: RoundTargets[]) {
  const across = (pick: (round: RoundTargets) => number | null) => {
    const each = rounds.map(pick);
    const present = each.filter((value): value is number => value !== null);
    return { each, median: present.length ? median(present) : null };
  };
  return {
    rounds: rounds.length,
    files: rounds.map((round) => round.file),
    propagationP99Ratio: across((round) => round.targets.propagationP99.ratio),
    cpuRatio: across((round) => round.targets.cpu.ratio),
    durableP95: across((round) => round.targets.durable.p95),
    durableP99: across((round) => round.targets.durable.p99),
    durableSliceP95: across((round) => round.targets.durable.sliceP95),
    otherProcessesCpuPercent: across((round) => round.otherProcessesCpuPercent),
  };
}
