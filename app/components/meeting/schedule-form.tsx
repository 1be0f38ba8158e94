import { Form } from "@remix-run/react";
import { formatMoment } from "../../../models/dates.ts";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError } from "../field.tsx";
import { ScheduleFields } from "./schedule-fields.tsx";

export const SCHEDULE_FORM_ID = "schedule-form";

/**
 * The validator's schedule: date and time (UK time), how long, the video call's link, and the
 * agenda, whose checkboxes sit beside each criterion in the pre-review table (they belong to
 * this form through their `form` attribute).
 */
export function ScheduleForm(props: {
  defaults: { scheduledAt: string; videoLink: string; durationMinutes: number };
  errors: Record<string, string | undefined> | null;
  busy: boolean;
  scheduled: boolean;
  agendaSize: number;
  /** When the outcome was recorded (ISO), or null: the meeting was held, nothing to reschedule. */
  outcomeRecordedAt: string | null;
}) {
  if (props.outcomeRecordedAt) {
    return (
      <section className="panel stack meeting-schedule" aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">The meeting</h2>
        {/* A schedule sent from a page opened before the outcome was recorded: why it was not saved. */}
        <FormError message={props.errors?.form} />
        <p>{`The meeting was held and its outcome recorded (${formatMoment(props.outcomeRecordedAt)}, UK time). There is nothing left to schedule.`}</p>
      </section>
    );
  }
  return (
    <Form
      method="post"
      id={SCHEDULE_FORM_ID}
      className="panel stack meeting-schedule"
      aria-labelledby="schedule-heading"
      noValidate
    >
      <h2 id="schedule-heading">
        {props.scheduled ? "Reschedule the meeting" : "Schedule the meeting"}
      </h2>
      <CsrfInput />
      <input type="hidden" name="intent" value="schedule" />
      <FormError message={props.errors?.form} />
      <ScheduleFields defaults={props.defaults} errors={props.errors} />
      <p className="hint" aria-live="polite">
        {`On the agenda: ${props.agendaSize} ${props.agendaSize === 1 ? "criterion" : "criteria"}. ${props.scheduled ? "Choose them in the table below, where the agenda saved with the schedule is ticked." : "Choose them in the table below: by default, where your provisional judgement differs from the school's submitted one."}`}
      </p>
      <FormError message={props.errors?.agendaCriterionIds} />
      <button type="submit" className="button" disabled={props.busy}>
        Save the schedule
      </button>
    </Form>
  );
}
