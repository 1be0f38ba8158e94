import { isMainThread, parentPort, threadId } from "node:worker_threads";
import { blockNetwork } from "./no-network.ts";
import { renderReportPdf } from "./pdf/render.tsx";
import type { ReportData } from "./report-data.ts";

/**
 * The render worker: lays reports out off the server's event loop, one at a time, with the
 * network blocked. Started by render-pool.ts through render-worker-start.mjs.
 */
export interface RenderRequest {
  id: number;
  data: ReportData;
}

export type RenderAnswer =
  | { id: number; ok: true; pdf: Uint8Array; threadId: number }
  | { id: number; ok: false; error: string };

if (isMainThread || !parentPort) throw new Error("render-worker.ts runs in a worker thread only");
const port = parentPort;
blockNetwork();

let queue = Promise.resolve();
port.on("message", (request: RenderRequest) => {
  queue = queue.then(async () => {
    try {
      const rendered = await renderReportPdf(request.data);
      // Its own buffer, so it can be handed over without copying (and without sharing a pool).
      const pdf = new Uint8Array(rendered);
      const answer: RenderAnswer = { id: request.id, ok: true, pdf, threadId };
      port.postMessage(answer, [pdf.buffer]);
    } catch (error) {
      const answer: RenderAnswer = {
        id: request.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
      port.postMessage(answer);
    }
  });
});
