import { redirect } from "@remix-run/node";
import type { Actor } from "../../models/permissions/roles.ts";
import { signedInFrom, type SignedIn } from "./session.server.ts";

export { safeRedirect } from "./safe-redirect.ts";

export async function getSignedIn(request: Request): Promise<SignedIn | null> {
  return signedInFrom(request.headers.get("Cookie"));
}

/** The signed-in person, or a redirect to sign in that comes back here afterwards. */
export async function requireActor(request: Request): Promise<Actor> {
  const signedIn = await getSignedIn(request);
  if (signedIn) return signedIn.actor;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/sign-in?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * The one answer for "not there" and "not yours": a 404, so nobody can learn what exists in
 * another school by trying ids.
 */
export function notFound(): Response {
  return new Response("Not found", { status: 404, statusText: "Not Found" });
}
