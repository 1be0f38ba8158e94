// What the report routes (and the pages offering a report) call: the request command, the
// person's own jobs and their PDFs. Server-only, so no database code reaches the browser bundle.
import { formatMoment } from "../models/dates.ts";
import type { JudgementSource } from "../models/insight/types.ts";
import { newRequestId } from "../models/input.ts";
import type { SnapshotSummary } from "../models/snapshot/snapshot.ts";
import type { ReportOffer } from "./components/report/report-form.tsx";

export { requestReport } from "../server/commands/request-report.ts";
export { loadReportJob } from "../server/reports/subject.ts";
export { listReportJobsOf } from "../models/report/report-job.ts";
export { openReportFile } from "../models/report/report-file.ts";
export { attachmentDisposition } from "../models/evidence/file-name.ts";

/**
 * A report a page offers: what it is about, and a fresh request id for its form; for the trust
 * overview, whose judgement counts as the page shows it (the report counts the same).
 */
export function reportOffer(
  kind: ReportOffer["kind"],
  subjectId: string,
  source?: JudgementSource,
): ReportOffer {
  return {
    kind,
    subjectId,
    requestId: newRequestId(),
    versions: [],
    ...(source ? { source } : {}),
  };
}

/** The evaluation report, "as now" or as any of its submissions (its snapshots, newest first). */
export function evaluationReportOffer(
  evaluationId: string,
  snapshots: readonly SnapshotSummary[],
): ReportOffer {
  const submissions = snapshots.filter((s) => s.kind === "submission");
  return {
    ...reportOffer("evaluation", evaluationId),
    versions: [
      { value: "now", label: "As it is now" },
      ...submissions.map((s) => ({
        value: s.id,
        label: `As submitted ${formatMoment(s.createdAt)}`,
      })),
    ],
  };
}
