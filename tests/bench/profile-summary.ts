// node --import tsx tests/bench/profile-summary.ts <file.cpuprofile> [--top N]
// The top frames of a V8 CPU profile (from `npm run bench -- --profile DIR`): self time per
// function, and self time per source file, as shares of the sampled time.
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
const top = Number(rest[rest.indexOf("--top") + 1]) || 25;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
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
