import { AsyncLocalStorage } from "node:async_hooks";
import { processWide } from "./process-wide.ts";

/**
 * Where readers share what is being read: a page request's own (a Map, kept until it is
 * answered), or the collab server's readings under way (collab/readings-under-way.ts).
 */
export interface ReadMemo {
  get(key: string): Promise<unknown> | undefined;
  set(key: string, reading: Promise<unknown>): void;
}

// One store for the server (server/app.ts opens the scope) and the Remix build (where the
// loaders use it).
const store = processWide("request-memo", () => new AsyncLocalStorage<ReadMemo>());

/**
 * Runs `handle` (one page request: its loaders, run side by side) with a memo of its own, so
 * what each of them asks first (who is signed in) is read from the database once per request.
 * Only for requests that change nothing (GET, HEAD): an action may change what a later read
 * in the same request must see.
 */
export function withRequestMemo<T>(handle: () => T): T {
  return withReadMemo(new Map(), handle);
}

/** Runs `handle` with its reads shared through `memo`. */
export function withReadMemo<T>(memo: ReadMemo, handle: () => T): T {
  return store.run(memo, handle);
}

/**
 * `read()`'s answer, shared by everything in the same memo that asks under `key`; outside a
 * memo, simply `read()`. A request's memo keeps nothing once the request is answered.
 */
export function sharedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = store.getStore();
  if (!memo) return read();
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const reading = read();
  memo.set(key, reading);
  return reading;
}
