// npm run bench -- [--docs N] [--clients M] [--seconds S] …  (see options.ts, or --help)
// The same typing load against our server and against a bare y-websocket server; prints a table
// and writes bench-results/collab-<timestamp>.json. Not part of `npm test`.
import path from "node:path";
import { startBareHocuspocus, startBaseline } from "./baseline.ts";
import { connectClients } from "./connect-phase.ts";
import type { LoadProcesses } from "./load-workers.ts";
import { sampleMachine, type MachineUsage } from "./machine-sampler.ts";
import { parseOptions, type BenchOptions } from "./options.ts";
import { startOurs } from "./ours.ts";
import { sampleProcess, type ProcessUsage } from "./process-sampler.ts";
import { commandsBetween, type CommandTotals } from "./database-commands.ts";
import { printTable, targets, writeJson, type SystemResult } from "./report.ts";
import { writeBenchResult } from "./result-file.ts";
import { summariseRounds, type RoundTargets } from "./rounds.ts";
import { sampleSelf, type LoadGeneratorUsage } from "./self-sampler.ts";
import type { LatencySummary } from "./stats.ts";
import type { LoopDelay } from "./server-loop.ts";
import type { SystemName } from "./system.ts";

/** Latencies are also reported per slice of the window, to show periodic stalls. */
const SLICE_SECONDS = 5;
/** Stops what the system being measured started (its clients, then the system). */
let stopCurrent: (() => Promise<void>) | null = null;

type Measured = SystemResult & { crossProcess: LatencySummary };

async function measure(name: SystemName, options: BenchOptions, processes = 1): Promise<Measured> {
  const started = performance.now();
  const system =
    name === "baseline"
      ? await startBaseline(options)
      : name === "hocuspocus"
        ? await startBareHocuspocus(options)
        : await startOurs(options, name === "ours" ? "collab" : name, processes);
  let clients: LoadProcesses | null = null;
  stopCurrent = async () => {
    await clients?.stop();
    await system.stop();
  };
  try {
    const connections = options.docs * options.clients;
    const connected = await connectClients(system, options);
    clients = connected.clients;
    const { connect } = connected;
    const commandsPerClient = connect.databaseCommands
      ? `, ${(connect.databaseCommands.total / connections).toFixed(1)} database commands per client`
      : "";
    console.log(
      `${system.label}: ${connections} clients synced in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(connecting: ${connect.seconds.toFixed(1)} s from ${connect.loadProcesses} load processes${commandsPerClient}); typing…`,
    );

    let stopSampling: () => {
      processes: Record<string, ProcessUsage>;
      benchProcess: LoadGeneratorUsage;
      machine: MachineUsage;
    };
    let usage!: ReturnType<typeof stopSampling>;
    let commandsBefore: Promise<CommandTotals> | null = null;
    let commandsAfter: Promise<CommandTotals> | null = null;
    let loopDelayInWindow: Promise<LoopDelay[]> | null = null;
    // The first readings of the servers (a scrape each) are taken just before the window, so they
    // do not hold up its first edits; they cover the window and that lead (steady typing).
    let readingsFrom = 0;
    let readingsTo = 0;
    const {
      load,
      windowStart,
      usage: loadGenerators,
    } = await clients.run({
      ready() {
        readingsFrom = performance.now();
        commandsBefore = system.databaseCommands?.() ?? null;
      },
      start() {
        const samplers = Object.entries(system.pids).map(
          ([role, pid]) => [role, sampleProcess(pid)] as const,
        );
        const self = sampleSelf();
        const machine = sampleMachine();
        stopSampling = () => ({
          processes: Object.fromEntries(samplers.map(([role, sampler]) => [role, sampler.stop()])),
          benchProcess: self.stop(),
          machine: machine.stop(),
        });
      },
      end() {
        readingsTo = performance.now();
        usage = stopSampling();
        // Each scrape resets the server's loop-delay histogram: read it before the commands.
        loopDelayInWindow = system.loopDelay?.() ?? null;
        commandsAfter = (loopDelayInWindow ?? Promise.resolve()).then(
          () => system.databaseCommands?.() ?? ({} as CommandTotals),
        );
      },
    });
    const readingsSeconds = (readingsTo - readingsFrom) / 1000;
    const databaseCommands =
      commandsBefore && commandsAfter
        ? commandsBetween(
            await commandsBefore,
            await commandsAfter,
            (load.edits * readingsSeconds) / load.windowSeconds,
            readingsSeconds,
          )
        : null;
    return {
      name: system.name,
      label: system.label,
      connect,
      propagation: load.propagation.summary(),
      crossProcess: load.crossProcess.summary(),
      propagationByPath: Object.fromEntries(
        Object.entries(load.propagationByPath).map(([path, samples]) => [path, samples.summary()]),
      ),
      durable: system.name === "ours" ? load.durable.summary() : null,
      overTime: {
        sliceSeconds: SLICE_SECONDS,
        propagation: load.propagation.overTime(windowStart, SLICE_SECONDS),
        durable: system.name === "ours" ? load.durable.overTime(windowStart, SLICE_SECONDS) : null,
      },
      edits: load.edits,
      editsPerSecond: load.edits / load.windowSeconds,
      windowSeconds: load.windowSeconds,
      unseenAfterDrain: load.unseen,
      unconfirmedAfterDrain: system.name === "ours" ? load.unconfirmed : null,
      databaseCommands,
      serverLoopDelay: loopDelayInWindow ? worstLoopDelay(await loopDelayInWindow) : null,
      processes: usage.processes,
      machine: usage.machine,
      benchProcess: usage.benchProcess,
      loadGenerator: worstOf(loadGenerators),
      loadGenerators,
      otherProcessesCpuPercent: otherProcesses(usage, loadGenerators),
    };
  } finally {
    await stopCurrent();
    stopCurrent = null;
  }
}

