import { TextField } from "../field.tsx";

/** The field for a code from the person's authenticator app, with its error beside it. */
export function AppCodeField({ error }: { error?: string }) {
  return (
    <TextField
      label="Code from your app"
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      required
      hint="6 digits. It changes every 30 seconds."
      error={error}
    />
  );
}
