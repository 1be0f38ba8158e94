import "@remix-run/node";
import type { CollabAccess } from "../collab/access.ts";
import type { LiveblocksBackend } from "../collab/liveblocks/backend.ts";
import type { CollabBackendChoice } from "../collab/liveblocks/settings.ts";
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
    /** The Liveblocks backend when COLLAB_BACKEND=liveblocks (ADR 021), else null. */
    liveblocks: LiveblocksBackend | null;
    /** Which backend the browser's room connects to (handed to the browser by the root loader). */
    collabBackend: CollabBackendChoice;
    /** Makes PDF reports off the event loop (server/reports/runner.ts). */
    reports: ReportRunner;
  }
}
