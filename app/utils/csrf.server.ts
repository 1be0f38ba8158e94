import { randomBytes, timingSafeEqual } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server.ts";
import { FormRefusal } from "./form-refusal.server.ts";

/**
 * CSRF protection, two layers: the server refuses unsafe requests whose Origin is another
 * site (server/security.ts), and every form carries a token that must match a signed,
 * HttpOnly cookie (double submit). The cookie exists before sign-in, so the sign-in form is
 * covered too.
 */
export const CSRF_FIELD = "csrf";

let cookie: ReturnType<typeof createCookie> | null = null;
function csrfCookie() {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createCookie(env.COOKIE_SECURE ? "__Host-qm_csrf" : "qm_csrf", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.COOKIE_SECURE,
    path: "/",
    secrets: [env.SESSION_SECRET],
  });
  return cookie;
}

/** The token for this browser, and a Set-Cookie header when it had none yet. */
export async function csrfToken(
  request: Request,
): Promise<{ token: string; setCookie: string | null }> {
  const existing = await csrfCookie().parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length > 0)
    return { token: existing, setCookie: null };
  const token = randomBytes(24).toString("base64url");
  return { token, setCookie: await csrfCookie().serialize(token) };
}

/** Throws a 403 refusal unless the submitted token matches this browser's cookie. */
export async function requireCsrf(request: Request, form: FormData): Promise<void> {
  const expected = await csrfCookie().parse(request.headers.get("Cookie"));
  const given = form.get(CSRF_FIELD);
  const ok =
    typeof expected === "string" &&
    typeof given === "string" &&
    expected.length === given.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  if (!ok) {
    throw new FormRefusal(
      { formError: "This form has expired. Reload the page and try again." },
      403,
    );
  }
}
