import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { DocumentPlan } from "./document-clients.ts";
import { scheduleFrom, type LoadResult } from "./load.ts";
import { mergeWire, type FromWorker, type ToWorker, type WireLoadResult } from "./load-wire.ts";
import type { BenchOptions } from "./options.ts";
import type { LoadGeneratorUsage } from "./self-sampler.ts";

const WORKER = path.join(import.meta.dirname, "load-worker.ts");
/** From the bench's "run" until typing starts: the passages reach everyone (1 s, as before). */
const LEAD_MS = 1500;
/**
 * How long before the window `onWindow.ready` is called: the bench's readings of the servers (a
 * /metrics scrape each) hold a server's loop for a few milliseconds, and taken at the window's
 * first instant they made the first 5 s slice the worst of a run with two processes.
 */
const READINGS_LEAD_MS = 1000;

export interface LoadProcesses {
  /**
   * Types on every process at once; `onWindow` is called at the measured window's edges, and
   * `ready` READINGS_LEAD_MS before it starts (still typing: the warm-up's end).
   */
  run(onWindow: WindowEdges): Promise<{
    load: LoadResult;
    /** performance.now() (this process's clock) when the measured window began. */
    windowStart: number;
    /** Each load process's CPU and event-loop delay over the window. */
    usage: LoadGeneratorUsage[];
  }>;
  stop(): Promise<void>;
}

export interface WindowEdges {
  ready?(): void;
  start(): void;
  end(): void;
}

/** One load process, answering one request at a time. */
class Worker {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private waiting: { resolve(message: FromWorker): void; reject(error: Error): void } | null = null;

  constructor(index: number) {
    this.child = fork(WORKER, [], {
      execArgv: ["--import", "tsx"],
      // Typed arrays of samples travel as they are, not as JSON.
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.exited = new Promise((resolve) => this.child.once("exit", () => resolve()));
    this.child.on("message", (message: FromWorker) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (message.type === "failed")
        waiting?.reject(new Error(`load process ${index}: ${message.message}`));
      else waiting?.resolve(message);
    });
    this.child.once("exit", (code) => {
      this.waiting?.reject(new Error(`load process ${index} exited (${code})`));
      this.waiting = null;
    });
  }

  ask(message: ToWorker): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.child.send(message);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.send({ type: "stop" } satisfies ToWorker);
    const timeout = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    await this.exited;
    clearTimeout(timeout);
  }
}

/**
 * The clients, spread over `options.loadProcesses` processes so that the load generator is not
 * one saturated event loop whose queueing the latencies would measure. Whole documents go to
 * each process (round robin): every edit → visible is then timed on one process's clock.
 * Resolves once every client is connected and synced.
 */
export async function startLoadProcesses(
  documents: DocumentPlan[],
  options: BenchOptions,
): Promise<LoadProcesses> {
  const count = Math.min(options.loadProcesses, documents.length);
  const workers = Array.from({ length: count }, (_, i) => new Worker(i));
  const stop = async () => void (await Promise.all(workers.map((w) => w.stop())));
  try {
    await Promise.all(
      workers.map((worker, i) =>
        worker.ask({
          type: "connect",
          documents: documents.filter((_, d) => d % count === i),
          options,
        }),
      ),
    );
  } catch (error) {
    await stop();
    throw error;
  }

  async function run(onWindow: WindowEdges) {
    const schedule = scheduleFrom(options, LEAD_MS);
    const results = workers.map((worker) => worker.ask({ type: "run", schedule }));
    // A failure is thrown below, once the window is over, not as an unhandled rejection.
    for (const result of results) result.catch(() => {});
    // This process samples the servers over the same window, by the same clock.
    const sleepUntil = (at: number) =>
      new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
    await sleepUntil(Math.max(schedule.typeAt, schedule.windowAt - READINGS_LEAD_MS));
    onWindow.ready?.();
    await sleepUntil(schedule.windowAt);
    onWindow.start();
    await sleepUntil(schedule.endAt);
    onWindow.end();
    const wire = (await Promise.all(results)).map(
      (answer) => (answer as { result: WireLoadResult }).result,
    );
    return {
      load: mergeWire(wire),
      windowStart: schedule.windowAt - performance.timeOrigin,
      usage: wire.map((result) => result.usage),
    };
  }

  return { run, stop };
}
