import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for inline scripts under the Content-Security-Policy (server/security.ts). */
    cspNonce: string;
    /** The client's IP address (behind a proxy only with TRUST_PROXY=true). */
    clientAddress: string;
  }
}
