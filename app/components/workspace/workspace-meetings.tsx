import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { formatMoment } from "../../../models/dates.ts";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError, TextField } from "../field.tsx";
import { ScheduleFields } from "../meeting/schedule-fields.tsx";
import type { ActionResult } from "../../utils/form-refusal.server.ts";

interface MeetingRow {
  id: string;
  title: string;
  scheduledAt: string;
  agenda: string[];
  scheduledBy: string;
  ended: boolean;
}

/**
 * A workspace's meetings (coming, then past ones with their minutes) and, for members, the
 * schedule form: the shared time fields of every meeting (ADR 022), a title and an agenda.
 */
export function WorkspaceMeetings(props: {
  workspaceId: string;
  meetings: MeetingRow[];
  form: {
    requestId: string;
    defaults: { scheduledAt: string; videoLink: string; durationMinutes: number };
  } | null;
}) {
  const data = useActionData<ActionResult>();
  const result = data?.intent === "scheduleMeeting" ? data : null;
  const busy = useNavigation().state === "submitting";
  const agendaId = useId();
  const coming = props.meetings.filter((m) => !m.ended);
  const past = props.meetings.filter((m) => m.ended).reverse();
  const list = (rows: MeetingRow[]) => (
    <ul className="card-list">
      {rows.map((m) => (
        <li key={m.id} className="panel">
          <h4>
            <Link to={`/workspaces/${props.workspaceId}/meetings/${m.id}`}>{m.title}</Link>
          </h4>
          <p className="muted">{`${formatMoment(m.scheduledAt)} (UK time) · scheduled by ${m.scheduledBy} · ${m.agenda.length} agenda item${m.agenda.length === 1 ? "" : "s"}`}</p>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="meetings-heading" className="stack">
      <h2 id="meetings-heading">Meetings</h2>
      {props.meetings.length === 0 ? (
        <p className="muted">
          No meetings yet. Members schedule one with an agenda; everyone writes its minutes
          together, live.
        </p>
      ) : null}
      {coming.length ? (
        <>
          <h3>Coming up</h3>
          {list(coming)}
        </>
      ) : null}
      {past.length ? (
        <>
          <h3>Past meetings</h3>
          {list(past)}
        </>
      ) : null}
      {props.form ? (
        <details open={Boolean(result)}>
          <summary>Schedule a meeting</summary>
          <Form method="post" className="stack meeting-schedule" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="scheduleMeeting" />
            <input type="hidden" name="requestId" value={props.form.requestId} />
            <FormError message={result?.formError} />
            <TextField
              label="Title"
              name="title"
              maxLength={200}
              error={result?.fieldErrors?.title}
              required
            />
            <ScheduleFields defaults={props.form.defaults} errors={result?.fieldErrors ?? null} />
            <div className={`field${result?.fieldErrors?.agenda ? " field-invalid" : ""}`}>
              <label htmlFor={agendaId}>Agenda</label>
              <p className="hint" id={`${agendaId}-hint`}>
                One item a line.
              </p>
              <textarea
                id={agendaId}
                name="agenda"
                rows={5}
                aria-describedby={`${agendaId}-hint${result?.fieldErrors?.agenda ? ` ${agendaId}-error` : ""}`}
                aria-invalid={result?.fieldErrors?.agenda ? true : undefined}
              />
              {result?.fieldErrors?.agenda ? (
                <p className="field-error" id={`${agendaId}-error`}>
                  {result.fieldErrors.agenda}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button" disabled={busy}>
              Schedule the meeting
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
