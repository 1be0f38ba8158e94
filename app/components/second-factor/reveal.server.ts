import { createCookie } from "@remix-run/node";
import { openSecret, sealSecret } from "../../../models/second-factor/secret-box.ts";
import { getEnv } from "../../utils/env.server.ts";
import { secondFactorKey } from "../../utils/second-factor-key.server.ts";

/**
 * Carries the new recovery codes from the set-up form to the page after it (post, redirect,
 * get), so they are shown without the form being sent again, and only once: the page that
 * shows them clears this cookie. Sealed like the TOTP secret, for this person only, and gone
 * within ten minutes whatever happens.
 */
let cookie: ReturnType<typeof createCookie> | null = null;
function revealCookie() {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createCookie(env.COOKIE_SECURE ? "__Host-qm_recovery_codes" : "qm_recovery_codes", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.COOKIE_SECURE,
    path: "/",
    maxAge: 10 * 60,
    secrets: [env.SESSION_SECRET],
  });
  return cookie;
}

/** Why the codes are new: two-factor sign-in was just set up, or the person replaced them. */
export type RevealedKind = "enrolled" | "replaced";

/** The Set-Cookie header that holds `codes` for the next page. */
export async function revealOnce(
  userId: string,
  codes: string[],
  kind: RevealedKind = "enrolled",
): Promise<string> {
  return revealCookie().serialize(
    sealSecret(secondFactorKey(), userId, JSON.stringify({ codes, kind })),
  );
}

/** The codes held for this person (or null), why, and the header that clears them. */
export async function takeRevealed(
  request: Request,
  userId: string,
): Promise<{ codes: string[]; kind: RevealedKind; clear: string } | null> {
  const sealed = await revealCookie().parse(request.headers.get("Cookie"));
  if (typeof sealed !== "string") return null;
  const clear = await revealCookie().serialize("", { maxAge: 0 });
  try {
    const held: unknown = JSON.parse(openSecret(secondFactorKey(), userId, sealed));
    // A bare list: sealed by the version before `kind` (a set-up).
    if (Array.isArray(held)) return { codes: held.map(String), kind: "enrolled", clear };
    const { codes, kind } = (held ?? {}) as { codes?: unknown; kind?: unknown };
    if (!Array.isArray(codes)) return null;
    return { codes: codes.map(String), kind: kind === "replaced" ? "replaced" : "enrolled", clear };
  } catch {
    return null;
  }
}
