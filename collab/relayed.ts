/**
 * True when a Yjs or awareness change was relayed from another of our processes by the Redis
 * extension (ADR 018), rather than made by a connection or by the server on this process.
 */
export function isRelayed(origin: unknown): boolean {
  return (
    typeof origin === "object" &&
    origin !== null &&
    (origin as { source?: string }).source === "redis"
  );
}
