import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import {
  attachmentDisposition,
  downloadFileName,
  extensionOfContentType,
  loadEvidenceItem,
  openEvidenceFile,
} from "../evidence.server.ts";
import { getSignedIn, notFound } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";

/**
 * Downloads an evidence file, for people who may read its evaluation. Always as an attachment
 * with the type sniffed at upload and `nosniff`, so a browser never renders or runs it in our
 * origin. Anyone else (signed out, another school) gets the same 404 as for a missing item.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  if (!signedIn) throw notFound();
  const { item } = await orNotFound(loadEvidenceItem(signedIn.actor, params.itemId ?? ""));
  if (item.kind !== "file" || !item.contentType) throw notFound();

  const fileName = downloadFileName(
    item.fileName ?? item.title,
    extensionOfContentType(item.contentType),
  );
  const headers = new Headers({
    "Content-Type": item.contentType,
    "Content-Disposition": attachmentDisposition(fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    // Should it ever be displayed anyway, it may load and run nothing.
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (item.size !== null) headers.set("Content-Length", String(item.size));
  if (request.method === "HEAD") return new Response(null, { headers });
  return new Response(createReadableStreamFromReadable(openEvidenceFile(item)), { headers });
}
