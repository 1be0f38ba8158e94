import { Redis, type RedisOptions } from "ioredis";

/** Where Redis is and the namespace of our keys and channels; null when there is one process. */
export interface RedisSettings {
  url: string;
  prefix: string;
}

/** The settings from the environment (REDIS_URL, REDIS_PREFIX), or null without REDIS_URL. */
export function redisSettingsFrom(env: { REDIS_URL?: string; REDIS_PREFIX: string }) {
  return env.REDIS_URL ? { url: env.REDIS_URL, prefix: env.REDIS_PREFIX } : null;
}

/**
 * A Redis connection that reconnects on its own. `failFast` connections (rate limiters, the
 * readiness probe) refuse commands while disconnected instead of queueing them, so a Redis
 * outage costs a request nothing but a fallback; relay and pub/sub connections queue.
 */
export function connectRedis(url: string, options: { failFast?: boolean } = {}): Redis {
  const settings: RedisOptions = options.failFast
    ? { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 1000 }
    : { maxRetriesPerRequest: null };
  const redis = new Redis(url, { ...settings, lazyConnect: false });
  // ioredis reports every failed reconnection; one line per outage is enough (see readiness).
  let reported = false;
  redis.on("error", (error: Error) => {
    if (reported) return;
    reported = true;
    console.warn(`Redis is not answering (${error.message}); retrying.`);
  });
  redis.on("ready", () => (reported = false));
  return redis;
}

/**
 * Whether Redis answers a PING within `withinMs` (for /readyz). A connection still being made
 * (a process just started, or reconnecting) is waited for within the same time: a fail-fast
 * connection refuses commands until it is ready, which would say "not responding" of a Redis
 * that answers in a millisecond.
 */
export async function redisAnswers(redis: Redis, withinMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  let onReady: (() => void) | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, withinMs, false)));
  const ready =
    redis.status === "ready"
      ? Promise.resolve()
      : new Promise<void>((resolve) => redis.once("ready", (onReady = resolve)));
  try {
    const answer = ready.then(() => redis.ping()).then((pong) => pong === "PONG");
    return await Promise.race([answer, late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    if (onReady) redis.off("ready", onReady);
  }
}
