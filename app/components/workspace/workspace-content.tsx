import { Form, useActionData, useNavigation } from "@remix-run/react";
import type { RichBlock } from "../../../collab/shapes/rich-text.ts";
import { formatDay, formatMoment } from "../../../models/dates.ts";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError, SelectField, TextField } from "../field.tsx";
import { TableScroll } from "../table-scroll.tsx";
import type { ActionResult } from "../../utils/form-refusal.server.ts";
import { RichBlocks } from "./rich-blocks.tsx";

export const JOINT_STATUS_LABELS: Record<string, string> = {
  notStarted: "Not started",
  inProgress: "In progress",
  done: "Done",
};

interface LibraryRow {
  id: string;
  title: string;
  description: string;
  url: string | null;
  file: { name: string; size: number } | null;
  school: string;
  addedBy: string;
  addedAt: string;
}

function errorsFor(result: ActionResult | undefined, intent: string) {
  return result?.intent === intent ? result : null;
}

/** The practice library: what each school contributed, and (for members) adding to it. */
export function PracticeLibrary(props: {
  workspaceId: string;
  items: LibraryRow[];
  canAdd: boolean;
  /** The member's own school's evaluations an item can become evidence in. */
  evaluations: { id: string; title: string }[];
}) {
  const data = useActionData<ActionResult>();
  const result = errorsFor(data, "addLibraryItem");
  const used = errorsFor(data, "useAsEvidence");
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="library-heading" className="stack">
      <h2 id="library-heading">Practice library</h2>
      <FormError message={used?.fieldErrors?.evaluationId ?? used?.fieldErrors?.itemId} />
      {props.items.length === 0 ? (
        <p className="muted">
          Nothing in the library yet: members add a practice with a link or a file.
        </p>
      ) : (
        <ul className="card-list library-list">
          {props.items.map((item) => (
            <li key={item.id} className="panel" id={`practice-${item.id}`}>
              <h3>
                {item.url ? (
                  <a href={item.url} target="_blank" rel="noopener noreferrer">
                    {item.title}
                  </a>
                ) : item.file ? (
                  <a href={`/workspaces/${props.workspaceId}/library/${item.id}`} download>
                    {item.title}
                  </a>
                ) : (
                  item.title
                )}
              </h3>
              {item.description ? <p>{item.description}</p> : null}
              <p className="muted">{`From ${item.school} · ${item.addedBy} · ${formatMoment(item.addedAt)}`}</p>
              {props.evaluations.length ? (
                <Form method="post" className="joint-status">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="useAsEvidence" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <label htmlFor={`evidence-in-${item.id}`}>Use as evidence in</label>
                  <select id={`evidence-in-${item.id}`} name="evaluationId">
                    {props.evaluations.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.title}
                      </option>
                    ))}
                  </select>
                  <button className="button button-secondary" disabled={busy}>
                    {`Add “${item.title}” as evidence`}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {props.canAdd ? (
        <details open={Boolean(result)}>
          <summary>Add a practice</summary>
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="addLibraryItem" />
            <FormError message={result?.formError} />
            <TextField
              label="Title"
              name="title"
              maxLength={200}
              error={result?.fieldErrors?.title}
            />
            <TextField
              label="Short description"
              name="description"
              maxLength={2000}
              error={result?.fieldErrors?.description}
            />
            <TextField
              label="Link"
              name="url"
              type="url"
              hint="A web address, or choose a file below."
              error={result?.fieldErrors?.url}
            />
            <TextField
              label="File"
              name="file"
              type="file"
              hint="A PDF, Word, Excel, PowerPoint, PNG or JPEG file, up to 20 MB."
              error={result?.fieldErrors?.file}
            />
            <button className="button" disabled={busy}>
              Add to the library
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

interface ActionRow {
  id: string;
  title: string;
  owner: string;
  ownerSchool: string;
  dueDate: string | null;
  status: string;
}

/** Joint actions: each owned by a member of one of the schools, shown in their "My actions". */
export function JointActions(props: {
  actions: ActionRow[];
  owners: { id: string; label: string }[];
  canEdit: boolean;
}) {
  const result = errorsFor(useActionData<ActionResult>(), "addAction");
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="actions-heading" className="stack">
      <h2 id="actions-heading">Joint actions</h2>
      {props.actions.length === 0 ? (
        <p className="muted">No joint actions yet.</p>
      ) : (
        <TableScroll label="Joint actions: owners, due dates and status">
          <table className="table">
            <caption className="visually-hidden">Joint actions</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {props.actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.title}</td>
                  <td>{`${a.owner} (${a.ownerSchool})`}</td>
                  <td>{a.dueDate ? formatDay(a.dueDate) : "No date"}</td>
                  <td>
                    {props.canEdit ? (
                      <Form method="post" className="joint-status">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="actionStatus" />
                        <input type="hidden" name="actionId" value={a.id} />
                        <label className="visually-hidden" htmlFor={`status-${a.id}`}>
                          {`Status of ${a.title}`}
                        </label>
                        <select id={`status-${a.id}`} name="status" defaultValue={a.status}>
                          {Object.entries(JOINT_STATUS_LABELS).map(([key, label]) => (
                            <option key={key} value={key}>
                              {label}
                            </option>
                          ))}
                        </select>{" "}
                        <button className="button button-secondary button-small" disabled={busy}>
                          Save
                        </button>
                      </Form>
                    ) : (
                      (JOINT_STATUS_LABELS[a.status] ?? a.status)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {props.canEdit ? (
        <details open={Boolean(result)}>
          <summary>Add a joint action</summary>
          <Form method="post" className="stack" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="addAction" />
            <FormError message={result?.formError} />
            <TextField
              label="Action"
              name="title"
              maxLength={300}
              error={result?.fieldErrors?.title}
            />
            <SelectField label="Owner" name="ownerId" error={result?.fieldErrors?.ownerId}>
              {props.owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Due date"
              name="dueDate"
              type="date"
              error={result?.fieldErrors?.dueDate}
            />
            <button className="button" disabled={busy}>
              Add the action
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

interface SharedRow {
  id: string;
  code: string;
  statement: string;
  narrative: unknown;
  evidence: { title: string; kind: string; url: string | null; download: string | null }[];
  school: string;
  sharedBy: string;
  sharedAt: string;
  withdrawable: boolean;
}

/** Criteria schools shared from their evaluations: read-only copies as they were when shared. */
export function SharedCriteria(props: { shared: SharedRow[] }) {
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="shared-heading" className="stack">
      <h2 id="shared-heading">Shared from evaluations</h2>
      {props.shared.length === 0 ? (
        <p className="muted">
          Nothing shared yet. On a criterion of its evaluation, a school can &ldquo;Share to a
          workspace&rdquo;: a copy of its narrative and chosen evidence appears here.
        </p>
      ) : (
        <ul className="card-list shared-list">
          {props.shared.map((c) => (
            <li key={c.id} className="panel stack">
              <h3>{`${c.code} ${c.statement}`}</h3>
              <p className="muted">{`Shared by ${c.sharedBy}, ${c.school}, ${formatMoment(c.sharedAt)}`}</p>
              <div className="shared-narrative">
                <RichBlocks blocks={c.narrative as RichBlock[]} />
              </div>
              {c.evidence.length ? (
                <ul>
                  {c.evidence.map((e, i) => (
                    <li key={i}>
                      {e.url ? (
                        <a href={e.url} target="_blank" rel="noopener noreferrer">
                          {e.title}
                        </a>
                      ) : e.download ? (
                        <a href={e.download} download>
                          {`${e.title} (file)`}
                        </a>
                      ) : (
                        `${e.title} (file)`
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
              {c.withdrawable ? (
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="withdrawShare" />
                  <input type="hidden" name="shareId" value={c.id} />
                  <button className="button button-secondary button-small" disabled={busy}>
                    {`Withdraw ${c.code}`}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
