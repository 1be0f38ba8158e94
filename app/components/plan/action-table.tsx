import { Form, Link } from "@remix-run/react";
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from "../../../collab/shapes/plan.ts";
import { formatDue } from "./action-row.tsx";
import { sortControl, type ActionPlanRow, type PlanQuery, type SortKey } from "./action-plan.ts";

/** A column heading that sorts the table by its column (a link, so it works without JavaScript). */
export function SortHeader({
  query,
  column,
  children,
}: {
  query: PlanQuery;
  column: SortKey;
  children: string;
}) {
  const { href, ariaSort } = sortControl(query, column);
  return (
    <th scope="col" aria-sort={ariaSort}>
      <Link to={href} preventScrollReset className="plan-sort">
        {children}
        <span aria-hidden="true" className="plan-sort-arrow">
          {ariaSort === "ascending" ? " ▲" : ariaSort === "descending" ? " ▼" : " ⇅"}
        </span>
      </Link>
    </th>
  );
}

export function StatusCell({ row }: { row: Pick<ActionPlanRow, "status" | "overdue"> }) {
  return (
    <td>
      {ACTION_STATUS_LABELS[row.status]}
      {row.overdue ? (
        <strong className="plan-overdue-flag">
          <span aria-hidden="true"> ⚠</span> Overdue
        </strong>
      ) : null}
    </td>
  );
}

export function DueCell({ due }: { due: string | null }) {
  return (
    <td>
      {due ? <time dateTime={due}>{formatDue(due)}</time> : <span className="muted">No date</span>}
    </td>
  );
}

/** Filters by owner and status (a GET form: the filtered table has its own address). */
export function ActionFilters({
  query,
  owners,
}: {
  query: PlanQuery;
  owners: { id: string; name: string }[] | null;
}) {
  return (
    <Form
      method="get"
      className="plan-filters"
      preventScrollReset
      key={`${query.owner}/${query.status}`}
    >
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.sort ? <input type="hidden" name="dir" value={query.dir} /> : null}
      {owners ? (
        <div className="field">
          <label htmlFor="filter-owner">Owner</label>
          <select id="filter-owner" name="owner" defaultValue={query.owner}>
            <option value="">Everyone</option>
            <option value="none">No owner yet</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" name="status" defaultValue={query.status}>
          <option value="">Any status</option>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Filter
      </button>
      {query.owner || query.status ? (
        <Link to={query.sort ? `?sort=${query.sort}&dir=${query.dir}` : "?"} className="plan-clear">
          Show all
        </Link>
      ) : null}
    </Form>
  );
}
