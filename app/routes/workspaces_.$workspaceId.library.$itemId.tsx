import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { getSignedIn, notFound } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { libraryFileOf } from "../workspace.server.ts";

/**
 * Downloads a practice-library file, for people who may read the workspace: always as an
 * attachment with the sniffed type and `nosniff`, like evidence files. Anyone else gets 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  if (!signedIn) throw notFound();
  const file = await orNotFound(
    libraryFileOf(signedIn.actor, params.workspaceId ?? "", params.itemId ?? ""),
  );
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Content-Disposition": file.disposition,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Content-Length": String(file.size),
  });
  if (request.method === "HEAD") return new Response(null, { headers });
  return new Response(createReadableStreamFromReadable(file.open()), { headers });
}
