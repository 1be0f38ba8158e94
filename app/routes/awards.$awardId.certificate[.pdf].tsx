import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  attachmentDisposition,
  certificateOf,
  loadAward,
  renderCertificatePdf,
  todayInEngland,
} from "../award.server.ts";
import { getSignedIn, notFound } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";

/**
 * The certificate as a PDF download, for the same people as the certificate page. Anyone else,
 * signed in or not, gets the same 404 as for a missing award (a download link has no sign-in
 * page to come back to).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  if (!signedIn) throw notFound();
  const { award } = await orNotFound(loadAward(signedIn.actor, params.awardId ?? ""));
  const { certificate } = await certificateOf(award, new URL(request.url).origin, todayInEngland());
  // A copy typed on a plain ArrayBuffer, as the fetch Response wants.
  const pdf = new Uint8Array(await renderCertificatePdf(certificate));
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentDisposition(
        `${certificate.markName} certificate - ${certificate.schoolName}.pdf`,
      ),
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
