import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatMoment } from "../../models/dates.ts";
import {
  EnrolSecondFactorInput,
  ReplaceRecoveryCodesInput,
  enrolSecondFactor,
  replaceOwnRecoveryCodes,
} from "../components/second-factor/commands.server.ts";
import { NewRecoveryCodesForm } from "../components/second-factor/new-recovery-codes-form.tsx";
import { RecoveryCodes } from "../components/second-factor/recovery-codes.tsx";
import { setUpPage } from "../components/second-factor/set-up.server.ts";
import { SetUpForm } from "../components/second-factor/set-up-form.tsx";
import { SignOutButton } from "../components/second-factor/sign-out-button.tsx";
import styles from "../styles/two-factor.css";
import { safeRedirect, signInStepPath } from "../utils/auth.server.ts";
import { failed, parseInput, readForm, run, type ActionResult } from "../utils/command.server.ts";
import { limitSecondFactor, resetSecondFactorLimit } from "../utils/second-factor-limit.server.ts";
import { sessionFrom, type SessionState } from "../utils/session.server.ts";
import { finishSignIn } from "../utils/sign-in.server.ts";
import { revealOnce, takeRevealed } from "../components/second-factor/reveal.server.ts";

export const meta: MetaFunction = () => [{ title: "Two-factor sign-in · Quality marks" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/**
 * Signed-in people, and people whose roles require a second factor they have not set up yet
 * (the only page such a session may reach). A session still owing a code goes to enter it.
 */
async function mayUse(request: Request): Promise<SessionState> {
  const url = new URL(request.url);
  const state = await sessionFrom(request);
  if (!state) throw redirect(signInStepPath(null, `${url.pathname}${url.search}`));
  if (state.stage === "secondFactor") {
    throw redirect(
      signInStepPath("secondFactor", safeRedirect(url.searchParams.get("redirectTo"), "/home")),
    );
  }
  return state;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const state = await mayUse(request);
  const next = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/home");
  // Just set up: the recovery codes, this once.
  const revealed = await takeRevealed(request, state.actor.userId);
  if (revealed) {
    return json(
      {
        recoveryCodes: revealed.codes,
        revealedKind: revealed.kind,
        next,
        page: null,
        mustEnrol: false,
      },
      { headers: { "Set-Cookie": revealed.clear } },
    );
  }
  return json({
    recoveryCodes: null,
    revealedKind: null,
    next,
    page: await setUpPage(state.actor),
    mustEnrol: state.stage === "enrol",
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const state = await mayUse(request);
  const form = await readForm(request);
  const ctx = { actor: state.actor, collab: context.collab };
  const replacing = form.get("intent") === NEW_RECOVERY_CODES;
  const intent = replacing ? NEW_RECOVERY_CODES : undefined;
  const input = parseInput(form, replacing ? ReplaceRecoveryCodesInput : EnrolSecondFactorInput, {
    intent,
  });
  const wait = await limitSecondFactor(context.clientAddress, state.actor.userId);
  if (wait) {
    return failed(
      {
        intent,
        formError: `Too many attempts. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`,
      },
      429,
    );
  }
  const self = new URL(request.url).pathname + new URL(request.url).search;
  if (replacing) {
    const made = await run(() => replaceOwnRecoveryCodes(ctx, input), intent);
    if (made instanceof Response) return made;
    await resetSecondFactorLimit(context.clientAddress, state.actor.userId);
    const cookie = await revealOnce(state.actor.userId, made.recoveryCodes, "replaced");
    throw redirect(self, { headers: { "Set-Cookie": cookie } });
  }
  const result = await run(() => enrolSecondFactor(ctx, input));
  if (result instanceof Response) return result;
  await resetSecondFactorLimit(context.clientAddress, state.actor.userId);
  // A fresh session that has passed the factor; for someone made to set it up, this is the
  // moment they are signed in.
  const cookie = await finishSignIn(
    context.collab,
    state.actor.userId,
    state.token,
    { userAgent: request.headers.get("user-agent") ?? "", address: context.clientAddress },
    state.stage === "enrol" ? "enrolled" : null,
  );
  // Post, redirect, get: the codes travel in a sealed cookie the next page clears.
  const headers = new Headers({ "Set-Cookie": cookie });
  headers.append("Set-Cookie", await revealOnce(state.actor.userId, result.recoveryCodes));
  throw redirect(self, { headers });
}

/** The intent of the form that makes a new set of recovery codes. */
const NEW_RECOVERY_CODES = "newRecoveryCodes";

export default function TwoFactor() {
  const { page, mustEnrol, recoveryCodes, revealedKind, next } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const [params] = useSearchParams();
  const query = params.get("redirectTo")
    ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}`
    : "";
  return (
    <div className="page narrow">
      <h1>Two-factor sign-in</h1>
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} next={next} kind={revealedKind ?? "enrolled"} />
      ) : page?.kind === "on" ? (
        <section className="stack">
          <p role="status" className="notice">
            Two-factor sign-in is on (set up {formatMoment(page.enrolledAt)}).
          </p>
          <p>
            {`${page.recoveryCodesLeft} of ${page.of} recovery codes are left.`} If you lose your
            phone, sign in with a recovery code, then ask your trust's admin to reset your
            two-factor sign-in so you can set up a new phone.
          </p>
          <NewRecoveryCodesForm
            intent={NEW_RECOVERY_CODES}
            action={`/account/two-factor${query}`}
            formError={result?.intent === NEW_RECOVERY_CODES ? result.formError : undefined}
            codeError={result?.intent === NEW_RECOVERY_CODES ? result.fieldErrors?.code : undefined}
          />
          <p>
            <Link to="/home">Back to your schools</Link>
          </p>
        </section>
      ) : page ? (
        <>
          {mustEnrol ? (
            <p className="notice">
              Your role lets you see many schools' information, so your account needs a second step
              when you sign in: a code from an app on your phone. Set it up now to continue.
            </p>
          ) : (
            <p>
              {page.required
                ? "Your role needs a second step when you sign in: a code from an app on your phone."
                : "Add a second step when you sign in: a code from an app on your phone. Someone who learns your password still cannot sign in as you."}
            </p>
          )}
          <SetUpForm
            qrCode={page.qrCode}
            secret={page.secret}
            account={page.account}
            action={`/account/two-factor${query}`}
            formError={result?.intent ? undefined : result?.formError}
            codeError={result?.intent ? undefined : result?.fieldErrors?.code}
          />
          {mustEnrol ? <SignOutButton /> : null}
        </>
      ) : null}
    </div>
  );
}
