import "@remix-run/node";
import type { CollabAccess } from "../collab/access.ts";
import type { ReportRunner } from "../server/reports/runner.ts";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for inline scripts under the Content-Security-Policy (server/security.ts). */
    cspNonce: string;
    /** The client's IP address (behind a proxy only with TRUST_PROXY=true). */
    clientAddress: string;
    /** This request's id, as logged and answered in X-Request-Id (server/request-log.ts). */
    requestId: string;
    /** Live collaborative documents, for actions that read or change them as the server. */
    collab: CollabAccess;
    /** Makes PDF reports off the event loop (server/reports/runner.ts). */
    reports: ReportRunner;
  }
}
