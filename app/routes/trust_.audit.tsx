import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { auditLogStatus, chainEnd, listAudit } from "../models.server.ts";
import { auditFacts, auditRows } from "../components/audit/audit-rows.server.ts";
import { AuditFacts } from "../components/audit/audit-facts.tsx";
import { AuditStatus } from "../components/audit/audit-status.tsx";
import styles from "../styles/audit.css";
import { requireTrust } from "../utils/trust.server.ts";
import { formatMoment } from "../../models/dates.ts";
import { TableScroll } from "../components/table-scroll.tsx";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Audit log · Quality marks" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const PAGE = 100;

/** `?before=<n>`: the entries numbered below n (a whole number from 2 on). */
function pageStart(url: URL): { before?: number; invalid: boolean } {
  const raw = url.searchParams.get("before");
  if (raw === null) return { invalid: false };
  return /^[1-9][0-9]{0,11}$/.test(raw) && Number(raw) > 1
    ? { before: Number(raw), invalid: false }
    : { invalid: true };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { trustId } = await requireTrust(request, "manage");
  const { before, invalid } = pageStart(new URL(request.url));
  // The chain's end, read once for the page and the check of what was appended since.
  const end = await chainEnd();
  const [page, status] = await Promise.all([
    listAudit(trustId, { limit: PAGE, before, end }),
    auditLogStatus(end),
  ]);
  const rows = await auditRows(trustId, page.entries);
  return json(
    {
      invalidPage: invalid,
      paged: before !== undefined,
      olderBefore: page.olderBefore,
      status: {
        entries: status.entries,
        sinceWholeCheck: status.sinceWholeCheck,
        checkedAt: status.checkedAt.toISOString(),
        problems: status.problems,
      },
      entries: rows.map(({ entry, sentence, about }) => ({
        seq: entry.seq,
        at: entry.at.toISOString(),
        sentence,
        about,
        facts: auditFacts(entry),
      })),
    },
    { status: invalid ? 400 : 200 },
  );
}

export default function AuditLog() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <Breadcrumbs trail={[{ label: "Trust settings", to: "/trust" }]} />
      <h1>Audit log</h1>
      <AuditStatus {...data.status} />
      {data.invalidPage ? (
        <p role="alert" className="form-error">
          There is no such page of the log: these are the newest entries.
        </p>
      ) : null}
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
                  {data.paged
                    ? "None of your trust's entries in this part of the log."
                    : "No entries yet. Sign-ins, role changes and decisions (publishing, distributing, outcomes) are recorded here as they happen."}
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
                  <AuditFacts facts={e.facts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav aria-label="Pages of the log" className="audit-pages">
        {data.paged ? <Link to="/trust/audit">Newest entries</Link> : null}
        {data.olderBefore !== null ? (
          <Link to={`/trust/audit?before=${data.olderBefore}`}>Older entries</Link>
        ) : data.paged ? (
          <span className="muted">No older entries.</span>
        ) : null}
      </nav>
    </div>
  );
}
