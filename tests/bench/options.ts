import { parseArgs } from "node:util";
import path from "node:path";
import type { SystemName } from "./system.ts";

/** What one bench run does; every field has a command-line flag of the same name. */
export interface BenchOptions {
  /** Documents under load at once. */
  docs: number;
  /** Clients connected to each document. */
  clients: number;
  /** How many of each document's clients type (the rest only watch); all of them by default. */
  typists: number;
  /** Length of the measured window, per system. */
  seconds: number;
  /** Typing before the measured window (connections settle, JIT warms up), per system. */
  warmup: number;
  /** Each client types one character every minInterval..maxInterval ms (uniform jitter). */
  minInterval: number;
  maxInterval: number;
  /** Also move this client's cursor in awareness with every keystroke, as the editor does. */
  cursors: boolean;
  /** Our server's store (compaction + projection) debounce; the production default. */
  storeDebounce: number;
  /**
   * Write a V8 CPU profile of each system's server to this folder (none: no profile); for ours
   * as two processes, of the first.
   */
  profile: string | null;
  /** How long to wait, after typing stops, for the last edits to arrive and be confirmed. */
  drainSeconds: number;
  /**
   * 2: also run ours as two processes on one database and the local Redis, clients split
   * between them, and report cross-process edit → visible beside the single process's.
   */
  processes: number;
  /**
   * How many processes the clients are spread over (whole documents each), for every system
   * alike: by default one per 1,000 clients, so the load generator is not the bottleneck.
   */
  loadProcesses: number;
  /** Which systems to run. */
  systems: SystemName[];
  /**
   * How many times to run them all, one round after another: each round's ratios are taken in
   * that round, and their medians printed at the end (a busy moment spoils one round, not all).
   */
  rounds: number;
  outDir: string;
}

const HELP = `npm run bench -- [options]

  --docs N             documents under load (default 10)
  --clients M          clients per document (default 5)
  --typists K          how many of them type, the others watch (default: all M)
  --seconds S          measured window per system (default 30)
  --warmup S           typing before the window, per system (default 5)
  --min-interval MS    fastest keystroke interval per client (default 150)
  --max-interval MS    slowest keystroke interval per client (default 250)
  --cursors            also send a cursor awareness update with every keystroke
  --store-debounce MS  our server's COLLAB_STORE_DEBOUNCE_MS (default 2000, as in production)
  --drain S            wait after typing stops for stragglers (default 15)
  --systems LIST       which systems, in order (default ours,yjs,mixed,hocuspocus,baseline):
                       ours = Hocuspocus clients on /collab, yjs = y-websocket clients on
                       /yjs/ of the same server, mixed = that server with every other document
                       on each path in one window (the fair /yjs/ vs /collab comparison on a
                       busy machine), hocuspocus = a bare in-memory Hocuspocus server for the
                       same providers (the library's own cost), baseline = a bare in-memory
                       y-websocket server
  --only NAME          one system only (no ratios)
  --rounds R           run the systems R times in turn (default 1): each round's table and
                       JSON as usual, then each target's ratio per round and their median
  --processes 2        also run ours as two processes + Redis (REDIS_URL, default the local one),
                       clients split between them: cross-process edit → visible vs one process
  --load-processes N  spread the clients over N processes, whole documents each, the same for
                       every system (default: one per 1,000 clients, at most one per document)
  --profile DIR        write a CPU profile (.cpuprofile) of each system's server into DIR
  --out DIR            where the JSON goes (default bench-results)
`;

/** One load process per this many clients by default (at 5,000, one process saturated a core). */
const CLIENTS_PER_LOAD_PROCESS = 1000;

const SYSTEMS: SystemName[] = ["ours", "yjs", "mixed", "hocuspocus", "baseline"];

function positive(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`--${name} must be a number ≥ ${min}, got ${raw}`);
  return value;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      docs: { type: "string" },
      clients: { type: "string" },
      typists: { type: "string" },
      seconds: { type: "string" },
      warmup: { type: "string" },
      "min-interval": { type: "string" },
      "max-interval": { type: "string" },
      cursors: { type: "boolean", default: false },
      "store-debounce": { type: "string" },
      drain: { type: "string" },
      only: { type: "string" },
      processes: { type: "string" },
      "load-processes": { type: "string" },
      systems: { type: "string" },
      rounds: { type: "string" },
      profile: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const minInterval = positive("min-interval", values["min-interval"], 150);
  const maxInterval = positive("max-interval", values["max-interval"], 250);
  if (maxInterval < minInterval) throw new Error("--max-interval must be ≥ --min-interval");
  const clients = Math.floor(positive("clients", values.clients, 5));
  if (clients < 2)
    throw new Error("--clients must be ≥ 2: latency is measured at the other clients");
  const typists = Math.floor(positive("typists", values.typists, clients));
  if (typists > clients) throw new Error("--typists must be ≤ --clients");
  const systems = (values.only ?? values.systems ?? SYSTEMS.join(","))
    .split(",")
    .map((name) => name.trim());
  for (const name of systems) {
    if (!SYSTEMS.includes(name as SystemName)) {
      throw new Error(`--systems and --only take ${SYSTEMS.join(", ")}; got ${name}`);
    }
  }
  const docs = Math.floor(positive("docs", values.docs, 10));
  const byClients = Math.ceil((docs * clients) / CLIENTS_PER_LOAD_PROCESS);
  return {
    docs,
    clients,
    typists,
    seconds: positive("seconds", values.seconds, 30),
    warmup: positive("warmup", values.warmup, 5, 0),
    minInterval,
    maxInterval,
    cursors: values.cursors ?? false,
    storeDebounce: positive("store-debounce", values["store-debounce"], 2000, 0),
    profile: values.profile ?? null,
    drainSeconds: positive("drain", values.drain, 15, 0),
    processes: Math.min(2, Math.floor(positive("processes", values.processes, 1))),
    loadProcesses: Math.min(
      docs,
      Math.floor(positive("load-processes", values["load-processes"], byClients)),
    ),
    systems: [...new Set(systems)] as SystemName[],
    rounds: Math.floor(positive("rounds", values.rounds, 1)),
    outDir: values.out ?? "bench-results",
  };
}

/** Node's flags for a server of the bench: a CPU profile into `--profile`'s folder, if given. */
export function profileFlags(options: Pick<BenchOptions, "profile">): string[] {
  return options.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.profile)}`] : [];
}
