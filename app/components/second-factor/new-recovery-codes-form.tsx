import { Form, useNavigation } from "@remix-run/react";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError } from "../field.tsx";
import { AppCodeField } from "./app-code-field.tsx";

/**
 * For someone with two-factor sign-in on: a new set of recovery codes (they used some, or lost
 * the sheet), once they prove a code from their app. The old set stops working.
 */
export function NewRecoveryCodesForm({
  intent,
  action,
  formError,
  codeError,
}: {
  intent: string;
  action: string;
  formError?: string | null;
  codeError?: string;
}) {
  const navigation = useNavigation();
  const submitting =
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <section aria-labelledby="new-codes-heading" className="stack">
      <h2 id="new-codes-heading">New recovery codes</h2>
      <p>
        Used some of your recovery codes, or lost them? Make a new set: the old ones stop working at
        once.
      </p>
      <Form method="post" action={action} className="stack" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value={intent} />
        <FormError message={formError} />
        <AppCodeField error={codeError} />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? "Checking…" : "Make new recovery codes"}
        </button>
      </Form>
    </section>
  );
}
