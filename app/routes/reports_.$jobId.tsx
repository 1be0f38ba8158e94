import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { JUST_ASKED } from "../components/report/report-form.tsx";
import { loadReportJob } from "../report.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.ready ? "Report ready" : "Preparing your report"} · Quality marks` },
];

const POLL_MS = 1000;

/**
 * A report's progress, for the person who asked for it (anyone else: 404). While it is being
 * made the page asks again each second (its loader is the status endpoint) and announces the
 * stage politely; once ready it downloads the PDF, if it was being made while the page was open
 * or the person has just asked for it (JUST_ASKED: it may have been made between the request's
 * answer and this page's load); a later visit offers the download instead. It never reloads
 * itself (a timed refresh moves a screen reader back to the top): without JavaScript, "Check
 * again" does it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const job = await orNotFound(loadReportJob(actor, params.jobId ?? ""));
  const path = `/reports/${job.id}`;
  const finished = job.status === "done" || job.status === "failed";
  const headers = new Headers({ "Cache-Control": "private, no-store" });
  return json(
    {
      id: job.id,
      status: job.status,
      stage: job.stage,
      progress: job.progress,
      error: job.error,
      ready: job.status === "done",
      finished,
      fileName: job.fileName,
      download: `${path}/download`,
      path,
    },
    { headers },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function ReportProgress() {
  const data = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const [searchParams, setSearchParams] = useSearchParams();
  const justAsked = searchParams.has(JUST_ASKED);
  const downloadWhenReady = useRef(!data.finished || justAsked);

  // With JavaScript: ask again each second while it is being made (no flashing reloads)...
  useEffect(() => {
    if (data.finished) return;
    const timer = setTimeout(() => revalidator.revalidate(), POLL_MS);
    return () => clearTimeout(timer);
  }, [data, revalidator]);
  // ...and download it the moment it is ready, if it was being made while the page was open or
  // the person has just asked for it.
  useEffect(() => {
    if (data.ready && downloadWhenReady.current) {
      downloadWhenReady.current = false;
      window.location.assign(data.download);
    }
  }, [data.ready, data.download]);
  // ...once: the address loses its "just asked" mark, so a reload or a return does not download
  // it again.
  useEffect(() => {
    if (data.finished && justAsked)
      setSearchParams({}, { replace: true, preventScrollReset: true });
  }, [data.finished, justAsked, setSearchParams]);

  return (
    <div className="page">
      <Breadcrumbs trail={[{ label: "Your reports", to: "/reports" }]} />
      {data.ready ? (
        <>
          <h1>Your report is ready</h1>
          <p>
            <a href={data.download} className="button">
              Download report (PDF)
            </a>
          </p>
          <p className="muted">{data.fileName}</p>
        </>
      ) : data.status === "failed" ? (
        <>
          <h1>The report could not be made</h1>
          <p role="alert" className="form-error">
            {data.error}
          </p>
        </>
      ) : (
        <>
          <h1>Preparing your report</h1>
          <label htmlFor="report-progress">Progress</label>{" "}
          <progress id="report-progress" max={1} value={data.progress}>
            {`${Math.round(data.progress * 100)}%`}
          </progress>
          <p role="status">{`${data.stage}…`}</p>
          <p>
            <a href={data.path}>Check again</a>
          </p>
          <p className="muted">
            It downloads by itself when ready. You can leave this page: the report stays in{" "}
            <Link to="/reports">your reports</Link> for a day.
          </p>
        </>
      )}
    </div>
  );
}
