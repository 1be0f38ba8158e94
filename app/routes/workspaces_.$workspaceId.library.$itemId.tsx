import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSignedIn, notFound } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { fileResponse } from "../utils/file-download.server.ts";
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
  return fileResponse(request, file);
}
