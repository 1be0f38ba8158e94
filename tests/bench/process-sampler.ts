import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** CPU and memory of another process over a window, read from /proc (Linux only). */
export interface ProcessUsage {
  /** CPU time used in the window / wall time, in % of one core. */
  cpuPercent: number | null;
  /** The part of it spent in the kernel on the process's behalf (system calls: sockets, files). */
  kernelCpuPercent: number | null;
  rssMeanMB: number | null;
  rssMaxMB: number | null;
  /** The kernel's high-water mark for the process's whole life (VmHWM). */
  rssPeakLifetimeMB: number | null;
  /**
   * How long its main thread (a Node server's event loop) was ready to run but waiting for a
   * core, in % of the window: time every message arriving meanwhile waits too, the machine's
   * part of a latency tail rather than the process's own work.
   */
  mainThreadWaitingPercent: number | null;
  /** How often the kernel took a core away from the main thread while it still had work (per s). */
  mainThreadPreemptionsPerSecond: number | null;
}

function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}
const TICKS = clockTicksPerSecond();

/** utime and stime of `pid`, in seconds. Fields 14 and 15 of /proc/<pid>/stat, after the "(comm)". */
function cpuSeconds(pid: number): { user: number; kernel: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { user: Number(fields[11]) / TICKS, kernel: Number(fields[12]) / TICKS };
  } catch {
    return null;
  }
}

/** The number a line of /proc/<pid>/status starts with (memory lines are in kB). */
function statusNumber(
  pid: number,
  key: "VmRSS" | "VmHWM" | "nonvoluntary_ctxt_switches",
): number | null {
  try {
    const match = new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(
      readFileSync(`/proc/${pid}/status`, "utf8"),
    );
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The main thread's time waiting on a run queue (seconds, /proc/<pid>/task/<pid>/schedstat's
 * second field, in ns) and its involuntary context switches (/proc/<pid>/status, which reports
 * the main thread's own). Null where the kernel does not keep them.
 */
function mainThreadScheduling(pid: number): { waiting: number; preemptions: number } | null {
  try {
    const waitingNs = Number(
      readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[1],
    );
    const preemptions = statusNumber(pid, "nonvoluntary_ctxt_switches");
    if (!Number.isFinite(waitingNs) || preemptions === null) return null;
    return { waiting: waitingNs / 1e9, preemptions };
  } catch {
    return null;
  }
}

/** Starts sampling `pid` every `everyMs`; stop() returns the usage over the window. */
export function sampleProcess(pid: number | undefined, everyMs = 500): { stop(): ProcessUsage } {
  const none: ProcessUsage = {
    cpuPercent: null,
    kernelCpuPercent: null,
    rssMeanMB: null,
    rssMaxMB: null,
    rssPeakLifetimeMB: null,
    mainThreadWaitingPercent: null,
    mainThreadPreemptionsPerSecond: null,
  };
  if (pid === undefined || cpuSeconds(pid) === null) return { stop: () => none };
  const startedAt = performance.now();
  const startCpu = cpuSeconds(pid)!;
  const startScheduling = mainThreadScheduling(pid);
  const rss: number[] = [];
  const take = () => {
    const kb = statusNumber(pid, "VmRSS");
    if (kb !== null) rss.push(kb / 1024);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      const endCpu = cpuSeconds(pid);
      const endScheduling = startScheduling && mainThreadScheduling(pid);
      const seconds = (performance.now() - startedAt) / 1000;
      const hwm = statusNumber(pid, "VmHWM");
      const percent = (used: number) => (used / seconds) * 100;
      return {
        cpuPercent:
          endCpu === null
            ? null
            : percent(endCpu.user + endCpu.kernel - startCpu.user - startCpu.kernel),
        kernelCpuPercent: endCpu === null ? null : percent(endCpu.kernel - startCpu.kernel),
        rssMeanMB: rss.length ? rss.reduce((a, b) => a + b, 0) / rss.length : null,
        rssMaxMB: rss.length ? Math.max(...rss) : null,
        rssPeakLifetimeMB: hwm === null ? null : hwm / 1024,
        mainThreadWaitingPercent: endScheduling
          ? percent(endScheduling.waiting - startScheduling!.waiting)
          : null,
        mainThreadPreemptionsPerSecond: endScheduling
          ? (endScheduling.preemptions - startScheduling!.preemptions) / seconds
          : null,
      };
    },
  };
}