/** The busiest load process's figures: the one whose queueing the latencies would show. */
function worstOf(all: LoadGeneratorUsage[]): LoadGeneratorUsage {
  return {
    cpuPercent: Math.max(...all.map((u) => u.cpuPercent)),
    eventLoopDelayP99Ms: Math.max(...all.map((u) => u.eventLoopDelayP99Ms)),
    eventLoopDelayMaxMs: Math.max(...all.map((u) => u.eventLoopDelayMaxMs)),
  };
}

/** The most held-up server process's event-loop delay (several processes: the worst of each). */
function worstLoopDelay(all: LoopDelay[]): LoopDelay | null {
  if (all.length === 0) return null;
  return {
    p99Ms: Math.max(...all.map((d) => d.p99Ms)),
    maxMs: Math.max(...all.map((d) => d.maxMs)),
  };
}

/** What the machine was busy with besides this system's processes and the bench's own. */
function otherProcesses(
  usage: {
    processes: Record<string, ProcessUsage>;
    benchProcess: LoadGeneratorUsage;
    machine: MachineUsage;
  },
  loadGenerators: LoadGeneratorUsage[],
): number | null {
  if (usage.machine.busyPercent === null) return null;
  const ours = Object.values(usage.processes).reduce((sum, p) => sum + (p.cpuPercent ?? 0), 0);
  const bench =
    usage.benchProcess.cpuPercent + loadGenerators.reduce((sum, u) => sum + u.cpuPercent, 0);
  return Math.max(0, usage.machine.busyPercent - ours - bench);
}

