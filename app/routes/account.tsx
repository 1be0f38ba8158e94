import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { formatDay, formatMoment } from "../../models/dates.ts";
import {
  TOKEN_LIFETIMES_DAYS,
  TOKEN_SCOPE_LABELS,
  type TokenScope,
} from "../../models/access-token/rules.ts";
import { trustIdsOf } from "../../models/permissions/can.ts";
import { MIN_PASSWORD_LENGTH } from "../../models/user/password-rules.ts";
import {
  ChangePasswordInput,
  changeOwnPassword,
  createToken,
  revokeToken,
} from "../commands.server.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField, TextField } from "../components/field.tsx";
import { getTrust, getUser, isLiveToken, listAccessTokens } from "../models.server.ts";
import { getSignedIn } from "../utils/auth.server.ts";
import {
  failed,
  fieldsOf,
  parseInput,
  readForm,
  run,
  type ActionResult,
} from "../utils/command.server.ts";
import { limitSignIn, resetSignInLimit } from "../utils/rate-limit.server.ts";

export const meta: MetaFunction = () => [{ title: "Your account · Quality marks" }];

// A new token's secret is on the page that answers its form: no cache may keep it.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

async function requireSignedIn(request: Request) {
  const signedIn = await getSignedIn(request);
  if (!signedIn) throw redirect(`/sign-in?redirectTo=${encodeURIComponent("/account")}`);
  const user = await getUser(signedIn.actor.userId);
  if (!user) throw redirect("/sign-in");
  return { ...signedIn, user };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireSignedIn(request);
  const trusts = (await Promise.all(trustIdsOf(actor).map((trustId) => getTrust(trustId)))).flatMap(
    (trust) => (trust ? [{ id: trust.id, name: trust.name }] : []),
  );
  const trustNames = new Map(trusts.map((t) => [t.id, t.name]));
  const tokens = (await listAccessTokens(user.id)).map((token) => ({
    id: token.id,
    name: token.name,
    hint: token.hint,
    trust: trustNames.get(token.trustId) ?? "A trust you are no longer part of",
    scope: token.scope,
    created: formatDay(token.createdAt),
    expires: formatDay(token.expiresAt),
    lastUsed: token.lastUsedAt ? formatMoment(token.lastUsedAt) : null,
    state: token.revokedAt ? "revoked" : isLiveToken(token) ? "live" : "expired",
  }));
  return json({ name: user.name, email: user.email, trusts, tokens });
}

/** What the token form answers: the secret, this once (never stored, never shown again). */
interface TokenResult extends ActionResult {
  created?: { name: string; secret: string } | null;
}

const DONE = "Your password has been changed. You have been signed out everywhere else.";

const NO_STORE = { "Cache-Control": "no-store" };

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, session, user } = await requireSignedIn(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "createToken") {
    const outcome = await run(
      () => createToken({ actor, collab: context.collab }, fieldsOf(form)),
      "createToken",
    );
    if (outcome instanceof Response) return outcome;
    return json<TokenResult>(
      {
        intent: "createToken",
        formError: null,
        fieldErrors: {},
        done: null,
        created: { name: outcome.token.name, secret: outcome.secret },
      },
      { headers: NO_STORE },
    );
  }
  if (intent === "revokeToken") {
    const outcome = await run(
      () => revokeToken({ actor, collab: context.collab }, fieldsOf(form)),
      "revokeToken",
    );
    if (outcome instanceof Response) return outcome;
    return json<TokenResult>({
      intent: "revokeToken",
      formError: null,
      fieldErrors: {},
      done: `The token “${outcome.name}” has been revoked. Anything using it has been disconnected.`,
    });
  }
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
  const answer = useActionData<TokenResult>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const busy = navigation.state === "submitting" && !submitting;
  const result = answer?.intent ? undefined : answer;
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
      <AccessTokens
        trusts={data.trusts}
        tokens={data.tokens}
        answer={answer?.intent ? answer : undefined}
        submitting={typeof submitting === "string" ? submitting : null}
      />
    </div>
  );
}

type AccountData = ReturnType<typeof useLoaderData<typeof loader>>;

