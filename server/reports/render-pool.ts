import { Worker } from "node:worker_threads";
import type { ReportData } from "./report-data.ts";
import type { RenderAnswer, RenderRequest } from "./render-worker.ts";

/**
 * Renders reports in a worker thread, so laying out a long report (a second or two of CPU)
 * never stalls the server's event loop: the collab server keeps relaying keystrokes meanwhile.
 * One worker, started on first use and kept (fonts and the layout engine load once); requests
 * queue in it. A worker that dies fails what it held and a new one starts on the next request.
 */
export interface RenderPool {
  render(data: ReportData): Promise<{ pdf: Uint8Array; threadId: number }>;
  close(): Promise<void>;
}

const WORKER_URL = new URL("./render-worker-start.mjs", import.meta.url);

export function createRenderPool(): RenderPool {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (v: { pdf: Uint8Array; threadId: number }) => void; reject: (e: Error) => void }
  >();

  function failAll(error: Error) {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  }

  function start(): Worker {
    // Plain execArgv: the start script registers the loader it needs itself.
    const started = new Worker(WORKER_URL, { execArgv: [] });
    started.on("message", (answer: RenderAnswer) => {
      const waiter = pending.get(answer.id);
      if (!waiter) return;
      pending.delete(answer.id);
      if (answer.ok) waiter.resolve({ pdf: answer.pdf, threadId: answer.threadId });
      else waiter.reject(new Error(answer.error));
      // An idle worker does not keep the process alive.
      if (pending.size === 0) started.unref();
    });
    started.on("error", (error) => {
      if (worker === started) worker = null;
      failAll(error);
    });
    started.on("exit", (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`The report renderer stopped (exit code ${code}).`));
    });
    return started;
  }

  return {
    render(data) {
      worker ??= start();
      const id = nextId++;
      const request: RenderRequest = { id, data };
      const answer = new Promise<{ pdf: Uint8Array; threadId: number }>((resolve, reject) =>
        pending.set(id, { resolve, reject }),
      );
      worker.ref();
      worker.postMessage(request);
      return answer;
    },
    async close() {
      const current = worker;
      worker = null;
      failAll(new Error("The server is stopping."));
      if (current) await current.terminate();
    },
  };
}
