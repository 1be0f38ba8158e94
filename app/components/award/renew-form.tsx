import { Form, useNavigation } from "@remix-run/react";
import { CsrfInput } from "../csrf-input.tsx";

/**
 * "Start renewal": posts to the award's renewal route, which starts the next cycle's evaluation
 * pre-filled from the last one and opens it.
 */
export function RenewForm({ awardId, label }: { awardId: string; label?: string }) {
  const navigation = useNavigation();
  const action = `/awards/${awardId}/renew`;
  const busy = navigation.state !== "idle" && navigation.formAction === action;
  return (
    <Form method="post" action={action} className="renew-form">
      <CsrfInput />
      <button type="submit" className="button" disabled={busy} aria-label={label}>
        {busy ? "Starting…" : "Start renewal"}
      </button>
    </Form>
  );
}
