// npm run bench -- [--docs N] [--clients M] [--seconds S] …  (see options.ts, or --help)
// The same typing load against our server and against a bare y-websocket server; prints a table
// and writes bench-results/collab-<timestamp>.json. Not part of `npm test`.
import path from "node:path";
import { startBaseline } from "./baseline.ts";
import { runLoad } from "./load.ts";
import { sampleMachine, type MachineUsage } from "./machine-sampler.ts";
import { parseOptions, type BenchOptions } from "./options.ts";
import { startOurs } from "./ours.ts";
import { sampleProcess, type ProcessUsage } from "./process-sampler.ts";
import { printTable, writeJson, type SystemResult } from "./report.ts";
import { sampleSelf, type LoadGeneratorUsage } from "./self-sampler.ts";
import type { RunningSystem, SystemName } from "./system.ts";

/** Latencies are also reported per slice of the window, to show periodic stalls. */
const SLICE_SECONDS = 5;
let current: RunningSystem | null = null;

async function measure(name: SystemName, options: BenchOptions): Promise<SystemResult> {
  const started = performance.now();
  const system = (current =
    name === "baseline"
      ? await startBaseline(options)
      : await startOurs(options, name === "ours" ? "collab" : name));
  const connections = options.docs * options.clients;
  console.log(
    `${system.label}: ${connections} clients synced in ${((performance.now() - started) / 1000).toFixed(1)} s; typing…`,
  );

  let stopSampling: () => {
    processes: Record<string, ProcessUsage>;
    loadGenerator: LoadGeneratorUsage;
    machine: MachineUsage;
  };
  let usage!: ReturnType<typeof stopSampling>;
  try {
    const load = await runLoad(system, options, {
      start() {
        const samplers = Object.entries(system.pids).map(
          ([role, pid]) => [role, sampleProcess(pid)] as const,
        );
        const self = sampleSelf();
        const machine = sampleMachine();
        stopSampling = () => ({
          processes: Object.fromEntries(samplers.map(([role, sampler]) => [role, sampler.stop()])),
          loadGenerator: self.stop(),
          machine: machine.stop(),
        });
      },
      end() {
        usage = stopSampling();
      },
    });
    return {
      name: system.name,
      label: system.label,
      propagation: load.propagation.summary(),
      propagationByPath: Object.fromEntries(
        Object.entries(load.propagationByPath).map(([path, samples]) => [path, samples.summary()]),
      ),
      durable: system.name === "ours" ? load.durable.summary() : null,
      overTime: {
        sliceSeconds: SLICE_SECONDS,
        propagation: load.propagation.overTime(load.windowStart, SLICE_SECONDS),
        durable:
          system.name === "ours" ? load.durable.overTime(load.windowStart, SLICE_SECONDS) : null,
      },
      edits: load.edits,
      editsPerSecond: load.edits / load.windowSeconds,
      windowSeconds: load.windowSeconds,
      unseenAfterDrain: load.unseen,
      unconfirmedAfterDrain: system.name === "ours" ? load.unconfirmed : null,
      ...usage,
      otherProcessesCpuPercent: otherProcesses(usage),
    };
  } finally {
    await system.stop();
    current = null;
  }
}

/** What the machine was busy with besides this system's processes and the bench itself. */
function otherProcesses(usage: {
  processes: Record<string, ProcessUsage>;
  loadGenerator: LoadGeneratorUsage;
  machine: MachineUsage;
}): number | null {
  if (usage.machine.busyPercent === null) return null;
  const ours = Object.values(usage.processes).reduce((sum, p) => sum + (p.cpuPercent ?? 0), 0);
  return Math.max(0, usage.machine.busyPercent - ours - usage.loadGenerator.cpuPercent);
}

async function main() {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n(npm run bench -- --help lists the options)`);
    process.exit(2);
  }
  const startedAt = new Date();
  const results: SystemResult[] = [];
  for (const name of options.systems) results.push(await measure(name, options));
  printTable(options, results);
  const file = writeJson(options, results, startedAt);
  console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

main().then(
  // Providers and timers of the destroyed clients may linger; the run is over.
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error);
    await current?.stop().catch(() => {});
    process.exit(1);
  },
);
