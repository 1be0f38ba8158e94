import type { LoaderFunctionArgs } from "@remix-run/node";
import { queryOf } from "../../models/insight/query.ts";
import { heatFiltersOf, heatMapView, loadInsightScope } from "../insight.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { csvResponse } from "../utils/insight-csv.server.ts";

const TREND_WORDS = { up: "higher", down: "lower", same: "same" } as const;

/** The heat map as CSV, as filtered and sorted on the page: a row per school, a column per area. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const scope = await orNotFound(loadInsightScope(actor, queryOf(url)));
  const heat = await heatMapView(scope, heatFiltersOf(url));
  const columns = heat?.columns ?? [];
  const header = [
    "School",
    "Phase",
    "Status",
    "Holds the award",
    ...columns.flatMap((c) => {
      const name = c.code ? `${c.code} ${c.title}` : c.title;
      return [name, `${name}: judged`, `${name}: since the previous cycle`];
    }),
  ];
  const rows = (heat?.rows ?? []).map((row) => [
    row.schoolName,
    row.phaseLabel,
    row.statusLabel,
    row.awarded ? "yes" : "no",
    ...row.cells.flatMap((cell) => [
      cell.text,
      cell.applicable ? `${cell.judged} of ${cell.total}` : "",
      cell.trend ? TREND_WORDS[cell.trend] : "",
    ]),
  ]);
  return csvResponse(header, rows, `heat-map-${scope.choice.cycleName ?? "newest"}`);
}
