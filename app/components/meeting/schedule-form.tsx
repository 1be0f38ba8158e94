import { Form } from "@remix-run/react";
import { MEETING_LENGTHS } from "../../../models/validation/meeting-length.ts";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError, SelectField, TextField } from "../field.tsx";

export const SCHEDULE_FORM_ID = "schedule-form";

const lengthLabel = (minutes: number) =>
  minutes % 60 === 0
    ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}`
    : `${Math.floor(minutes / 60)} hour ${minutes % 60} minutes`;

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
}) {
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
      <TextField
        label="Date and time (UK time)"
        name="scheduledAt"
        type="datetime-local"
        defaultValue={props.defaults.scheduledAt}
        error={props.errors?.scheduledAt}
        required
      />
      <SelectField
        label="Length"
        name="durationMinutes"
        defaultValue={String(props.defaults.durationMinutes)}
        error={props.errors?.durationMinutes}
      >
        {MEETING_LENGTHS.map((m) => (
          <option key={m} value={m}>
            {lengthLabel(m)}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Video call link"
        name="videoLink"
        type="url"
        inputMode="url"
        placeholder="https://"
        defaultValue={props.defaults.videoLink}
        error={props.errors?.videoLink}
        hint="The address everyone joins the call at. It must start with https://."
        required
      />
      <p className="hint" aria-live="polite">
        {`On the agenda: ${props.agendaSize} ${props.agendaSize === 1 ? "criterion" : "criteria"}. Choose them in the table below: by default, where your provisional judgement differs from the school's.`}
      </p>
      <FormError message={props.errors?.agendaCriterionIds} />
      <button type="submit" className="button" disabled={props.busy}>
        Save the schedule
      </button>
    </Form>
  );
}
