import { MEETING_LENGTHS } from "../../../models/meeting/length.ts";
import { SelectField, TextField } from "../field.tsx";

export const lengthLabel = (minutes: number) =>
  minutes % 60 === 0
    ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}`
    : `${Math.floor(minutes / 60)} hour ${minutes % 60} minutes`;

/**
 * The fields every meeting's schedule form has (ADR 022): date and time (UK time), length and
 * the video call's link, with their errors beside them (`MeetingTimeInput` reads them).
 */
export function ScheduleFields(props: {
  defaults: { scheduledAt: string; videoLink: string; durationMinutes: number };
  errors: Record<string, string | undefined> | null;
}) {
  return (
    <>
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
    </>
  );
}
