import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../server/app.ts";

/** The Liveblocks dev server's secret key (it accepts only this one). */
export const LIVEBLOCKS_DEV_SECRET = "sk_localdev";

export interface LiveblocksDevServer {
  baseUrl: string;
  child: ChildProcess;
  /** How many requests the dev server has logged so far with this method and path. */
  requests(method: string, path: string): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The real Liveblocks dev server (`liveblocks dev` from the npm `liveblocks` CLI, on Bun from
 * npm), on a free port, with throwaway storage in its own directory. Nothing is mocked.
 */
export async function startLiveblocksDev(): Promise<LiveblocksDevServer> {
  const port = await freePort();
  const cwd = mkdtempSync(path.join(tmpdir(), "liveblocks-dev-"));
  const bin = path.join(PROJECT_ROOT, "node_modules/.bin");
  const child = spawn(
    path.join(bin, "liveblocks"),
    ["dev", "--port", String(port), "--host", "127.0.0.1", "--no-persist", "--no-check"],
    {
      cwd,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: the CLI runs the server in a Bun child, which must go with it.
      detached: true,
    },
  );
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`liveblocks dev exited:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/v2/rooms`, {
        headers: { Authorization: `Bearer ${LIVEBLOCKS_DEV_SECRET}` },
      });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`liveblocks dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    child,
    requests(method, requestPath) {
      // Its request log: one line per request, "<status> <METHOD> <path>" (status coloured).
      const line = `${method} ${requestPath}`;
      return output.split("\n").filter((entry) => entry.trimEnd().endsWith(` ${line}`)).length;
    },
    async stop() {
      const group = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // Already gone.
        }
      };
      const exited =
        child.exitCode === null
          ? new Promise((resolve) => child.once("exit", resolve))
          : Promise.resolve();
      group("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      group("SIGKILL");
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}
