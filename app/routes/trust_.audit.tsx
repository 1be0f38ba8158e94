import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAudit, verifyAuditLog } from "../models.server.ts";
import { requireAuditAccess } from "../utils/audit.server.ts";
import { formatMoment } from "../../models/dates.ts";

export const meta: MetaFunction = () => [{ title: "Audit log · Quality marks" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { trustId } = await requireAuditAccess(request);
  const [entries, verification] = await Promise.all([listAudit(trustId), verifyAuditLog()]);
  return json({
    verification: { entries: verification.entries, problems: verification.problems },
    entries: entries.map((e) => ({
      ...e,
      at: e.at.toISOString(),
      details: JSON.stringify(e.details),
    })),
  });
}

export default function AuditLog() {
  const data = useLoaderData<typeof loader>();
  const ok = data.verification.problems.length === 0;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/trust">Trust settings</Link> /
      </p>
      <h1>Audit log</h1>
      <div role="status" className={ok ? "notice" : "form-error"}>
        {ok
          ? `Verified: all ${data.verification.entries} entries are intact and in sequence.`
          : `Verification failed: ${data.verification.problems.map((p) => `entry ${p.seq} ${p.problem}`).join("; ")}.`}
      </div>
      <p>
        <a href="/trust/audit.csv" download>
          Export as CSV
        </a>
      </p>
      <table className="table">
        <caption className="visually-hidden">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Action</th>
            <th scope="col">Subject</th>
            <th scope="col">By</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {data.entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{formatMoment(e.at)}</td>
              <td>{e.action}</td>
              <td>{e.subject}</td>
              <td>{e.actorId ?? "system"}</td>
              <td>
                <code>{e.details}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
