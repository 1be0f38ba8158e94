import { randomFillSync, webcrypto } from "node:crypto";
import { types } from "node:util";

// Random bytes from the CSPRNG, drawn 4 KB at a time and handed out once each (ADR 057), as
// Node's own randomUUID and the uuid package do. Each draw from node:crypto is a call into
// OpenSSL, which checks the process id on every call: a system call, slow on a virtual machine.

const POOL_BYTES = 4096;
/** Larger requests go to node:crypto directly: the pool is for many small draws. */
const LARGEST_FROM_POOL = 256;

type RandomTarget = Parameters<typeof webcrypto.getRandomValues>[0];

const cryptoRandomValues = webcrypto.getRandomValues.bind(webcrypto);
let pool = new Uint8Array(0);
let next = 0;
let fills = 0;

function fromPool(view: RandomTarget): boolean {
  return (
    types.isTypedArray(view) &&
    !types.isFloat32Array(view) &&
    !types.isFloat64Array(view) &&
    view.byteLength <= LARGEST_FROM_POOL
  );
}

/** `crypto.getRandomValues`, served from the pool; anything unusual goes to node:crypto. */
export function pooledRandomValues<T extends RandomTarget>(array: T): T {
  if (!fromPool(array)) return cryptoRandomValues(array);
  const size = array.byteLength;
  if (next + size > pool.length) {
    pool = randomFillSync(new Uint8Array(POOL_BYTES));
    next = 0;
    fills += 1;
  }
  const end = next + size;
  new Uint8Array(array.buffer, array.byteOffset, size).set(pool.subarray(next, end));
  // Handed out once: nothing keeps a copy.
  pool.fill(0, next, end);
  next = end;
  return array;
}

/** How many times the pool has been filled (for tests). */
export function poolFills(): number {
  return fills;
}

const ownRandomValues = webcrypto.getRandomValues;

/**
 * Puts the pool in node:crypto's place for a moment, so a module that takes
 * `webcrypto.getRandomValues` when it loads takes the pool (see lib0-random.ts).
 */
export function lendPool(): void {
  webcrypto.getRandomValues = pooledRandomValues as typeof webcrypto.getRandomValues;
}

/** node:crypto's own `getRandomValues` back in its place. */
export function takePoolBack(): void {
  webcrypto.getRandomValues = ownRandomValues;
}
