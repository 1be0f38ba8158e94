import { useRouteLoaderData } from "@remix-run/react";
import { useCallback, useRef, useState } from "react";

/**
 * Sending a change of the discussion to the server (app/routes/evaluations_.$evaluationId.
 * discussion.tsx), which checks it, stamps the author and writes the live document; the change
 * then arrives in every open page through the document itself.
 *
 * Plain fetch rather than Remix's useFetcher: a fetcher whose request fails on the network
 * hands the error to the route's error boundary, which replaces the page and with it whatever
 * the person typed, and offline it cannot even discover the route. Here every failure is
 * a message next to the box, and the text stays (docs/decisions/007).
 */
export type PostResult = { ok: true } | { ok: false; message: string; field: string | null };

const OFFLINE =
  "Not sent: you seem to be offline. Your text is kept here: press the button again once you are back online.";

export async function postDiscussion(
  evaluationId: string,
  csrf: string,
  fields: Record<string, string>,
): Promise<PostResult> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  body.set("csrf", csrf);
  let response: Response;
  try {
    response = await fetch(`/evaluations/${encodeURIComponent(evaluationId)}/discussion`, {
      method: "POST",
      body,
      credentials: "same-origin",
      redirect: "manual",
    });
  } catch {
    return { ok: false, message: OFFLINE, field: null };
  }
  if (response.ok) return { ok: true };
  if (response.type === "opaqueredirect")
    return {
      ok: false,
      message:
        "Not sent: you have been signed out. Sign in again in another tab, then press the button again.",
      field: null,
    };
  if (response.status === 404)
    return {
      ok: false,
      message: "Not sent: this evaluation is no longer open to you.",
      field: null,
    };
  const answer = (await response.json().catch(() => null)) as {
    formError?: string | null;
    fieldErrors?: Record<string, string>;
  } | null;
  const [field, message] = Object.entries(answer?.fieldErrors ?? {})[0] ?? [];
  if (message) return { ok: false, message, field };
  if (answer?.formError) return { ok: false, message: answer.formError, field: null };
  return {
    ok: false,
    message: "Not sent: the server had a problem. Press the button again in a moment.",
    field: null,
  };
}

/** The CSRF token every post carries (root loader). */
export function useCsrfToken(): string {
  return useRouteLoaderData<{ csrf: string }>("root")?.csrf ?? "";
}

/**
 * One form's sending state: `send` posts (ignoring a second press while the first is on its
 * way) and resolves true once the server has the change; a refusal or a failure leaves its
 * message in `problem`.
 */
export function useDiscussionPost(evaluationId: string) {
  const csrf = useCsrfToken();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const send = useCallback(
    async (fields: Record<string, string>): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      setSending(true);
      setProblem(null);
      const result = await postDiscussion(evaluationId, csrf, fields);
      busy.current = false;
      setSending(false);
      if (!result.ok) setProblem(result.message);
      return result.ok;
    },
    [evaluationId, csrf],
  );
  return { send, sending, problem, setProblem };
}
