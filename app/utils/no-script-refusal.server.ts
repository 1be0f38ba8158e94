import { createCookie, redirect } from "@remix-run/node";
import type { ActionResult } from "./form-refusal.server.ts";
import { getEnv } from "./env.server.ts";

// A form posted by a browser without scripts navigates to the action's own address, and a
// refusal answered as data there would show the person raw JSON. Such a refusal goes back to
// the page the form is on instead (303), its message carried for one page view in a short-lived
// signed cookie (signed: no other site or link can put words there), and shown by the form.
// The page's own script (Remix's fetch, `?_data=`) and other clients keep the JSON answer.

/** How long a carried message waits for its page (the redirect is followed at once). */
const CARRIED_FOR_SECONDS = 120;

let cookie: ReturnType<typeof createCookie> | null = null;

function refusalCookie() {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createCookie(env.COOKIE_SECURE ? "__Host-qm_refusal" : "qm_refusal", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.COOKIE_SECURE,
    path: "/",
    secrets: [env.SESSION_SECRET],
    maxAge: CARRIED_FOR_SECONDS,
  });
  return cookie;
}

/**
 * A page's form, posted by a browser navigating (no scripts): it wants a page back, not data.
 * The page's own script posts with fetch, which accepts anything (no text/html asked for).
 */
export function wantsPage(request: Request): boolean {
  return /\btext\/html\b/.test(request.headers.get("accept") ?? "");
}

/** The words of a refusal answered as data: its message for the form, else its first field's. */
async function messageOf(refused: Response): Promise<string> {
  const fallback = "That could not be done. Try again.";
  try {
    const result = (await refused.clone().json()) as ActionResult;
    return result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * Sends the browser back to `to` (303: a GET, so a reload posts nothing again), carrying the
 * refusal's message for the form named `form` (e.g. "submit:<evaluation id>").
 */
export async function backWithRefusal(refused: Response, to: string, form: string) {
  const message = await messageOf(refused);
  return redirect(to, {
    status: 303,
    headers: { "Set-Cookie": await refusalCookie().serialize({ form, message }) },
  });
}

/**
 * The message carried for the form named `form`, if any, and the Set-Cookie value that forgets
 * it (so it shows once). Nothing, and no header, when none waits for this form.
 */
export async function takeRefusal(
  request: Request,
  form: string,
): Promise<{ message: string; forget: string } | null> {
  const value: unknown = await refusalCookie().parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const carried = value as { form?: unknown; message?: unknown };
  if (carried.form !== form || typeof carried.message !== "string") return null;
  return {
    message: carried.message,
    forget: await refusalCookie().serialize("", { maxAge: 0 }),
  };
}

/** The evaluation's submission form, as a carried refusal names it. */
export const submitFormName = (evaluationId: string) => `submit:${evaluationId}`;
