import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  ResetSecondFactorInput,
  previewReset,
  resetSecondFactor,
} from "../components/second-factor/commands.server.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError } from "../components/field.tsx";
import { requireActor } from "../utils/auth.server.ts";
import {
  orNotFound,
  parseInput,
  readForm,
  run,
  type ActionResult,
} from "../utils/command.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Reset two-factor sign-in · Quality marks" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return json(await orNotFound(previewReset(actor, params.userId ?? "")));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const input = parseInput(form, ResetSecondFactorInput, { extra: { userId: params.userId } });
  const result = await run(() => resetSecondFactor({ actor, collab: context.collab }, input));
  if (result instanceof Response) return result;
  const next = result.mustEnrol
    ? "They will set up a new one when they next sign in."
    : "They can sign in with their password, and turn it on again if they wish.";
  return json<ActionResult>({
    done: `${result.name}'s two-factor sign-in was reset and they were signed out everywhere. ${next}`,
  });
}

/** A confirmation page: resetting ends the person's sessions, so it is never one stray click. */
export default function ResetSecondFactor() {
  const { name, hasFactor } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page narrow">
      <Breadcrumbs trail={[{ label: "Trust settings", to: "/trust" }]} />
      <h1>Reset {name}'s two-factor sign-in</h1>
      {result?.done ? (
        <p role="status" className="notice">
          {result.done}
        </p>
      ) : (
        <Form method="post" className="stack">
          <CsrfInput />
          <FormError message={result?.formError} />
          <p>
            {hasFactor
              ? `${name} has two-factor sign-in set up.`
              : `${name} has no two-factor sign-in set up.`}{" "}
            Reset it when they have lost or replaced their phone and have no recovery codes left.
            This removes their authenticator app and recovery codes and signs them out on every
            device. Check it is really them asking before you do.
          </p>
          <button type="submit" className="button" disabled={busy}>
            Reset two-factor sign-in
          </button>
        </Form>
      )}
      <p>
        <Link to="/trust">Back to trust settings</Link>
      </p>
    </div>
  );
}
