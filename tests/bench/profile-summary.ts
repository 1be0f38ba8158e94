// node --import tsx tests/bench/profile-summary.ts <file.cpuprofile> [--top N] [--long MS]
//   [--skip S] [--until S]
// The top frames of a V8 CPU profile (from `npm run bench -- --profile DIR`): self time per
// function, and self time per source file, as shares of the sampled time. `--long MS`: also the
// stretches in which the event loop was never idle for MS or more (what holds up an edit's
// broadcast), by the first frame outside Node's internals that started them. `--skip S`: leave
// out the first S seconds of the profile (the server starting and loading its modules).
// `--until S`: leave out what came after S seconds (with --skip: one phase, e.g. connecting).
import { readFileSync } from "node:fs";
import path from "node:path";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error("usage: profile-summary.ts <file.cpuprofile> [--top N]");
  process.exit(2);
}
const option = (name: string) =>
  rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : undefined;
const top = option("--top") || 25;
const longMs = option("--long");
const skipSeconds = option("--skip") ?? 0;
const untilSeconds = option("--until") ?? Infinity;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
// Samples from `--skip` seconds on (the profile's time deltas are in microseconds).
{
  let elapsed = 0;
  const at = profile.timeDeltas.map((delta) => (elapsed += delta));
  const first = Math.max(
    at.findIndex((t) => t >= skipSeconds * 1e6),
    0,
  );
  const end = at.findIndex((t) => t > untilSeconds * 1e6);
  profile.samples = profile.samples.slice(first, end < 0 ? undefined : end);
  profile.timeDeltas = profile.timeDeltas.slice(first, end < 0 ? undefined : end);
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) =>
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

function where(node: Node): string {
  const url = node.callFrame.url.replace(/^file:\/\//, "");
  const short = url.includes("node_modules/")
    ? url.slice(url.lastIndexOf("node_modules/") + 13)
    : url
      ? path.relative(process.cwd(), url)
      : "(native)";
  return short;
}

const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, time] of selfTime) {
  const node = byId.get(id)!;
  const name = `${node.callFrame.functionName || "(anonymous)"} ${where(node)}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + time);
  const fileKey = where(node).split(":")[0];
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + time);
}
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title} (of ${(total / 1e6).toFixed(1)} s sampled)`);
  for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((time / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
};
show("Self time by function", byFunction);
show("Self time by file", byFile);

if (longMs !== undefined) showLongStretches(longMs);

/** The first frame below the root that is not Node's own: the work a sample belongs to. */
function taskOf(id: number, parents: Map<number, number>): string {
  const stack: Node[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at))
    stack.unshift(byId.get(at)!);
  const own = stack.find((n) => n.callFrame.url && !n.callFrame.url.startsWith("node:"));
  const node = own ?? stack[stack.length - 1];
  return `${node.callFrame.functionName || "(anonymous)"} ${where(node)}:${node.callFrame.lineNumber + 1}`;
}

function showLongStretches(minMs: number) {
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  const idle = (id: number) => byId.get(id)!.callFrame.functionName === "(idle)";
  const stretches: { ms: number; samples: number[] }[] = [];
  let current: { ms: number; samples: number[] } | null = null;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (idle(id)) {
      if (current && current.ms >= minMs) stretches.push(current);
      current = null;
      return;
    }
    current ??= { ms: 0, samples: [] };
    current.ms += ms;
    current.samples.push(i);
  });
  const seconds = total / 1e6;
  const longTime = stretches.reduce((a, s) => a + s.ms, 0);
  console.log(
    `\nStretches never idle for ${minMs} ms or more: ${stretches.length} ` +
      `(${(stretches.length / seconds).toFixed(2)}/s), longest ${Math.max(0, ...stretches.map((s) => s.ms)).toFixed(1)} ms, ` +
      `${((longTime / 1000 / seconds) * 100).toFixed(1)} % of the time`,
  );
  const byTask = new Map<string, number>();
  const selfInLong = new Map<string, number>();
  for (const stretch of stretches)
    for (const i of stretch.samples) {
      const id = profile.samples[i];
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const task = taskOf(id, parents);
      byTask.set(task, (byTask.get(task) ?? 0) + ms);
      const node = byId.get(id)!;
      const name = `${node.callFrame.functionName || "(anonymous)"} ${where(node)}:${node.callFrame.lineNumber + 1}`;
      selfInLong.set(name, (selfInLong.get(name) ?? 0) + ms);
    }
  const list = (title: string, map: Map<string, number>) => {
    console.log(`\n${title} (ms per second of profile)`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${(ms / seconds).toFixed(2).padStart(7)}  ${name}`);
  };
  list("In those stretches, by the work that started them", byTask);
  list("In those stretches, self time by function", selfInLong);
}
