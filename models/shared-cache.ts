import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { processWide } from "./process-wide.ts";

// Small read caches for the model layer: in this process's memory, or, once the server gives
// them a Redis connection (REDIS_URL, ADR 018), in Redis, shared by every process, so what one
// process forgets (a framework just published) is forgotten by all at once.

interface Store {
  redis: Redis;
  prefix: string;
}

// One setting for the server (server/app.ts gives the connection) and the Remix build (where
// loaders and actions use the caches).
const setting = processWide<{ store: Store | null }>("shared-cache", () => ({ store: null }));

/**
 * From now on every cache lives in Redis under `prefix` (null: in each process's memory).
 * Returns the call that goes back to memory, unless another connection has been given since.
 */
export function shareCachesThrough(redis: Redis | null, prefix = "qm"): () => void {
  const store = redis ? { redis, prefix } : null;
  setting.store = store;
  return () => {
    if (setting.store === store) setting.store = null;
  };
}

export interface SharedCache<T> {
  /** The value kept under `key`, or undefined (also when Redis does not answer: read afresh). */
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  /** Forgets `key` everywhere; a Redis that does not answer leaves it to expire. */
  forget(key: string): Promise<void>;
}

/**
 * A cache named `name`, whose entries expire after `ttlMs` (which bounds how stale an entry can
 * be if a `forget` is lost) and, in memory, the `max` least recently used are kept.
 */
export function sharedCache<T>(name: string, options: { max: number; ttlMs: number }) {
  const memory = new LRUCache<string, { value: T }>({ max: options.max, ttl: options.ttlMs });
  const keyOf = (store: Store, key: string) => `${store.prefix}:cache:${name}:${key}`;
  const cache: SharedCache<T> = {
    async get(key) {
      const store = setting.store;
      if (!store) return memory.get(key)?.value;
      try {
        const raw = await store.redis.get(keyOf(store, key));
        return raw === null ? undefined : (JSON.parse(raw) as T);
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      const store = setting.store;
      if (!store) {
        memory.set(key, { value });
        return;
      }
      await store.redis
        .set(keyOf(store, key), JSON.stringify(value), "PX", options.ttlMs)
        .catch(() => {});
    },
    async forget(key) {
      memory.delete(key);
      const store = setting.store;
      if (store) await store.redis.del(keyOf(store, key)).catch(() => {});
    },
  };
  return cache;
}
