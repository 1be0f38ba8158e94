import { Link, useFetcher } from "@remix-run/react";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError } from "../field.tsx";

/**
 * The confirmation's own buttons: "Start renewal" posts to the award's renewal route, which starts
 * the evaluation and opens it (a redirect); a refusal shows beside the button. Cancel goes back.
 */
export function RenewForm({ awardId, cancelTo }: { awardId: string; cancelTo: string }) {
  const fetcher = useFetcher<{ formError?: string | null }>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action={`/awards/${awardId}/renew`} className="renew-form">
      <CsrfInput />
      <FormError message={fetcher.state === "idle" ? fetcher.data?.formError : null} />
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Starting…" : "Start renewal"}
        </button>{" "}
        <Link to={cancelTo}>Cancel</Link>
      </p>
    </fetcher.Form>
  );
}
