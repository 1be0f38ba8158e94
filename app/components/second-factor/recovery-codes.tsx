import { Link } from "@remix-run/react";
import type { RevealedKind } from "./reveal.server.ts";

/**
 * The recovery codes, shown this once after setting up (`enrolled`) or making a new set
 * (`replaced`), with where to go next.
 */
export function RecoveryCodes({
  codes,
  next,
  kind = "enrolled",
}: {
  codes: string[];
  next: string;
  kind?: RevealedKind;
}) {
  return (
    <section aria-labelledby="recovery-heading" className="stack set-up-done">
      <p role="status" className="notice">
        {kind === "replaced"
          ? "New recovery codes are ready. Your old ones no longer work."
          : "Two-factor sign-in is on. From now on you will enter a code from your app after your password."}
      </p>
      <h2 id="recovery-heading">Your recovery codes</h2>
      <p>
        If you lose your phone, sign in with one of these instead of a code from the app. Each works
        once. <strong>This is the only time they are shown</strong>: copy them into a password
        manager or print this page, and keep them safe.
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <Link to={next} className="button">
          Continue
        </Link>
      </p>
    </section>
  );
}
