import { describe, expect, it } from "vitest";
import { summariseRounds, type RoundTargets } from "../bench/rounds.ts";

function round(p99Ratio: number | null, cpuRatio: number | null, durableP95: number | null) {
  return {
    file: `collab-${p99Ratio}.json`,
    otherProcessesCpuPercent: 4,
    targets: {
      propagationP99: { target: "", ratio: p99Ratio, pass: null },
      cpu: { target: "", ratio: cpuRatio, pass: null },
      durable: { target: "", p95: durableP95, p99: null, sliceP95: null, pass: null },
      yjsPropagation: { target: "", p50Ratio: null, p99Ratio: null, pass: null },
    },
  } satisfies RoundTargets;
}

describe("bench rounds (npm run bench -- --rounds R)", () => {
  it("gives each target's figure per round, in order, and the median of the rounds", () => {
    const summary = summariseRounds([
      round(1.6, 2.2, 65),
      round(1.2, 3.1, 70),
      round(1.4, 2.0, 60),
    ]);
    expect(summary.rounds).toBe(3);
    expect(summary.files).toEqual(["collab-1.6.json", "collab-1.2.json", "collab-1.4.json"]);
    expect(summary.propagationP99Ratio).toEqual({ each: [1.6, 1.2, 1.4], median: 1.4 });
    expect(summary.cpuRatio).toEqual({ each: [2.2, 3.1, 2.0], median: 2.2 });
    expect(summary.durableP95).toEqual({ each: [65, 70, 60], median: 65 });
  });

  it("leaves out a round without a figure (a system that did not run) from the median", () => {
    const summary = summariseRounds([
      round(1.6, null, null),
      round(null, null, null),
      round(1.2, null, null),
    ]);
    expect(summary.propagationP99Ratio).toEqual({ each: [1.6, null, 1.2], median: 1.6 });
    expect(summary.cpuRatio).toEqual({ each: [null, null, null], median: null });
  });
});
