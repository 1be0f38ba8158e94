import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { processWide } from "./process-wide.ts";

/**
 * Where readers share what is being read: a page request's own (a Map, kept until it is
 * answered), or the collab server's readings under way (collab/readings-under-way.ts). It is
 * handed to the reads that may share (an argument), never found from an ambient scope: Node 20's
 * `AsyncLocalStorage` turns on promise hooks for the whole process, the collab path included
 * (ADR 050).
 */
export interface ReadMemo {
  get(key: string): Promise<unknown> | undefined;
  set(key: string, reading: Promise<unknown>): void;
}

/**
 * `read()`'s answer, shared by everything that asks under `key` through the same `memo`;
 * without one, simply `read()`.
 */
export function sharedRead<T>(
  memo: ReadMemo | undefined,
  key: string,
  read: () => Promise<T>,
): Promise<T> {
  if (!memo) return read();
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const reading = read();
  memo.set(key, reading);
  return reading;
}

/**
 * The header that carries a page request's memo to its loaders. Remix hands each loader a
 * `Request` of its own, copied from the one the server made, headers and all; the server sets
 * this header itself on every request (a client's own value never survives), so the id names a
 * memo the server opened for this request and no other.
 */
const MEMO_HEADER = "x-qm-request-memo";

// The memos of the page requests being answered, by id: one registry for the server (which
// opens them) and the Remix build (where the loaders read through them), which bundles its own
// copy of this module.
const open = processWide("request-memos", () => new Map<string, ReadMemo>());

/**
 * Gives one page request (its loaders, run side by side) a memo of its own, so what each of
 * them asks first (who is signed in) is read from the database once per request; it is dropped
 * when the response is done. Only for requests that change nothing (GET, HEAD): an action may
 * change what a later read in the same request must see.
 */
export function openRequestMemo(req: IncomingMessage, res: ServerResponse): void {
  delete req.headers[MEMO_HEADER];
  if (req.method !== "GET" && req.method !== "HEAD") return;
  const id = randomUUID();
  open.set(id, new Map());
  req.headers[MEMO_HEADER] = id;
  res.once("close", () => open.delete(id));
}

/** The memo the server opened for this request, if any (GET and HEAD only). */
export function memoOf(request: Request): ReadMemo | undefined {
  const id = request.headers.get(MEMO_HEADER);
  return id ? open.get(id) : undefined;
}
