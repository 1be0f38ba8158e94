import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { MIN_PASSWORD_LENGTH } from "../../models/user/password-rules.ts";
import { ChangePasswordInput, changeOwnPassword } from "../commands.server.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, TextField } from "../components/field.tsx";
import { getUser } from "../models.server.ts";
import { getSignedIn } from "../utils/auth.server.ts";
import { failed, parseInput, readForm, run, type ActionResult } from "../utils/command.server.ts";
import { limitSignIn, resetSignInLimit } from "../utils/rate-limit.server.ts";

export const meta: MetaFunction = () => [{ title: "Your account · Quality marks" }];

async function requireSignedIn(request: Request) {
  const signedIn = await getSignedIn(request);
  if (!signedIn) throw redirect(`/sign-in?redirectTo=${encodeURIComponent("/account")}`);
  const user = await getUser(signedIn.actor.userId);
  if (!user) throw redirect("/sign-in");
  return { ...signedIn, user };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request);
  return json({ name: user.name, email: user.email });
}

const DONE = "Your password has been changed. You have been signed out everywhere else.";

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, session, user } = await requireSignedIn(request);
  const form = await readForm(request);
  const input = parseInput(form, ChangePasswordInput, { extra: { sessionId: session.id } });
  // Each wrong current password counts as a sign-in attempt: a borrowed session must not
  // become a way round the sign-in limit to guess the password.
  const wait = await limitSignIn(context.clientAddress, user.email);
  if (wait) {
    const plural = wait === 1 ? "" : "s";
    return failed({ formError: `Too many attempts. Try again in ${wait} minute${plural}.` }, 429);
  }
  const outcome = await run(() => changeOwnPassword({ actor, collab: context.collab }, input));
  if (outcome instanceof Response) return outcome;
  await resetSignInLimit(context.clientAddress, user.email);
  return json<ActionResult>({ formError: null, fieldErrors: {}, done: DONE });
}

export default function Account() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  // Passwords do not stay on the page once they have done their job.
  useEffect(() => {
    if (result?.done) formRef.current?.reset();
  }, [result]);
  return (
    <div className="page narrow">
      <h1>Your account</h1>
      <dl className="account-details">
        <dt>Name</dt>
        <dd>{data.name}</dd>
        <dt>Email address</dt>
        <dd>{data.email}</dd>
      </dl>
      <Form
        method="post"
        className="stack panel"
        noValidate
        ref={formRef}
        aria-labelledby="password-heading"
      >
        <h2 id="password-heading">Change your password</h2>
        <p className="hint">
          Changing it signs you out on every other browser and device. You stay signed in here.
        </p>
        {result?.done ? (
          <p role="status" className="notice">
            {result.done}
          </p>
        ) : null}
        <FormError message={result?.formError} />
        <CsrfInput />
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
          error={errors.newPassword}
        />
        <TextField
          label="New password again"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={errors.confirmPassword}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Changing password…" : "Change password"}
        </button>
      </Form>
    </div>
  );
}
