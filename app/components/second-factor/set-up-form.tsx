import { Form, useNavigation } from "@remix-run/react";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError, TextField } from "../field.tsx";
import { AppCodeField } from "./app-code-field.tsx";

/** Step by step: scan (or type the key), then prove it with the first code the app shows. */
export function SetUpForm({
  qrCode,
  secret,
  account,
  action,
  formError,
  codeError,
}: {
  qrCode: string;
  secret: string;
  account: string;
  action: string;
  formError?: string | null;
  codeError?: string;
}) {
  const submitting = useNavigation().state === "submitting";
  return (
    <ol className="set-up-steps">
      <li>
        <h2>Add Quality marks to an authenticator app</h2>
        <p>
          Use any authenticator app, for example Microsoft Authenticator, Google Authenticator or a
          password manager. Scan this QR code with it:
        </p>
        <img
          className="qr-code"
          src={qrCode}
          width={200}
          height={200}
          alt={`QR code to add Quality marks (${account}) to an authenticator app`}
        />
        <TextField
          label="Or type this set-up key into the app"
          name="setUpKey"
          readOnly
          value={secret}
          hint="Choose a time-based key if the app asks. Spaces do not matter."
          className="set-up-key"
        />
      </li>
      <li>
        <h2>Enter the code the app shows</h2>
        <Form method="post" action={action} className="stack" noValidate>
          <CsrfInput />
          <FormError message={formError} />
          <AppCodeField error={codeError} />
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? "Checking…" : "Turn on two-factor sign-in"}
          </button>
        </Form>
      </li>
    </ol>
  );
}
