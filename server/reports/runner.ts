import type { CollabAccess } from "../../collab/access.ts";
import { NotFoundError } from "../../models/errors.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { putReportFile } from "../../models/report/report-file.ts";
import {
  expireReportJobs,
  updateReportJob,
  type ReportJob,
} from "../../models/report/report-job.ts";
import { evaluationReportData } from "./evaluation-data.ts";
import { createRenderPool, type RenderPool } from "./render-pool.ts";
import { REPORT_KIND_LABELS, type ReportData } from "./report-data.ts";
import { trustReportData } from "./trust-data.ts";
import { validationReportData } from "./validation-data.ts";

/**
 * Makes the PDFs people ask for (models/report/report-job.ts), one job at a time per request,
 * in the process that recorded the request: gathers what the report says on the main thread
 * (database, live documents), lays it out in the render worker, stores the PDF, and writes each
 * stage to the job so the person's page can show progress. Routes reach it through the load
 * context (server/app.ts), as they reach the collab server.
 */
export interface ReportRunner {
  /** Starts making the job's PDF here, unless it is already being made (or was made) here. */
  start(job: ReportJob): void;
  /** Resolves once the job started here has finished (true) or after `ms` (false). */
  settled(jobId: string, ms: number): Promise<boolean>;
  close(): Promise<void>;
}

const EXPIRE_EVERY_MS = 60 * 60 * 1000;

export const STAGES = {
  gathering: { stage: "Gathering what the report says", progress: 0.15 },
  layout: { stage: "Laying out the pages", progress: 0.4 },
  saving: { stage: "Saving the PDF", progress: 0.9 },
  done: { stage: "Ready to download", progress: 1 },
};

/**
 * "Evaluation report - Oakfield Primary - Self-evaluation 2026-27.pdf"; the trust overview's
 * name says whose judgements it counts ("… - Autumn 2026 - agreed judgements.pdf").
 */
export function reportFileName(data: ReportData): string {
  const about =
    data.kind === "evaluation"
      ? `${data.schoolName} - ${data.title}`
      : data.kind === "validation"
        ? `${data.schoolName} - ${data.evaluationTitle}`
        : `${data.trustName} - ${data.cycleName} - ${data.sourceShort}`;
  return `${REPORT_KIND_LABELS[data.kind]} - ${about}.pdf`;
}

export function createReportRunner(options: {
  collab: CollabAccess;
  pool?: RenderPool;
}): ReportRunner {
  const pool = options.pool ?? createRenderPool();
  const running = new Map<string, Promise<void>>();
  const expiry = setInterval(() => void expireQuietly(), EXPIRE_EVERY_MS);
  expiry.unref();
  let lastExpiry = 0;

  async function expireQuietly() {
    lastExpiry = Date.now();
    try {
      await expireReportJobs();
    } catch (error) {
      console.error("Expiring old reports failed:", error);
    }
  }

  async function gather(job: ReportJob): Promise<ReportData> {
    // The person's permissions as they are now: a report is made for whoever may still read it.
    const actor = await loadActor(job.requestedBy);
    if (!actor) throw new NotFoundError();
    if (job.kind === "evaluation")
      return evaluationReportData(actor, options.collab, {
        evaluationId: job.subjectId,
        version: job.version,
      });
    if (job.kind === "validation")
      return validationReportData(actor, options.collab, { validationId: job.subjectId });
    return trustReportData(actor, { cycleId: job.subjectId, source: job.source ?? "latest" });
  }

  async function run(job: ReportJob): Promise<void> {
    try {
      await updateReportJob(job.id, { status: "running", ...STAGES.gathering });
      const data = await gather(job);
      await updateReportJob(job.id, STAGES.layout);
      const { pdf } = await pool.render(data);
      await updateReportJob(job.id, STAGES.saving);
      const fileName = reportFileName(data);
      const fileId = await putReportFile(pdf, fileName, { jobId: job.id });
      await updateReportJob(job.id, {
        status: "done",
        ...STAGES.done,
        fileId,
        fileName,
        size: pdf.byteLength,
      });
    } catch (error) {
      const gone = error instanceof NotFoundError;
      if (!gone) console.error(`Report ${job.id} (${job.kind}) failed:`, error);
      await updateReportJob(job.id, {
        status: "failed",
        stage: "Not made",
        error: gone
          ? "You can no longer see what this report is about."
          : "The report could not be made. Try again, and tell the trust's admin if it keeps happening.",
      }).catch(() => {});
    }
  }

  return {
    start(job) {
      if (running.has(job.id) || job.status === "done" || job.status === "failed") return;
      const work = run(job).finally(() => {
        // Kept a little while for `settled`; the job record says the rest.
        setTimeout(() => running.delete(job.id), 60_000).unref();
      });
      running.set(job.id, work);
      if (Date.now() - lastExpiry > 60_000) void expireQuietly();
    },
    async settled(jobId, ms) {
      const work = running.get(jobId);
      if (!work) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      });
      try {
        return await Promise.race([work.then(() => true), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      clearInterval(expiry);
      await pool.close();
    },
  };
}
