import type { LoaderFunctionArgs } from "@remix-run/node";
import { allAuditOf } from "../models.server.ts";
import { auditRows } from "../components/audit/audit-rows.server.ts";
import { toCsv } from "../utils/csv.server.ts";
import { requireTrust } from "../utils/trust.server.ts";

/**
 * The trust's audit entries as CSV: each as a sentence with names, and with its raw facts and
 * chain hashes so it can be re-verified.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { trustId } = await requireTrust(request, "manage");
  const rows = await auditRows(trustId, await allAuditOf(trustId));
  const csv = toCsv(
    [
      "Sequence",
      "At",
      "What happened",
      "About",
      "By",
      "Action",
      "Subject",
      "Actor",
      "Details",
      "Previous hash",
      "Hash",
    ],
    rows.map(({ entry: e, sentence, about, by }) => [
      e.seq,
      e.at.toISOString(),
      sentence,
      about,
      by,
      e.action,
      e.subject,
      e.actorId,
      JSON.stringify(e.details),
      e.prevHash,
      e.hash,
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="audit-log.csv"',
    },
  });
}
