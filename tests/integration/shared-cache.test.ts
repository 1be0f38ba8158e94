import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { connectRedis } from "../../collab/redis.ts";
import {
  getFrameworkVersion,
  newestVersionNumber,
  publishVersion,
} from "../../models/framework/framework.ts";
import { shareCachesThrough, sharedCache } from "../../models/shared-cache.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { findsDuring } from "../support/finds.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// Issue 12: with Redis, what a process keeps is shared by every process. The newest version's
// number (ADR 030's amendment) is the model layer's one cache that can go stale.

useTestDatabase();

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let redis: Redis;
let prefix: string;
let unshare: () => void = () => {};

beforeAll(() => {
  redis = connectRedis(REDIS_URL, { failFast: true });
});
afterAll(() => {
  redis.disconnect(false);
});
beforeEach(() => {
  prefix = `qm-test-${randomUUID()}`;
  unshare = shareCachesThrough(redis, prefix);
});
afterEach(() => unshare());

const frameworkFinds = async (during: () => Promise<unknown>) =>
  (await findsDuring(during)).frameworks ?? 0;

describe("the newest version's number, on Redis", () => {
  it("is kept in Redis, where every process finds it", async () => {
    const { trustId, frameworkId } = (await buildWorld()).evaluation;
    expect(await frameworkFinds(() => newestVersionNumber(trustId, frameworkId))).toBe(1);
    const kept = await redis.get(`${prefix}:cache:framework-newest:${frameworkId}`);
    expect(JSON.parse(kept!)).toEqual({ trustId, version: 1 });
    expect(await redis.pttl(`${prefix}:cache:framework-newest:${frameworkId}`)).toBeGreaterThan(0);
    expect(await frameworkFinds(() => newestVersionNumber(trustId, frameworkId))).toBe(0);
  });

  it("is forgotten by every process when one publishes", async () => {
    const { trustId, frameworkId, frameworkVersionId } = (await buildWorld()).evaluation;
    expect(await newestVersionNumber(trustId, frameworkId)).toBe(1);
    const current = (await getFrameworkVersion(trustId, frameworkVersionId))!;
    // Another process's memory would not know; Redis does, for all of them.
    await publishVersion(trustId, frameworkId, current.content);
    expect(await redis.exists(`${prefix}:cache:framework-newest:${frameworkId}`)).toBe(0);
    expect(await frameworkFinds(() => newestVersionNumber(trustId, frameworkId))).toBe(1);
    expect(await newestVersionNumber(trustId, frameworkId)).toBe(2);
  });

  it("is read from the database when Redis does not answer", async () => {
    const { trustId, frameworkId } = (await buildWorld()).evaluation;
    const away = connectRedis("redis://127.0.0.1:1", { failFast: true });
    try {
      const unshareAway = shareCachesThrough(away, prefix);
      expect(await newestVersionNumber(trustId, frameworkId)).toBe(1);
      expect(await frameworkFinds(() => newestVersionNumber(trustId, frameworkId))).toBe(1);
      unshareAway();
    } finally {
      away.disconnect(false);
    }
  });
});

describe("a server given REDIS_URL", () => {
  it("keeps the model layer's caches in Redis while it runs, and stops when it closes", async () => {
    unshare();
    const world = await buildWorld();
    const { frameworkId } = world.evaluation;
    const serverPrefix = `qm-test-${randomUUID()}`;
    const server = await startTestServer({
      env: { REDIS_URL, REDIS_PREFIX: serverPrefix },
    });
    try {
      const cookie = await cookieFor(world.people.staff.id);
      const page = await fetch(`${server.url}/evaluations/${world.evaluation.id}`, {
        headers: { cookie },
      });
      expect(page.status).toBe(200);
      await page.text();
      expect(await redis.exists(`${serverPrefix}:cache:framework-newest:${frameworkId}`)).toBe(1);
    } finally {
      await server.close();
    }
    await redis.del(`${serverPrefix}:cache:framework-newest:${frameworkId}`);
    await newestVersionNumber(world.trust.id, frameworkId);
    expect(await redis.exists(`${serverPrefix}:cache:framework-newest:${frameworkId}`)).toBe(0);
  });
});

describe("a shared cache without Redis", () => {
  it("keeps entries in this process's memory until forgotten", async () => {
    unshare();
    const cache = sharedCache<{ n: number }>(`test-${randomUUID()}`, { max: 10, ttlMs: 60_000 });
    expect(await cache.get("a")).toBeUndefined();
    await cache.set("a", { n: 1 });
    expect(await cache.get("a")).toEqual({ n: 1 });
    await cache.forget("a");
    expect(await cache.get("a")).toBeUndefined();
  });
});
