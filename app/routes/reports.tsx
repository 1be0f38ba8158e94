import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect, redirectDocument } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatMoment } from "../../models/dates.ts";
import { FormError } from "../components/field.tsx";
import { JUST_ASKED } from "../components/report/report-form.tsx";
import { listReportJobsOf, requestReport } from "../report.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { fieldsOf, readForm, run, type ActionResult } from "../utils/command.server.ts";

export const meta: MetaFunction = () => [{ title: "Your reports · Quality marks" }];

// A report ready within this is downloaded at once; a longer one shows its progress.
const WAIT_FOR_QUICK_REPORT_MS = 1000;

/** The reports this person asked for in the last day (nobody else's). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const jobs = await listReportJobsOf(actor.userId);
  return json({
    jobs: jobs.map((j) => ({
      id: j.id,
      name: j.fileName ?? "Report being prepared",
      status: j.status,
      stage: j.stage,
      requestedAt: formatMoment(j.createdAt),
    })),
  });
}

/** Asks for a report: one job per request (a double-click makes one), then its PDF or progress. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const result = await run(() => requestReport({ actor, collab: context.collab }, fieldsOf(form)));
  if (result instanceof Response) return result;
  const { job, created } = result;
  if (created) context.reports.start(job);
  const done = await context.reports.settled(job.id, WAIT_FOR_QUICK_REPORT_MS);
  // The PDF itself is a document navigation (the browser downloads it and stays on its page).
  // Otherwise its progress page, told that this person just asked for it: it downloads the PDF
  // when ready, even if that was before the page loaded.
  return done
    ? redirectDocument(`/reports/${job.id}/download`, 303)
    : redirect(`/reports/${job.id}?${JUST_ASKED}=1`, 303);
}

const STATUS_WORDS = {
  queued: "Waiting to start",
  running: "Being prepared",
  done: "Ready",
  failed: "Not made",
} as const;

export default function Reports() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const problem = result?.formError ?? Object.values(result?.fieldErrors ?? {})[0] ?? null;
  return (
    <div className="page">
      <h1>Your reports</h1>
      <FormError message={problem} />
      <p className="lede">
        The PDF reports you asked for in the last day. Only you can see them. Ask for a report from
        an evaluation, a validation or a cycle&apos;s overview.
      </p>
      {data.jobs.length === 0 ? (
        <p className="empty-state">You have not asked for any reports today.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Your reports</caption>
          <thead>
            <tr>
              <th scope="col">Report</th>
              <th scope="col">Asked for</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {data.jobs.map((job) => (
              <tr key={job.id}>
                <th scope="row">
                  {job.status === "done" ? (
                    <a href={`/reports/${job.id}/download`}>{job.name}</a>
                  ) : (
                    <Link to={`/reports/${job.id}`}>{job.name}</Link>
                  )}
                </th>
                <td>{job.requestedAt}</td>
                <td>{STATUS_WORDS[job.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
