import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, TextField } from "../components/field.tsx";
import { verifyCredentials } from "../models.server.ts";
import { signInStepPath } from "../utils/auth.server.ts";
import { readForm } from "../utils/command.server.ts";
import { parseForm } from "../utils/forms.ts";
import { limitSignIn, resetSignInLimit } from "../utils/rate-limit.server.ts";
import { sessionFrom } from "../utils/session.server.ts";
import { startSignIn } from "../utils/sign-in.server.ts";

export const meta: MetaFunction = () => [{ title: "Sign in · Quality marks" }];

const SignIn = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .email("Enter an email address like name@school.org.uk"),
  password: z.string().min(1, "Enter your password").max(200),
  redirectTo: z.string().optional(),
});

// One message for an unknown email and a wrong password: nobody learns who has an account.
const WRONG = "The email address or password is not right.";

export async function loader({ request }: LoaderFunctionArgs) {
  // Signed in already, or half-way: straight to where they were going, or the step still due.
  const state = await sessionFrom(request);
  if (state?.stage === "complete") throw redirect("/home");
  if (state) {
    const back = new URL(request.url).searchParams.get("redirectTo") ?? "/home";
    throw redirect(signInStepPath(state.stage, back));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(form, SignIn);
  if (parsed.errors) return json({ errors: parsed.errors, formError: null }, { status: 400 });
  const { email, password } = parsed.data;

  const wait = await limitSignIn(context.clientAddress, email);
  if (wait) {
    return json(
      {
        errors: {},
        formError: `Too many attempts. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`,
      },
      { status: 429 },
    );
  }
  const user = await verifyCredentials(email, password);
  if (!user) return json({ errors: {}, formError: WRONG }, { status: 400 });

  await resetSignInLimit(context.clientAddress, email);
  throw await startSignIn(user.id, {
    userAgent: request.headers.get("user-agent") ?? "",
    address: context.clientAddress,
    redirectTo: parsed.data.redirectTo ?? null,
  });
}

export default function SignInPage() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      <p>Sign in to your trust's quality marks workspace.</p>
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <FormError message={result?.formError} />
        <TextField
          label="Email address"
          name="email"
          type="email"
          autoComplete="username"
          required
          error={errors.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? "Signing in…" : "Sign in"}
        </button>
      </Form>
    </div>
  );
}
