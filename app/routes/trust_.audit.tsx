import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAudit, verifyAuditLog } from "../models.server.ts";
import { auditRows } from "../components/audit/audit-rows.server.ts";
import styles from "../styles/audit.css";
import { requireTrust } from "../utils/trust.server.ts";
import { formatMoment } from "../../models/dates.ts";
import { TableScroll } from "../components/table-scroll.tsx";

export const meta: MetaFunction = () => [{ title: "Audit log · Quality marks" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { trustId } = await requireTrust(request, "manage");
  const [entries, verification] = await Promise.all([listAudit(trustId), verifyAuditLog()]);
  const rows = await auditRows(trustId, entries);
  return json({
    verification: { entries: verification.entries, problems: verification.problems },
    entries: rows.map(({ entry, sentence, about }) => ({
      seq: entry.seq,
      at: entry.at.toISOString(),
      sentence,
      about,
      facts: JSON.stringify({ action: entry.action, subject: entry.subject, ...entry.details }),
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
        </a>{" "}
        <span className="muted">(with the ids and hashes, to check the chain elsewhere)</span>
      </p>
      <TableScroll label="Audit entries">
        <table className="table audit-table">
          <caption className="visually-hidden">Audit entries, newest first</caption>
          <colgroup>
            <col className="audit-seq" />
            <col className="audit-when" />
            <col />
            <col className="audit-about" />
            <col className="audit-facts" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">What happened</th>
              <th scope="col">About</th>
              <th scope="col">Recorded facts</th>
            </tr>
          </thead>
          <tbody>
            {data.entries.length === 0 ? (
              <tr>
                <td colSpan={5}>
                  No entries yet. Sign-ins, role changes and decisions (publishing, distributing,
                  outcomes) are recorded here as they happen.
                </td>
              </tr>
            ) : null}
            {data.entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{formatMoment(e.at)}</td>
                <td>{e.sentence}</td>
                <td>{e.about}</td>
                <td>
                  <details>
                    <summary>Facts</summary>
                    <code className="audit-json">{e.facts}</code>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
