import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { connectRedis, redisAnswers } from "../../collab/redis.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let world: Awaited<ReturnType<typeof buildWorld>>;
let server: AppServer;
const METRICS_TOKEN = "a-metrics-token-for-this-test-run";

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer({ env: { METRICS_TOKEN } });
});

afterAll(async () => {
  await server.close();
});

async function timed(url: string, init?: RequestInit) {
  const started = Date.now();
  const response = await fetch(url, init);
  return { response, text: await response.text(), ms: Date.now() - started };
}

describe("/healthz and /readyz", () => {
  it("/healthz says the process is up; /readyz that the database answers", async () => {
    const health = await timed(`${server.url}/healthz`);
    expect([health.response.status, health.text]).toEqual([200, "ok"]);
    const ready = await timed(`${server.url}/readyz`);
    expect([ready.response.status, ready.text]).toEqual([200, "ready"]);
  });

  it("with Redis configured and answering, /readyz is 200", async () => {
    const clustered = await startTestServer({ env: { REDIS_URL, REDIS_PREFIX: "test-ready" } });
    try {
      const ready = await timed(`${clustered.url}/readyz`);
      expect([ready.response.status, ready.text]).toEqual([200, "ready"]);
    } finally {
      await clustered.close();
    }
  });

  it("counts a Redis connection still being made as answering when it is made in time", async () => {
    // A process just started: its readiness connection is not up yet when the first probe comes.
    const fresh = connectRedis(REDIS_URL, { failFast: true });
    try {
      expect(fresh.status).not.toBe("ready");
      expect(await redisAnswers(fresh, 500)).toBe(true);
    } finally {
      fresh.disconnect();
    }
  });

  it("with Redis not answering, /readyz is 503 within 1 s and says which", async () => {
    // A port that accepts connections and never answers: a stalled Redis, not a refused one.
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    const stalled = await startTestServer({
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: "test-stalled" },
    });
    try {
      const ready = await timed(`${stalled.url}/readyz`);
      expect(ready.response.status).toBe(503);
      expect(ready.text).toBe("Redis is not responding.");
      expect(ready.ms).toBeLessThan(1000);
      // Still alive: only readiness fails.
      expect((await fetch(`${stalled.url}/healthz`)).status).toBe(200);
    } finally {
      await stalled.close();
      silent.close();
    }
  });
});

describe("/metrics", () => {
  it("needs the token when one is set", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = { headers: { Authorization: "Bearer not-the-token-at-all-no" } };
    expect((await fetch(`${server.url}/metrics`, wrong)).status).toBe(401);
  });

  it("reports connections, loaded documents, durable latency, store time and database errors", async () => {
    const client = connectClient(
      server.url,
      documentName("evaluation", world.evaluation.id),
      await cookieFor(world.people.staff.id),
    );
    try {
      await client.synced;
      client.doc.getText("metrics").insert(0, "counted");
      await client.whenSaved();
      const { response, text } = await timed(`${server.url}/metrics`, {
        headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);
      expect(value("qm_collab_connections")).toBeGreaterThanOrEqual(1);
      expect(value("qm_collab_documents_loaded")).toBeGreaterThanOrEqual(1);
      expect(value("qm_collab_durable_seconds_count")).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/^qm_collab_store_seconds_count \d+$/m);
      expect(text).toMatch(/^qm_collab_documents_without_connections \d+$/m);
      expect(text).toMatch(/^qm_database_unavailable_total \d+$/m);
      expect(text).toMatch(/^qm_log_lines_dropped_total 0$/m);
      expect(text).toMatch(/^# TYPE qm_rate_limit_refusals_total counter$/m);
      expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    } finally {
      client.destroy();
    }
  });
});

describe("request ids", () => {
  it("answers every request with an id, keeping a sane one the proxy sent", async () => {
    const fresh = await fetch(`${server.url}/sign-in`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${server.url}/sign-in`, { headers: { "X-Request-Id": "lb-1234" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-1234");
    const replaced = await fetch(`${server.url}/sign-in`, {
      headers: { "X-Request-Id": "bad id\twith spaces" },
    });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
