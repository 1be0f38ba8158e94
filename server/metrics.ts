import { Counter, Gauge, Histogram, register, type Registry } from "prom-client";

// The Remix build bundles its own copy of this module beside the server's, and both count into
// prom-client's one default registry: each metric is made once, by whichever copy asks first.
function once<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

/** Rate-limit refusals, by limiter (sign-in, second factor, certificate lookups). */
export const rateLimitRefusals = once(
  "qm_rate_limit_refusals_total",
  () =>
    new Counter({
      name: "qm_rate_limit_refusals_total",
      help: "Requests refused by a rate limiter.",
      labelNames: ["limiter"] as const,
    }),
);

/** A counter kept elsewhere (a plain number in another module), read when scraped. */
function countFrom(name: string, help: string, count: () => number): void {
  once(
    name,
    () =>
      new Counter({
        name,
        help,
        collect() {
          this.reset();
          this.inc(count());
        },
      }),
  );
}

/** Database operations that failed because the database did not answer (ADR 007), counted by
 * models/database-health.ts and read when scraped. */
export function watchDatabase(count: () => number): void {
  countFrom(
    "qm_database_unavailable_total",
    "Database operations that failed because the database did not answer in time.",
    count,
  );
}

/** Log lines dropped because stdout's reader was too far behind (server/log.ts). */
export function watchLog(count: () => number): void {
  countFrom(
    "qm_log_lines_dropped_total",
    "Log lines dropped because too much was waiting for stdout's reader.",
    count,
  );
}

/** From a client's update being applied to the answer that it is durable (ADR 029). */
export const durableLatency = once(
  "qm_collab_durable_seconds",
  () =>
    new Histogram({
      name: "qm_collab_durable_seconds",
      help: "From a client's update being applied to the server's answer, sent once it is durable.",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
);

/** How long storing (compacting the log into the snapshot) a document took. */
export const storeDuration = once(
  "qm_collab_store_seconds",
  () =>
    new Histogram({
      name: "qm_collab_store_seconds",
      help: "Time to compact a document's update log into its snapshot.",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
);

/** Checks of updates another process relayed against the log (ADR 041), by outcome. */
export const relayedChecks = once(
  "qm_collab_relayed_checks_total",
  () =>
    new Counter({
      name: "qm_collab_relayed_checks_total",
      help: "Updates relayed from another process, checked against the log at a store: logged there, or compacted here.",
      labelNames: ["outcome"] as const,
    }),
);

/** Every database command the driver sent, by command and collection, and how long it took. */
export const databaseCommands = once(
  "qm_database_command_seconds",
  () =>
    new Histogram({
      name: "qm_database_command_seconds",
      help: "Database commands (insert, find, update, …) by collection, and their round-trip time.",
      labelNames: ["command", "collection", "outcome"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
);

type CollabCounts = { connections: number; documents: number; idle: number };
const collabServers = new Set<() => CollabCounts>();
const sum = (key: keyof CollabCounts) =>
  [...collabServers].reduce((total, read) => total + read()[key], 0);

/**
 * Gauges read from the collab server when scraped: open collaboration connections and
 * documents loaded in memory, on this process. Returns the call that stops watching it.
 */
export function watchCollab(read: () => CollabCounts): () => void {
  collabServers.add(read);
  once(
    "qm_collab_connections",
    () =>
      new Gauge({
        name: "qm_collab_connections",
        help: "Open document connections.",
        collect() {
          this.set(sum("connections"));
        },
      }),
  );
  once(
    "qm_collab_documents_loaded",
    () =>
      new Gauge({
        name: "qm_collab_documents_loaded",
        help: "Documents loaded in memory.",
        collect() {
          this.set(sum("documents"));
        },
      }),
  );
  once(
    "qm_collab_documents_without_connections",
    () =>
      new Gauge({
        name: "qm_collab_documents_without_connections",
        help: "Documents loaded in memory that nobody has open (should fall to 0 when idle).",
        collect() {
          this.set(sum("idle"));
        },
      }),
  );
  return () => void collabServers.delete(read);
}

export const metricsRegistry: Registry = register;
