import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import accepts from "accepts";

const gzipAsync = promisify(gzip);

/** What is answered here, and as what; anything else goes on to Express. */
const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};
/** Larger files go on to Express (express.static streams them). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** The build is a few megabytes; this bounds the cache if it ever grows far beyond that. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

interface Asset {
  /** The file's version it was read at (size and time), for `recheck`. */
  version: string;
  plain: Buffer;
  gzipped: Buffer;
  headers: Record<string, string>;
}

/**
 * Answers the built scripts and styles (`public/build`, e.g. `/build/_shared/chunk-X.js`) from
 * memory, read and gzipped once, before Express sees the request. An opening page asks for
 * forty-odd of them: through Express, the request log, the page's security headers and
 * compression, each cost the server about a millisecond of CPU (a stat, a log line, two
 * random ids, a dozen headers; measured with 2,150 requests), which an opening page waited for.
 * They carry their own headers instead: their type with `nosniff`, same-origin only, cached
 * for good (their names carry a content hash, so a changed file has a new name). Not logged:
 * a page's request line says it was opened. Anything not found here (another file, a missing
 * one, a name that climbs out of the folder) goes on to `next`, the full chain.
 *
 * `recheck` (development): look at the file on every request and read it again if it changed.
 */
export function builtAssets(
  dir: string,
  options: { prefix: string; maxAgeSeconds: number; recheck: boolean },
) {
  const root = path.resolve(dir);
  const cache = new Map<string, Promise<Asset | null>>();
  let cachedBytes = 0;

  async function read(file: string, known: Asset | null): Promise<Asset | null> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.size > MAX_FILE_BYTES) return null;
    const version = `${info.size}-${info.mtimeMs}`;
    if (known?.version === version) return known;
    if (cachedBytes > MAX_CACHE_BYTES) return null;
    const plain = await readFile(file);
    const gzipped = await gzipAsync(plain);
    cachedBytes += plain.length + gzipped.length;
    return {
      version,
      plain,
      gzipped,
      headers: {
        "Content-Type": TYPES[path.extname(file)],
        "Cache-Control": `public, max-age=${options.maxAgeSeconds}, immutable`,
        "Last-Modified": info.mtime.toUTCString(),
        Vary: "Accept-Encoding",
        "X-Content-Type-Options": "nosniff",
        "Cross-Origin-Resource-Policy": "same-origin",
      },
    };
  }

  function asset(file: string): Promise<Asset | null> {
    const cached = cache.get(file);
    if (cached && !options.recheck) return cached;
    const reading = (cached ?? Promise.resolve(null))
      .then((known) => read(file, known))
      .catch(() => null);
    cache.set(file, reading);
    // Nothing there (yet): look again next time rather than remember the miss.
    void reading.then((found) => {
      if (!found && cache.get(file) === reading) cache.delete(file);
    });
    return reading;
  }

  /** The file a request names inside the build folder, or null when it is not ours to answer. */
  function fileOf(req: IncomingMessage): string | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const url = req.url ?? "";
    if (!url.startsWith(options.prefix)) return null;
    const end = url.search(/[?#]/);
    let relative: string;
    try {
      relative = decodeURIComponent(url.slice(options.prefix.length, end < 0 ? undefined : end));
    } catch {
      return null;
    }
    const file = path.join(root, relative);
    if (!file.startsWith(root + path.sep) || !(path.extname(file) in TYPES)) return null;
    return file;
  }

  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const file = fileOf(req);
    if (!file) return next();
    asset(file).then((found) => {
      if (!found) return next();
      const gzipped = accepts(req).encoding(["gzip", "identity"]) === "gzip";
      const body = gzipped ? found.gzipped : found.plain;
      res.writeHead(200, {
        ...found.headers,
        ...(gzipped ? { "Content-Encoding": "gzip" } : {}),
        "Content-Length": String(body.length),
      });
      res.end(req.method === "HEAD" ? undefined : body);
    }, next);
  };
}
