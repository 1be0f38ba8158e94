import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
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
export function securityHeaders(options: { development: boolean }) {
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
        "connect-src": ["'self'", ...(options.development ? ["ws:"] : [])],
        "worker-src": ["'self'", "blob:"],
        "font-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "upgrade-insecure-requests": null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}

/** True when a browser request's Origin (if it sent one) is this very site. */
export function isSameOrigin(req: Pick<IncomingMessage, "headers">): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const host = req.headers["x-forwarded-host"] ?? req.headers.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** First CSRF layer: unsafe requests from another site are refused before Remix sees them. */
export function refuseCrossSite(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || isSameOrigin(req)) return next();
  res.status(403).type("text/plain").send("Cross-site requests are not accepted.");
}
