import type { ChildProcess } from "node:child_process";

/** How much of what a child said is kept, for the error when it does not start. */
const KEPT_CHARS = 8192;

/**
 * Waits for a child process (server/index.ts, or a bench server) to print "Listening on <url>"
 * and resolves with the url. Its stdout and stderr are read for as long as it runs (so a full
 * pipe never holds it up), but only their last few kilobytes are kept: a server logs a line per
 * request, and holding (and searching) everything it ever said grew with every request for as
 * long as it ran (`npm run start:cluster`, long tests and bench runs).
 */
export function listeningUrl(
  child: ChildProcess,
  options: { what: string; timeoutMs?: number; scheme?: string },
): Promise<string> {
  let said = "";
  let started = false;
  const keep = (chunk: string) => {
    said = (said + chunk).slice(-KEPT_CHARS);
  };
  // (A child whose stderr is inherited says its errors straight to ours.)
  child.stderr?.setEncoding("utf8").on("data", keep);
  const pattern = new RegExp(`Listening on (${options.scheme ?? "[a-z]+"}://[^\\s"]+)`);
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${options.what} did not start:\n${said}`));
    }, options.timeoutMs ?? 60_000);
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      keep(chunk);
      if (started) return;
      const match = pattern.exec(said);
      if (!match) return;
      started = true;
      clearTimeout(timer);
      resolve(match[1]);
    });
    child.once("exit", (code) => {
      if (started) return;
      clearTimeout(timer);
      reject(new Error(`${options.what} exited (${code}) while starting:\n${said}`));
    });
  });
}
