import { readFileSync } from "node:fs";
import { cpus } from "node:os";

/** CPU time every process on the machine used over a window (Linux /proc/stat). */
export interface MachineUsage {
  /** Busy time across all cores / wall time, in % of one core (so up to 100 × cores). */
  busyPercent: number | null;
  cores: number;
}

/** [busy, total] jiffies summed over all cores, from the first line of /proc/stat. */
function jiffies(): [number, number] | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user and nice)
    const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = values[3] + values[4];
    return [total - idle, total];
  } catch {
    return null;
  }
}

export function sampleMachine(): { stop(): MachineUsage } {
  const start = jiffies();
  const cores = cpus().length;
  return {
    stop() {
      const end = jiffies();
      if (!start || !end || end[1] === start[1]) return { busyPercent: null, cores };
      // Jiffies over all cores: busy share × cores = cores' worth of busy time, in % of one core.
      return { busyPercent: ((end[0] - start[0]) / (end[1] - start[1])) * cores * 100, cores };
    },
  };
}

/**
 * Resolves once the whole machine has been nearly idle (below `busyPercent` of one core) for
 * one `windowMs` window, or after `maxMs` whatever it does. Returns how long that took.
 */
export async function machineQuiet(
  options: { busyPercent?: number; windowMs?: number; maxMs?: number } = {},
): Promise<number> {
  const { busyPercent = 20, windowMs = 100, maxMs = 3000 } = options;
  const started = performance.now();
  while (performance.now() - started < maxMs) {
    const window = sampleMachine();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const used = window.stop().busyPercent;
    if (used === null || used < busyPercent) break;
  }
  return performance.now() - started;
}
