import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "../commands.server.ts";
import { getSignedIn } from "../utils/auth.server.ts";
import { readForm } from "../utils/command.server.ts";
import { sessionCookie } from "../utils/session.server.ts";

export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request);
  const signedIn = await getSignedIn(request);
  // Revoked on the server, so the old cookie is worthless even if it was copied, and every
  // collaboration socket opened with it (other tabs too) is closed at once.
  if (signedIn) {
    await signOut(
      { actor: signedIn.actor, collab: context.collab },
      { sessionId: signedIn.session.id },
    );
  }
  throw redirect("/sign-in", {
    headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) },
  });
}
