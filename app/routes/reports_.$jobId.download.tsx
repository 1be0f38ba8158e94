import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { attachmentDisposition, loadReportJob, openReportFile } from "../report.server.ts";
import { getSignedIn, notFound } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";

/**
 * A finished report's PDF, as an attachment, for the person who asked for it while they may
 * still read what it is about. Anyone else gets the same 404 as for a missing report; a report
 * still being made sends the person to its progress page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  if (!signedIn) throw notFound();
  const job = await orNotFound(loadReportJob(signedIn.actor, params.jobId ?? ""));
  if (job.status !== "done" || !job.fileId) {
    return new Response(null, { status: 303, headers: { Location: `/reports/${job.id}` } });
  }
  const headers = new Headers({
    "Content-Type": "application/pdf",
    "Content-Disposition": attachmentDisposition(job.fileName ?? "Report.pdf"),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  });
  if (job.size !== null) headers.set("Content-Length", String(job.size));
  if (request.method === "HEAD") return new Response(null, { headers });
  return new Response(createReadableStreamFromReadable(openReportFile(job.fileId)), { headers });
}
