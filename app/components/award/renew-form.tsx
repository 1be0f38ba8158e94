import { useFetcher } from "@remix-run/react";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError } from "../field.tsx";

/**
 * "Start renewal": posts to the award's renewal route, which starts the next cycle's evaluation
 * pre-filled from the last one and opens it (a redirect); a refusal shows beside the button.
 */
export function RenewForm({ awardId, label }: { awardId: string; label?: string }) {
  const fetcher = useFetcher<{ formError?: string | null }>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action={`/awards/${awardId}/renew`} className="renew-form">
      <CsrfInput />
      <FormError message={fetcher.state === "idle" ? fetcher.data?.formError : null} />
      <button type="submit" className="button" disabled={busy} aria-label={label}>
        {busy ? "Starting…" : "Start renewal"}
      </button>
    </fetcher.Form>
  );
}
