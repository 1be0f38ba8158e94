/**
 * Opens `count` clients a batch at a time, each within `timeoutMs`, so a few hundred of them do
 * not arrive as one burst of handshakes (which is a different benchmark).
 */
export async function connectAll<T>(
  count: number,
  open: (index: number) => Promise<T>,
  { batch = 25, timeoutMs = 30_000 } = {},
): Promise<T[]> {
  const clients: T[] = [];
  for (let start = 0; start < count; start += batch) {
    const indexes = Array.from({ length: Math.min(batch, count - start) }, (_, i) => start + i);
    clients.push(
      ...(await Promise.all(indexes.map((i) => withTimeout(open(i), timeoutMs, `client ${i}`)))),
    );
  }
  return clients;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not sync within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
