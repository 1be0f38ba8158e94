import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { register } from "prom-client";
import { collectProcessMetrics } from "../../server/process-metrics.ts";

afterEach(() => vi.restoreAllMocks());

function value(text: string, name: string): number {
  return Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);
}

describe("the process metrics", () => {
  it("are scraped without walking every socket on the event loop", async () => {
    collectProcessMetrics();
    const listed = vi.spyOn(fs, "readdirSync");
    const walked = vi.spyOn(
      process as unknown as { _getActiveHandles(): unknown[] },
      "_getActiveHandles",
    );
    await register.metrics();
    expect(listed).not.toHaveBeenCalled();
    expect(walked).not.toHaveBeenCalled();
  });

  it("still count open descriptors, live resources, CPU and memory", async () => {
    collectProcessMetrics();
    collectProcessMetrics(); // once per process, however often asked
    const opened = Array.from({ length: 20 }, () => fs.openSync("/dev/null", "r"));
    try {
      const text = await register.metrics();
      const open = value(text, "process_open_fds");
      const now = fs.readdirSync("/proc/self/fd").length - 1;
      // Other threads may open or close a descriptor meanwhile.
      expect(Math.abs(open - now)).toBeLessThanOrEqual(3);
      expect(open).toBeGreaterThanOrEqual(20);
      expect(value(text, "nodejs_active_resources_total")).toBeGreaterThan(0);
      expect(value(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
      expect(value(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
      expect(text.match(/^# TYPE process_open_fds gauge$/gm)).toHaveLength(1);
    } finally {
      for (const fd of opened) fs.closeSync(fd);
    }
  });
});
