import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

/** A fresh nonce per response, for Remix's inline scripts under the CSP. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

/**
 * Security headers with a CSP that TipTap (ProseMirror's inline styles) and tldraw (inline
 * styles, blob/data images, web workers) can live with; scripts only from us or with the nonce.
 */
export function securityHeaders(options: {
  development: boolean;
  /** Other origins the browser talks to (Liveblocks' HTTP and WebSocket addresses, ADR 021). */
  connectTo?: string[];
}) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "script-src": [
          "'self'",
          (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`,
          ...(options.development ? ["'unsafe-eval'"] : []),
        ],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": [
          "'self'",
          ...(options.development ? ["ws:"] : []),
          ...(options.connectTo ?? []),
        ],
        "worker-src": ["'self'", "blob:"],
        "font-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "upgrade-insecure-requests": null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Cross-Origin-Opener-Policy stays helmet's `same-origin`, although a new tab opening one of
    // our pages then waits for a renderer process of its own (ADR 043).
    crossOriginOpenerPolicy: { policy: "same-origin" },
    // Addresses (which name schools and evaluations) never leave for other sites; our own pages
    // still get theirs. Helmet's default, no-referrer, also makes a browser's own form post
    // (a page whose scripts have not run) say `Origin: null`, which refuseCrossSite refuses.
    referrerPolicy: { policy: "same-origin" },
  });
}

export interface OriginPolicy {
  /** TRUST_PROXY: one proxy in front of us sets X-Forwarded-Host and X-Forwarded-Proto. */
  trustProxy: boolean;
}

// With one trusted proxy, the last value is the one it set; earlier ones came from the client.
function lastValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.at(-1) : header;
  const last = value?.split(",").at(-1)?.trim();
  return last || undefined;
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * This server's own origin (scheme, host and port) as the browser sees it: the Host header
 * and whether the connection is TLS, or what the one trusted proxy says when TRUST_PROXY is on.
 * Null when the request does not say enough to tell.
 */
export function ownOrigin(
  req: Pick<IncomingMessage, "headers" | "socket">,
  policy: OriginPolicy,
): string | null {
  const forwardedHost = policy.trustProxy ? lastValue(req.headers["x-forwarded-host"]) : undefined;
  const forwardedProto = policy.trustProxy
    ? lastValue(req.headers["x-forwarded-proto"])?.toLowerCase()
    : undefined;
  const host = forwardedHost ?? req.headers.host;
  const scheme = forwardedProto ?? ((req.socket as TLSSocket).encrypted ? "https" : "http");
  if (!host || !HOST.test(host) || (scheme !== "http" && scheme !== "https")) return null;
  return new URL(`${scheme}://${host}`).origin;
}

/**
 * True when a browser request's Origin (if it sent one) is this very site: the same scheme,
 * host and port. X-Forwarded-* count only behind a trusted proxy; anyone can send them.
 */
export function isSameOrigin(
  req: Pick<IncomingMessage, "headers" | "socket">,
  policy: OriginPolicy,
): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const own = ownOrigin(req, policy);
  try {
    return own !== null && new URL(origin).origin === own;
  } catch {
    return false;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** First CSRF layer: unsafe requests from another site are refused before Remix sees them. */
export function refuseCrossSite(policy: OriginPolicy) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || isSameOrigin(req, policy)) return next();
    res.status(403).type("text/plain").send("Cross-site requests are not accepted.");
  };
}
