import type { LoaderFunctionArgs } from "@remix-run/node";
import { queryOf } from "../../models/insight/query.ts";
import { STACK_PARTLY_HEADING } from "../../models/insight/words.ts";
import { loadInsightScope, stackView } from "../insight.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { csvResponse } from "../utils/insight-csv.server.ts";

/**
 * The Stack as CSV: a row per area (overall) and criterion, how many schools at each level, and
 * for the area overall the schools counted there on some of its criteria only, as the page names
 * them ("Riverside Academy (1 of 4 judged)").
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const scope = await orNotFound(loadInsightScope(actor, queryOf(new URL(request.url))));
  const stack = await stackView(scope, null);
  const rows = (stack?.areas ?? []).flatMap((area) =>
    area.rows.flatMap((row) => [
      ...area.levels.map((level, i) => [
        area.title,
        row.overall ? "" : row.code,
        row.overall ? "Area overall" : row.label,
        level.label,
        row.counts[i],
        row.partlyNamed[i] ?? "",
      ]),
      [
        area.title,
        row.overall ? "" : row.code,
        row.overall ? "Area overall" : row.label,
        area.notYet,
        row.unjudged,
        "",
      ],
    ]),
  );
  return csvResponse(
    ["Area", "Criterion", "Statement", "Level", "Schools", STACK_PARTLY_HEADING],
    rows,
    `stack-${scope.choice.cycleName ?? "newest"}`,
  );
}
