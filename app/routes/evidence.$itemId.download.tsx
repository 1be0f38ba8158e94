import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  attachmentDisposition,
  downloadFileName,
  extensionOfContentType,
  loadEvidenceItem,
  openEvidenceFile,
} from "../evidence.server.ts";
import { getSignedIn, notFound } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { fileResponse } from "../utils/file-download.server.ts";

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
  return fileResponse(request, {
    contentType: item.contentType,
    disposition: attachmentDisposition(fileName),
    size: item.size,
    open: () => openEvidenceFile(item),
  });
}
