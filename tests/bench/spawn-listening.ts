import { spawn, type ChildProcess } from "node:child_process";
import { listeningUrl } from "../../server/cluster/listening.ts";

/** Runs a TypeScript entry point in its own Node process and waits for "Listening on <url>". */
export async function spawnListening(
  script: string,
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; nodeFlags?: string[] },
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), "--import", "tsx", script], {
    cwd: options.cwd,
    env: { ...process.env, NODE_ENV: "production", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await listeningUrl(child, { what: script, timeoutMs: options.timeoutMs });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timeout = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
