import type { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";

/** A stored file, ready to be sent: its sniffed type, how it is offered, its size and bytes. */
export interface DownloadableFile {
  contentType: string;
  /** The `Content-Disposition` header: always an attachment (see attachmentDisposition). */
  disposition: string;
  size: number | null;
  open(): Readable;
}

/**
 * The response for a file someone uploaded (evidence, a library file, a shared copy): always an
 * attachment with the type sniffed at upload and `nosniff`, never cached, and under a policy
 * that loads and runs nothing should a browser display it anyway; headers only for HEAD.
 */
export function fileResponse(request: Request, file: DownloadableFile): Response {
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Content-Disposition": file.disposition,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (file.size !== null) headers.set("Content-Length", String(file.size));
  if (request.method === "HEAD") return new Response(null, { headers });
  return new Response(createReadableStreamFromReadable(file.open()), { headers });
}
