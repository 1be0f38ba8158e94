import { useFetcher } from "@remix-run/react";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError } from "../field.tsx";

/**
 * "Start renewal": posts to the award's renewal route, which starts the next cycle's evaluation
 * pre-filled from the last one and opens it (a redirect); a refusal shows beside the button.
 * `of` names the award ("school, mark") where several buttons share a page.
 */
export function RenewForm({ awardId, of }: { awardId: string; of?: string }) {
  const fetcher = useFetcher<{ formError?: string | null }>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action={`/awards/${awardId}/renew`} className="renew-form">
      <CsrfInput />
      <FormError message={fetcher.state === "idle" ? fetcher.data?.formError : null} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Starting…" : "Start renewal"}
        {/* Which award, for screen readers; the name still begins with the visible words. */}
        {of ? <span className="visually-hidden">{` for ${of}`}</span> : null}
      </button>
    </fetcher.Form>
  );
}
