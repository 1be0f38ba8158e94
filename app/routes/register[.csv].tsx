import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerOf, todayInEngland } from "../award.server.ts";
import { STANDING_LABELS } from "../components/award/standing.ts";
import { toCsv } from "../utils/csv.server.ts";
import { requireTrust } from "../utils/trust.server.ts";

/**
 * The register as CSV (optionally one mark): one row per school and mark, with the framework
 * version each award is of (empty where not recorded).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { trustId } = await requireTrust(request, "oversee");
  const mark = new URL(request.url).searchParams.get("mark") ?? "";
  const rows = (await registerOf(trustId, todayInEngland())).filter(
    (r) => !mark || r.award.frameworkId === mark,
  );
  const csv = toCsv(
    ["School", "Mark", "Version", "Tier", "Awarded", "Expires", "Status", "Verification code"],
    rows.map(({ award, schoolName, standing }) => [
      schoolName,
      award.frameworkName,
      // A number, or empty where the award predates recording it (ADR 070).
      award.frameworkVersion,
      award.tier,
      award.startDate,
      award.expiryDate,
      STANDING_LABELS[standing],
      award.code,
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="register.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
