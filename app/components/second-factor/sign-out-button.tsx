import { Form } from "@remix-run/react";
import { CsrfInput } from "../csrf-input.tsx";

/** A way out of a half-finished sign-in (the site header offers none until it is finished). */
export function SignOutButton() {
  return (
    <Form method="post" action="/sign-out">
      <CsrfInput />
      <button type="submit" className="button-link">
        Sign out and use another account
      </button>
    </Form>
  );
}
