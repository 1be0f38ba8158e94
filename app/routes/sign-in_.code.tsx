import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import {
  VerifySecondFactorInput,
  verifySecondFactor,
} from "../components/second-factor/commands.server.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, TextField } from "../components/field.tsx";
import { SignOutButton } from "../components/second-factor/sign-out-button.tsx";
import { safeRedirect, signInStepPath } from "../utils/auth.server.ts";
import { failed, parseInput, readForm, run, type ActionResult } from "../utils/command.server.ts";
import { limitSecondFactor, resetSecondFactorLimit } from "../utils/second-factor-limit.server.ts";
import { sessionFrom, type SessionState } from "../utils/session.server.ts";
import { finishSignIn } from "../utils/sign-in.server.ts";

export const meta: MetaFunction = () => [{ title: "Enter your code · Quality marks" }];

/** Only a session waiting for its code may be here; any other is sent where it belongs. */
async function awaitingCode(request: Request): Promise<SessionState> {
  const state = await sessionFrom(request);
  const back = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/home");
  if (!state) throw redirect("/sign-in");
  if (state.stage === "complete") throw redirect(back);
  if (state.stage === "enrol") throw redirect(signInStepPath("enrol", back));
  return state;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const state = await awaitingCode(request);
  return json({ name: state.actor.name });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const state = await awaitingCode(request);
  const form = await readForm(request);
  const input = parseInput(form, VerifySecondFactorInput, {
    extra: { address: context.clientAddress },
  });
  const wait = await limitSecondFactor(context.clientAddress, state.actor.userId);
  if (wait) {
    return failed(
      { formError: `Too many attempts. Try again in ${wait} minute${wait === 1 ? "" : "s"}.` },
      429,
    );
  }
  const result = await run(() =>
    verifySecondFactor({ actor: state.actor, collab: context.collab }, input),
  );
  if (result instanceof Response) return result;
  await resetSecondFactorLimit(context.clientAddress, state.actor.userId);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  const cookie = await finishSignIn(
    context.collab,
    state.actor.userId,
    state.token,
    { userAgent: request.headers.get("user-agent") ?? "", address: context.clientAddress },
    result.method,
  );
  throw redirect(safeRedirect(redirectTo, "/home"), { headers: { "Set-Cookie": cookie } });
}

export default function EnterCode() {
  const { name } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const [params] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  const query = params.get("redirectTo")
    ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}`
    : "";
  return (
    <div className="page narrow">
      <h1>Enter your code</h1>
      <p>
        {name}, your account has two-factor sign-in. Open your authenticator app and enter the code
        it shows for Quality marks.
      </p>
      <Form method="post" action={`/sign-in/code${query}`} className="stack" noValidate>
        <CsrfInput />
        <FormError message={result?.formError} />
        <TextField
          label="Code"
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint="The 6-digit code from your app. Lost your phone? Enter one of your recovery codes instead."
          error={result?.fieldErrors?.code}
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? "Checking…" : "Continue"}
        </button>
      </Form>
      <p>No app and no recovery codes? Ask your trust's admin to reset your two-factor sign-in.</p>
      <SignOutButton />
    </div>
  );
}
