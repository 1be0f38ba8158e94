import type { LoaderFunctionArgs } from "@remix-run/node";
import { listAudit } from "../models.server.ts";
import { toCsv } from "../utils/csv.server.ts";
import { requireAuditAccess } from "../utils/audit.server.ts";

/** The trust's audit entries as CSV, with each entry's chain hashes so it can be re-verified. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { trustId } = await requireAuditAccess(request);
  const entries = await listAudit(trustId, 100_000);
  const csv = toCsv(
    ["Sequence", "At", "Action", "Subject", "Actor", "Details", "Previous hash", "Hash"],
    entries.map((e) => [
      e.seq,
      e.at.toISOString(),
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
