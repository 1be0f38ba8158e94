import { z } from "zod";
import { ACTION_STATUSES, type ActionStatus } from "../../../collab/shapes/plan.ts";
import { todayInEngland } from "../../../models/dates.ts";
export { todayInEngland };

/**
 * Sorting and filtering of an action plan table (the evaluation's action plan and "My
 * actions"). Pure, so the server sorts, the links say what a click will do, and tests read it.
 */

/** One action as a table row, from the evaluation's projection. */
export interface ActionPlanRow {
  id: string;
  evaluationId: string;
  criterionId: string;
  criterionCode: string;
  criterionStatement: string;
  /** The area the criterion sits in (null: no longer in the framework version). */
  areaId: string | null;
  what: string;
  ownerId: string | null;
  ownerName: string | null;
  due: string | null;
  status: ActionStatus;
  overdue: boolean;
  /** How many hindering factors it addresses. */
  forceCount: number;
  /** What those factors say ("": not described yet); null from a projection kept before words were. */
  addresses: string[] | null;
}

export const SORT_KEYS = ["owner", "status", "due"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

/** The table's query string: each part falls back to its default when it is missing or malformed. */
const planQuerySchema = z.object({
  sort: z.enum(SORT_KEYS).nullable().catch(null),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  /** An owner's id, "none" for actions nobody owns yet, or "" for everyone. */
  owner: z.string().max(40).catch(""),
  status: z.enum(ACTION_STATUSES).or(z.literal("")).catch(""),
});
export type PlanQuery = z.infer<typeof planQuerySchema>;

export function parsePlanQuery(params: URLSearchParams): PlanQuery {
  return planQuerySchema.parse({
    sort: params.get("sort"),
    dir: params.get("dir") ?? "asc",
    owner: params.get("owner") ?? "",
    status: params.get("status") ?? "",
  });
}

export function filterRows<T extends Pick<ActionPlanRow, "ownerId" | "status">>(
  rows: T[],
  query: Pick<PlanQuery, "owner" | "status">,
): T[] {
  return rows.filter(
    (r) =>
      (query.owner === "" ||
        (query.owner === "none" ? r.ownerId === null : r.ownerId === query.owner)) &&
      (query.status === "" || r.status === query.status),
  );
}

type Sortable = Pick<ActionPlanRow, "ownerName" | "status" | "due">;

// Blanks (no owner, no due date) always come last, whichever way the column is sorted.
function compareBlankLast(a: string | null, b: string | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * a.localeCompare(b, "en-GB");
}

/** Sorts rows by a column (a stable sort: ties keep the plan's own order). */
export function sortRows<T extends Sortable>(
  rows: T[],
  sort: SortKey | null,
  dir: SortDirection,
): T[] {
  if (!sort) return rows;
  const sign = dir === "asc" ? 1 : -1;
  const compare = (a: T, b: T): number => {
    switch (sort) {
      case "owner":
        return compareBlankLast(a.ownerName, b.ownerName, sign);
      case "due":
        return compareBlankLast(a.due, b.due, sign);
      case "status":
        return (
          sign * (ACTION_STATUSES.indexOf(a.status) - ACTION_STATUSES.indexOf(b.status)) ||
          compareBlankLast(a.due, b.due, 1)
        );
    }
  };
  return [...rows].sort(compare);
}

/** The link a column heading sorts by, and its aria-sort: a second click reverses the order. */
export function sortControl(
  query: PlanQuery,
  key: SortKey,
): { href: string; ariaSort: "ascending" | "descending" | undefined } {
  const current = query.sort === key;
  const params = new URLSearchParams();
  params.set("sort", key);
  params.set("dir", current && query.dir === "asc" ? "desc" : "asc");
  if (query.owner) params.set("owner", query.owner);
  if (query.status) params.set("status", query.status);
  return {
    href: `?${params.toString()}`,
    ariaSort: current ? (query.dir === "asc" ? "ascending" : "descending") : undefined,
  };
}

/** Where a row's criterion is worked on in the evaluation. */
export function criterionHref(
  row: Pick<ActionPlanRow, "evaluationId" | "areaId" | "criterionId">,
): string {
  return `/evaluations/${row.evaluationId}${row.areaId ? `?area=${encodeURIComponent(row.areaId)}` : ""}#criterion-${row.criterionId}`;
}
