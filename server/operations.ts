import { timingSafeEqual } from "node:crypto";
import type { Express, Request } from "express";
import type { Redis } from "ioredis";
import { databaseAnswers } from "../models/database-health.ts";
import { redisAnswers } from "../collab/redis.ts";
import { metricsRegistry } from "./metrics.ts";

/**
 * How long /readyz waits for the database and Redis: a healthy one answers a ping in a few ms,
 * and the answer must leave within 1 s (load balancers time out there) even on a busy machine,
 * where 800 ms left too little margin (measured 1,063 ms in a full test run).
 */
const READY_PROBE_MS = 500;

function bearerMatches(req: Request, token: string): boolean {
  const sent = Buffer.from(req.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/**
 * The endpoints operations need, outside Remix:
 * - /healthz: the process serves HTTP (liveness: restart it if this fails).
 * - /readyz: and the database answers a ping, and Redis too when configured, each within
 *   READY_PROBE_MS, so the answer comes within 1 s even when one stalls (readiness: send no traffic).
 * - /metrics: Prometheus text. With METRICS_TOKEN, only for `Authorization: Bearer <token>`;
 *   without one, open in development and test, and not served in production (ADR 018).
 */
export function serveOperations(
  app: Express,
  options: { redis: Redis | null; metricsToken?: string; production: boolean },
): void {
  app.get("/healthz", (_req, res) => void res.type("text/plain").send("ok"));
  app.get("/readyz", async (_req, res) => {
    const [database, redis] = await Promise.all([
      databaseAnswers(READY_PROBE_MS),
      options.redis ? redisAnswers(options.redis, READY_PROBE_MS) : true,
    ]);
    const problems = [
      ...(database ? [] : ["The database is not responding."]),
      ...(redis ? [] : ["Redis is not responding."]),
    ];
    res
      .status(problems.length === 0 ? 200 : 503)
      .type("text/plain")
      .set("Cache-Control", "no-store")
      .send(problems.length === 0 ? "ready" : problems.join(" "));
  });
  app.get("/metrics", async (req, res) => {
    if (options.metricsToken ? !bearerMatches(req, options.metricsToken) : options.production) {
      const status = options.metricsToken ? 401 : 404;
      return void res.status(status).type("text/plain").send("Not available.");
    }
    res
      .type(metricsRegistry.contentType)
      .set("Cache-Control", "no-store")
      .send(await metricsRegistry.metrics());
  });
}
