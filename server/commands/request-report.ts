import { z } from "zod";
import { InvalidInputError } from "../../models/errors.ts";
import { judgementSource, objectId, requestId } from "../../models/input.ts";
import { requestReportJob, type ReportJob } from "../../models/report/report-job.ts";
import { getSnapshot } from "../../models/snapshot/snapshot.ts";
import { loadReportSubject } from "../reports/subject.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

export const RequestReportInput = z.object({
  kind: z.enum(["evaluation", "validation", "trust"], { message: "Choose a report." }),
  subjectId: objectId(),
  /** Evaluation reports: "now" (the live document) or a submission snapshot's id. */
  version: z
    .string()
    .optional()
    .transform((v) => v || "now")
    .pipe(z.union([z.literal("now"), objectId("Choose what the report shows.")])),
  /**
   * The trust overview: whose judgement counts, as on the page that offered it (the cycle's own
   * page offers none: the latest available).
   */
  source: judgementSource("Choose whose judgement the report counts."),
  /** Made when the page was shown: the same form sent twice asks for one report. */
  requestId: requestId(),
});

/**
 * Someone asks for a PDF report. Records the request once (a double-click makes one job) for
 * the runner to make; the route starts it and shows its progress. Nothing is decided or
 * changed, so nothing is audited.
 */
export async function requestReport(
  ctx: CommandContext,
  raw: Raw<typeof RequestReportInput>,
): Promise<{ job: ReportJob; created: boolean }> {
  // Whoever may read what the report is about may ask for it (server/reports/subject.ts).
  const subject = await loadReportSubject(ctx.actor, idIn(raw, "kind"), idIn(raw, "subjectId"));
  const input = parse(RequestReportInput, raw);
  if (input.version !== "now") {
    const snapshot = subject.evaluationId
      ? await getSnapshot(subject.trustId, subject.evaluationId, input.version)
      : null;
    if (!snapshot) throw new InvalidInputError("Choose one of the submissions.", "version");
  }
  return requestReportJob({
    trustId: subject.trustId,
    kind: input.kind,
    subjectId: input.subjectId,
    version: input.kind === "evaluation" ? input.version : "now",
    source: input.kind === "trust" ? input.source : null,
    requestedBy: ctx.actor.userId,
    requestId: input.requestId,
  });
}
