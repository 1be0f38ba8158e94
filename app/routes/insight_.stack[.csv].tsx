import type { LoaderFunctionArgs } from "@remix-run/node";
import { queryOf } from "../../models/insight/query.ts";
import { NOT_APPLICABLE, STACK_PARTLY_HEADING } from "../../models/insight/words.ts";
import { loadInsightScope, stackView } from "../insight.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { csvResponse } from "../utils/insight-csv.server.ts";

/**
 * The Stack as CSV: a row per area (overall) and criterion, how many schools at each level, and
 * for the area overall the schools counted there on some of its criteria only, as the page names
 * them ("Riverside Academy (1 of 4 judged)"). After the levels, the schools with no judgement
 * yet, and those the area does not apply to ("Not applicable", as the page says "Not applicable
 * at 2 of the 4 schools"): each criterion's counts add up to the schools in the cycle.
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
      [
        area.title,
        row.overall ? "" : row.code,
        row.overall ? "Area overall" : row.label,
        NOT_APPLICABLE,
        area.notApplicable,
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
