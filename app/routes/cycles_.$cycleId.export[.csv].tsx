import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadCycle } from "../framework.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { toCsv } from "../utils/csv.server.ts";
import { cycleRows } from "../utils/cycle-rows.server.ts";

/** The cycle overview as CSV: one row per school. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { cycle } = await orNotFound(loadCycle(actor, params.cycleId ?? ""));
  const rows = await cycleRows(cycle);
  const csv = toCsv(
    ["School", "Status", "Progress (%)", "Last activity", "Due date", "Overdue"],
    rows.map((r) => [
      r.schoolName,
      r.status,
      r.percent,
      r.lastActivityAt,
      r.dueDate?.slice(0, 10) ?? null,
      r.overdue ? "yes" : "no",
    ]),
  );
  const slug =
    cycle.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "cycle";
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}.csv"`,
    },
  });
}