/** Two processes + Redis against one process, same run: the cross-process edit → visible. */
function printCluster(options: BenchOptions, single: Measured, cluster: Measured, startedAt: Date) {
  const ms = (value: number | null | undefined) => (value == null ? "—" : value.toFixed(2));
  const ratio = (a: number | null, b: number | null) =>
    a == null || b == null || b === 0 ? "—" : `${(a / b).toFixed(2)}×`;
  const cross = cluster.crossProcess;
  console.log(`\n${options.processes} processes + Redis, clients split between them:`);
  console.log(
    `  one process, edit → visible p50 / p99: ${ms(single.propagation.p50)} / ${ms(single.propagation.p99)} ms`,
  );
  console.log(
    `  ${options.processes} processes, every pair p50 / p99:   ${ms(cluster.propagation.p50)} / ${ms(cluster.propagation.p99)} ms`,
  );
  console.log(
    `  ${options.processes} processes, cross-process p50 / p99: ${ms(cross.p50)} / ${ms(cross.p99)} ms (${cross.count} pairs)`,
  );
  console.log(
    `  cross-process p99 / one process p99: ${ratio(cross.p99, single.propagation.p99)} (goal ≤ 2×)`,
  );
  console.log(
    `  durable p50 / p95 / p99 (${options.processes} processes): ${ms(cluster.durable?.p50)} / ${ms(cluster.durable?.p95)} / ${ms(cluster.durable?.p99)} ms`,
  );
  const file = writeBenchResult(
    "collab-cluster",
    { options, single, cluster },
    { dir: options.outDir, at: startedAt },
  );
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

/** `--rounds R`: each target's figure per round, and their median. */
function printRounds(
  options: BenchOptions,
  summary: ReturnType<typeof summariseRounds>,
  /** When the first round started: the summary is named after it. */
  firstStartedAt: Date,
): void {
  const each = (values: (number | null)[], digits: number) =>
    values.map((v) => (v === null ? "—" : v.toFixed(digits))).join(", ");
  const line = (
    label: string,
    across: { each: (number | null)[]; median: number | null },
    digits = 2,
    unit = "",
  ) =>
    console.log(
      `  ${label}: ${each(across.each, digits)}${unit}; median ${across.median === null ? "—" : across.median.toFixed(digits)}${unit}`,
    );
  console.log(`\nAcross ${summary.rounds} rounds (each ratio taken within its round):`);
  line("ours p99 / baseline p99", summary.propagationP99Ratio, 2, "×");
  line("ours server + database CPU / baseline server CPU", summary.cpuRatio, 2, "×");
  line("ours durable p95", summary.durableP95, 1, " ms");
  line("ours durable p99", summary.durableP99, 1, " ms");
  line("ours durable p95, worst 5 s slice", summary.durableSliceP95, 1, " ms");
  line("other processes' CPU, busiest run of the round", summary.otherProcessesCpuPercent, 0, " %");
  const file = writeBenchResult(
    "collab-rounds",
    { options, ...summary },
    { dir: options.outDir, at: firstStartedAt },
  );
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

async function main() {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n(npm run bench -- --help lists the options)`);
    process.exit(2);
  }
  const rounds: RoundTargets[] = [];
  const firstStartedAt = new Date();
  let startedAt = firstStartedAt;
  let results: Measured[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    if (options.rounds > 1) console.log(`\nRound ${round} of ${options.rounds}`);
    if (round > 1) startedAt = new Date();
    results = [];
    for (const name of options.systems) results.push(await measure(name, options));
    printTable(options, results);
    const file = writeJson(options, results, startedAt);
    console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
    rounds.push({
      file: path.relative(process.cwd(), file),
      targets: targets(results),
      otherProcessesCpuPercent: Math.max(...results.map((r) => r.otherProcessesCpuPercent ?? 0)),
    });
  }
  if (options.rounds > 1) printRounds(options, summariseRounds(rounds), firstStartedAt);
  if (options.processes > 1) {
    const single = results.find((r) => r.name === "ours") ?? (await measure("ours", options));
    const cluster = await measure("ours", options, options.processes);
    printCluster(options, single, cluster, startedAt);
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void (stopCurrent?.() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

main().then(
  // Providers and timers of the destroyed clients may linger; the run is over.
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error);
    await stopCurrent?.().catch(() => {});
    process.exit(1);
  },
);
