// npm run bench:scrape -- [--connections 1000,5000] [--rounds 2] [--scrapes 21]
// How long a /metrics scrape holds the server's event loop with many connections open: our
// process metrics (server/process-metrics.ts) against prom-client's defaults (the baseline), each
// in a fresh process holding the same number of loopback TCP connections (two sockets each, as a
// server sees its clients' and its own ends here), rounds alternating. The loop's hold is the
// longest gap between ticks of a 0 ms interval across one scrape. Medians of `--scrapes`.
// Reported beside them: the CPU other processes used. Writes bench-results/scrape-<timestamp>.json.
import { spawnSync } from "node:child_process";
import net from "node:net";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { sampleMachine } from "./machine-sampler.ts";
import { median } from "./stats.ts";
import { writeBenchResult } from "./result-file.ts";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "1000,5000" },
    rounds: { type: "string", default: "2" },
    scrapes: { type: "string", default: "21" },
    child: { type: "string" },
  },
});

interface Measured {
  scrapeMs: number;
  heldMs: number;
  cpuMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** In the child: open the connections, then scrape again and again, timing each. */
async function measure(mode: string, connections: number, scrapes: number): Promise<Measured> {
  const { register, collectDefaultMetrics } = await import("prom-client");
  if (mode === "ours") (await import("../../server/process-metrics.ts")).collectProcessMetrics();
  else collectDefaultMetrics();
  const server = net.createServer(() => {}).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  for (let i = 0; i < connections; i++) {
    net.connect(port, "127.0.0.1");
    if (i % 200 === 199) await sleep(10);
  }
  await sleep(500);
  const scrapeMs: number[] = [];
  const heldMs: number[] = [];
  for (let i = 0; i < scrapes; i++) {
    let last = performance.now();
    let worst = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 0);
    await sleep(20);
    worst = 0;
    last = performance.now();
    const start = performance.now();
    await register.metrics();
    scrapeMs.push(performance.now() - start);
    await sleep(20);
    clearInterval(tick);
    heldMs.push(worst);
  }
  // The whole child's CPU, start-up included: what the machine's total is compared against.
  const used = process.cpuUsage();
  return {
    scrapeMs: median(scrapeMs),
    heldMs: median(heldMs),
    cpuMs: (used.user + used.system) / 1000,
  };
}

if (values.child) {
  const [mode, connections] = values.child.split(":");
  const result = await measure(mode, Number(connections), Number(values.scrapes));
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
const results: Record<string, { default: Measured[]; ours: Measured[] }> = {};
const machine = sampleMachine();
const parentCpu = process.cpuUsage();
const started = performance.now();
let childCpuMs = 0;
for (const connections of values.connections.split(",").map(Number)) {
  results[connections] = { default: [], ours: [] };
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const mode of ["default", "ours"] as const) {
      const run = spawnSync(
        "bash",
        [
          "-c",
          `ulimit -n "$(ulimit -Hn)" && exec "${process.execPath}" --import tsx "${self}" --child ${mode}:${connections} --scrapes ${values.scrapes}`,
        ],
        { encoding: "utf8" },
      );
      if (run.status !== 0) throw new Error(`${mode} with ${connections}: ${run.stderr}`);
      const measured = JSON.parse(run.stdout) as Measured;
      childCpuMs += measured.cpuMs;
      results[connections][mode].push(measured);
    }
  }
}
const wallMs = performance.now() - started;
const busy = machine.stop().busyPercent;
const parent = process.cpuUsage(parentCpu);
const oursMs = childCpuMs + (parent.user + parent.system) / 1000;
const others = busy === null ? null : Math.max(0, busy - (oursMs / wallMs) * 100);

console.log("A /metrics scrape with many connections open: the event loop held (ms, median)");
for (const [connections, { default: base, ours }] of Object.entries(results)) {
  const held = (list: Measured[]) => median(list.map((m) => m.heldMs));
  const scrape = (list: Measured[]) => median(list.map((m) => m.scrapeMs));
  console.log(
    `  ${connections} connections: ours ${held(ours).toFixed(2)} ms held (scrape ${scrape(ours).toFixed(2)} ms), ` +
      `prom-client's defaults ${held(base).toFixed(2)} ms held (scrape ${scrape(base).toFixed(2)} ms): ` +
      `${(held(ours) / held(base)).toFixed(2)}×`,
  );
}
console.log(
  `  other processes' CPU (% of one core; beside this bench and its processes): ${others === null ? "—" : others.toFixed(1)}`,
);
const file = writeBenchResult("scrape", {
  options: values,
  results,
  otherProcessesCpuPercent: others,
});
console.log(`Wrote ${file}`);
