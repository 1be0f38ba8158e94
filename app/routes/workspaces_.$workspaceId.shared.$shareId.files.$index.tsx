import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSignedIn, notFound } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { fileResponse } from "../utils/file-download.server.ts";
import { sharedEvidenceFileOf } from "../workspace.server.ts";

/**
 * Downloads a file of evidence a school shared with a criterion into a joint workspace: the copy
 * made when it was shared, for people who may read the workspace (the policy's `read`), until
 * the school withdraws the share. Always an attachment with the sniffed type and `nosniff`,
 * like evidence files. Anyone else, and everyone after a withdrawal, gets 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  if (!signedIn) throw notFound();
  const file = await orNotFound(
    sharedEvidenceFileOf(
      signedIn.actor,
      params.workspaceId ?? "",
      params.shareId ?? "",
      params.index ?? "",
    ),
  );
  return fileResponse(request, file);
}
