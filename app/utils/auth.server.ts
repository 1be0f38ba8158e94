import { redirect } from "@remix-run/node";
import type { Actor } from "../../models/permissions/roles.ts";
import type { SignInStage } from "../../models/permissions/second-factor.ts";
import { sessionFrom, signedInFrom, type SignedIn } from "./session.server.ts";

export { safeRedirect } from "./safe-redirect.ts";

export async function getSignedIn(request: Request): Promise<SignedIn | null> {
  return signedInFrom(request);
}

/** The page that finishes signing in from `stage`, coming back to `back` afterwards. */
export function signInStepPath(stage: Exclude<SignInStage, "complete"> | null, back: string) {
  const query = back && back !== "/home" ? `?redirectTo=${encodeURIComponent(back)}` : "";
  if (stage === "secondFactor") return `/sign-in/code${query}`;
  if (stage === "enrol") return `/account/two-factor${query}`;
  return `/sign-in${back ? `?redirectTo=${encodeURIComponent(back)}` : ""}`;
}

/**
 * The signed-in person, or a redirect that comes back here afterwards: to sign in, or to the
 * step still due (a code, or setting up a second factor) for a session that is not complete.
 */
export async function requireActor(request: Request): Promise<Actor> {
  const state = await sessionFrom(request);
  if (state?.stage === "complete") return state.actor;
  const url = new URL(request.url);
  throw redirect(signInStepPath(state?.stage ?? null, `${url.pathname}${url.search}`));
}

/**
 * The one answer for "not there" and "not yours": a 404, so nobody can learn what exists in
 * another school by trying ids.
 */
export function notFound(): Response {
  return new Response("Not found", { status: 404, statusText: "Not Found" });
}