/** Personal access tokens: made here for one's own tools, shown once, listed, revoked (ADR 019). */
function AccessTokens({
  trusts,
  tokens,
  answer,
  submitting,
}: {
  trusts: AccountData["trusts"];
  tokens: AccountData["tokens"];
  answer?: TokenResult;
  submitting: string | null;
}) {
  const created = answer?.intent === "createToken" ? answer.created : null;
  const createErrors = answer?.intent === "createToken" ? (answer.fieldErrors ?? {}) : {};
  const createRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (created) createRef.current?.reset();
  }, [created]);
  return (
    <section className="stack panel" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Personal access tokens</h2>
      <p className="hint">
        A token lets one of your own tools (an import from your MIS, a script, another Yjs editor)
        open the documents you may open in one trust, through the standard y-websocket protocol at{" "}
        <code>/yjs/&lt;document name&gt;</code> with <code>?token=</code> or an{" "}
        <code>Authorization: Bearer</code> header. It can do no more than you can, and a read-only
        token changes nothing. Treat it like a password.
      </p>
      {created ? (
        <div role="status" className="notice stack token-created">
          <p>
            <strong>Your new token “{created.name}”.</strong> Copy it now: it will not be shown
            again.
          </p>
          <TextField
            label="Token"
            name="createdToken"
            readOnly
            value={created.secret}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}
      {answer?.intent === "revokeToken" && answer.done ? (
        <p role="status" className="notice">
          {answer.done}
        </p>
      ) : null}
      {answer?.intent === "revokeToken" ? <FormError message={answer.formError} /> : null}
      {tokens.length === 0 ? (
        <p>You have no tokens yet.</p>
      ) : (
        <ul className="token-list" aria-label="Your tokens">
          {tokens.map((token) => (
            <li key={token.id} className="token-item">
              <h3>{token.name}</h3>
              <dl className="account-details">
                <dt>Trust</dt>
                <dd>{token.trust}</dd>
                <dt>Access</dt>
                <dd>{TOKEN_SCOPE_LABELS[token.scope as TokenScope]}</dd>
                <dt>Starts with</dt>
                <dd>
                  <code>{token.hint}…</code>
                </dd>
                <dt>{token.state === "expired" ? "Expired" : "Expires"}</dt>
                <dd>{token.expires}</dd>
                <dt>Last used</dt>
                <dd>{token.lastUsed ?? "Never"}</dd>
                <dt>Status</dt>
                <dd>
                  {token.state === "live"
                    ? "Active"
                    : token.state === "revoked"
                      ? "Revoked"
                      : "Expired"}
                </dd>
              </dl>
              {token.state === "live" ? (
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="revokeToken" />
                  <input type="hidden" name="tokenId" value={token.id} />
                  <button
                    type="submit"
                    className="button button-danger"
                    disabled={submitting === "revokeToken"}
                    aria-label={`Revoke the token ${token.name}`}
                  >
                    Revoke
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {trusts.length === 0 ? (
        <p>A token opens documents of one of your trusts: you have no role in a trust yet.</p>
      ) : (
        <Form
          method="post"
          className="stack"
          noValidate
          ref={createRef}
          aria-labelledby="new-token-heading"
        >
          <h3 id="new-token-heading">Create a token</h3>
          {answer?.intent === "createToken" ? <FormError message={answer.formError} /> : null}
          <CsrfInput />
          <input type="hidden" name="intent" value="createToken" />
          <TextField
            label="Name"
            name="name"
            required
            maxLength={60}
            hint="What it is for, e.g. “MIS import”."
            error={createErrors.name}
          />
          <SelectField label="Trust" name="trustId" error={createErrors.trustId}>
            {trusts.map((trust) => (
              <option key={trust.id} value={trust.id}>
                {trust.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Access" name="scope" defaultValue="read" error={createErrors.scope}>
            <option value="read">{TOKEN_SCOPE_LABELS.read}</option>
            <option value="readWrite">{TOKEN_SCOPE_LABELS.readWrite}</option>
          </SelectField>
          <SelectField
            label="Expires after"
            name="lifetimeDays"
            defaultValue="30"
            error={createErrors.lifetimeDays}
          >
            {TOKEN_LIFETIMES_DAYS.map((days) => (
              <option key={days} value={days}>
                {days === 365 ? "1 year" : `${days} days`}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" disabled={submitting === "createToken"}>
            {submitting === "createToken" ? "Creating token…" : "Create token"}
          </button>
        </Form>
      )}
    </section>
  );
}
