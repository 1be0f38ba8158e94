import type { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { connectRedis } from "../../collab/redis.ts";
import { rateLimitRefusals } from "../../server/metrics.ts";
import { getEnv } from "./env.server.ts";

let redis: Redis | null = null;

/** This process's one Redis connection for limiters (fails fast: see the insurance below). */
function limiterRedis(url: string): Redis {
  redis ??= connectRedis(url, { failFast: true });
  return redis;
}

/**
 * A rate limiter shared by every process when REDIS_URL is set (ADR 018), so five sign-in
 * tries are five in all, not five per process; in memory otherwise. When Redis does not answer,
 * the shared limiter falls back to an in-memory one (its insurance): limits then count per
 * process for the outage, rather than refusing everyone or letting everything through.
 */
export function createLimiter(options: {
  keyPrefix: string;
  points: number;
  duration: number;
}): RateLimiterAbstract {
  const memory = new RateLimiterMemory(options);
  const env = getEnv();
  if (!env.REDIS_URL) return memory;
  return new RateLimiterRedis({
    ...options,
    keyPrefix: `${env.REDIS_PREFIX}:limit:${options.keyPrefix}`,
    storeClient: limiterRedis(env.REDIS_URL),
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

/**
 * Counts one attempt against every limiter with its key; resolves with the minutes to wait
 * when any is over its limit (and counts the refusal under `name` in /metrics), else null.
 */
export async function consumeAll(
  name: string,
  attempts: [RateLimiterAbstract, string][],
): Promise<number | null> {
  try {
    await Promise.all(attempts.map(([limiter, key]) => limiter.consume(key)));
    return null;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    rateLimitRefusals.inc({ limiter: name });
    return Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
  }
}
