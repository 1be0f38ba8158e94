import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { RequestHandler } from "express";

const gzipAsync = promisify(gzip);

/** Text the browser loads from the build (scripts, styles, their maps, icons): worth compressing. */
const COMPRESSIBLE = new Set([".js", ".css", ".map", ".json", ".svg", ".txt"]);
/** Larger files are left to express.static (streamed, compressed per request). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** The build is a few megabytes; this bounds the cache if it ever grows far beyond that. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

interface Compressed {
  /** The file's version it was made from: a rebuild (remix dev) replaces it. */
  version: string;
  body: Buffer;
  lastModified: string;
}

/**
 * Serves the built assets (`public/build`) gzipped from memory, compressing each file once.
 * Their names carry a content hash, so every page view asks for the same few files: compressing
 * them again on each request (as `compression()` would) cost an opening page tens of
 * milliseconds per script while the browser waited (issue 12, bench:open). Anything this does
 * not take (a browser that does not accept gzip, other files, a file too large) falls through
 * to express.static after it.
 */
export function serveCompressedBuild(dir: string, maxAgeSeconds: number): RequestHandler {
  const root = path.resolve(dir);
  const cache = new Map<string, Promise<Compressed | null>>();
  let cachedBytes = 0;

  async function compressed(file: string): Promise<Compressed | null> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.size > MAX_FILE_BYTES) return null;
    const version = `${info.size}-${info.mtimeMs}`;
    const cached = await cache.get(file);
    if (cached?.version === version) return cached;
    if (cachedBytes > MAX_CACHE_BYTES) return null;
    const made = readFile(file)
      .then((raw) => gzipAsync(raw))
      .then((body) => {
        cachedBytes += body.length;
        return { version, body, lastModified: info.mtime.toUTCString() };
      })
      .catch(() => null);
    cache.set(file, made);
    return made;
  }

  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.join(root, relative);
    if (!file.startsWith(root + path.sep) || !COMPRESSIBLE.has(path.extname(file))) return next();
    if (req.acceptsEncodings("gzip") !== "gzip") return next();
    compressed(file).then((found) => {
      if (!found) return next();
      res.type(path.extname(file));
      res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Content-Length", found.body.length);
      res.setHeader("Vary", "Accept-Encoding");
      res.setHeader("Last-Modified", found.lastModified);
      res.setHeader("Cache-Control", `public, max-age=${maxAgeSeconds}, immutable`);
      if (req.method === "HEAD") return void res.end();
      res.end(found.body);
    }, next);
  };
}
