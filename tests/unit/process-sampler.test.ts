import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { availableParallelism } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { sampleProcess } from "../bench/process-sampler.ts";

const children: ChildProcess[] = [];

/** A Node process that runs `code` until it is killed; resolves once it has started. */
async function nodeRunning(code: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", `process.stdout.write("up\\n"); ${code}`], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  children.push(child);
  await once(child.stdout!, "data");
  return child;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill("SIGKILL");
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  }
});

describe("the bench's process sampler (/proc)", () => {
  it("reports how long a process's main thread waited for a core, and how often it was preempted", async () => {
    // More always-runnable processes than cores: each must wait for its turn.
    const busy = "for (;;) {}";
    const sampled = await nodeRunning(busy);
    for (let i = 0; i < availableParallelism() + 1; i++) await nodeRunning(busy);

    const sampler = sampleProcess(sampled.pid, 100);
    await pause(1000);
    const usage = sampler.stop();

    expect(usage.cpuPercent).toBeGreaterThan(5);
    expect(usage.mainThreadWaitingPercent).toBeGreaterThan(10);
    expect(usage.mainThreadPreemptionsPerSecond).toBeGreaterThan(0);
  });

  it("reports next to no waiting for a process that sleeps", async () => {
    const sleeping = await nodeRunning("setInterval(() => {}, 60_000);");
    await pause(300); // the end of its start-up is not what is measured

    const sampler = sampleProcess(sleeping.pid, 100);
    await pause(500);
    const usage = sampler.stop();

    expect(usage.mainThreadWaitingPercent).not.toBeNull();
    expect(usage.mainThreadWaitingPercent!).toBeLessThan(2);
    expect(usage.mainThreadPreemptionsPerSecond).toBeLessThan(10);
  });

  it("reports nothing for a process that is not there", () => {
    const usage = sampleProcess(undefined).stop();
    expect(usage.mainThreadWaitingPercent).toBeNull();
    expect(usage.mainThreadPreemptionsPerSecond).toBeNull();
  });
});
