import { commandCounts } from "./database-commands.ts";
import { startLoadProcesses, type LoadProcesses } from "./load-workers.ts";
import { sampleMachine } from "./machine-sampler.ts";
import type { BenchOptions } from "./options.ts";
import { sampleProcess } from "./process-sampler.ts";
import type { RunningSystem } from "./system.ts";

/** What connecting and syncing every client cost. */
export interface ConnectCost {
  seconds: number;
  loadProcesses: number;
  /** CPU ms each system process (server, database) spent per client meanwhile. */
  cpuMsPerClient: Record<string, number | null>;
  /** The whole machine meanwhile, in % of one core. */
  machineBusyPercent: number | null;
  /** Ours: the database commands our server sent meanwhile, by kind and in all. */
  databaseCommands: ReturnType<typeof commandCounts> | null;
}

/**
 * Connects every client of `system` through the load processes, and measures what that cost
 * the system: CPU time per client says what a connection costs even on a saturated machine,
 * where the seconds also count waiting for a CPU.
 */
export async function connectClients(
  system: RunningSystem,
  options: BenchOptions,
): Promise<{ clients: LoadProcesses; connect: ConnectCost }> {
  const connections = options.docs * options.clients;
  const commandsBefore = await system.databaseCommands?.();
  const startedAt = performance.now();
  const samplers = Object.entries(system.pids).map(
    ([role, pid]) => [role, sampleProcess(pid)] as const,
  );
  const machine = sampleMachine();
  const clients = await startLoadProcesses(system.documents, options);
  const seconds = (performance.now() - startedAt) / 1000;
  const cpuMsPerClient = Object.fromEntries(
    samplers.map(([role, sampler]) => {
      const { cpuPercent } = sampler.stop();
      return [role, cpuPercent === null ? null : (cpuPercent * seconds * 10) / connections];
    }),
  );
  return {
    clients,
    connect: {
      seconds,
      loadProcesses: Math.min(options.loadProcesses, system.documents.length),
      cpuMsPerClient,
      machineBusyPercent: machine.stop().busyPercent,
      databaseCommands: commandsBefore
        ? commandCounts(commandsBefore, await system.databaseCommands!())
        : null,
    },
  };
}
