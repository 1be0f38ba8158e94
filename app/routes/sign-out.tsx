import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { revokeSession } from "../models.server.ts";
import { requireCsrf } from "../utils/csrf.server.ts";
import { sessionCookie, sessionTokenFrom } from "../utils/session.server.ts";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCsrf(request, await request.formData());
  const token = await sessionTokenFrom(request.headers.get("Cookie"));
  // Revoked on the server, so the old cookie is worthless even if it was copied.
  if (token) await revokeSession(token);
  throw redirect("/sign-in", {
    headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) },
  });
}
