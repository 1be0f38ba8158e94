import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { createCollabServer, type CollabServer } from "../collab/server.ts";
import { CLOSE } from "../collab/close-codes.ts";
import type { Env } from "../app/utils/env.server.ts";
import { sessionOwnerFrom } from "../app/utils/session.server.ts";
import {
  databaseUnavailableCount,
  isDatabaseUnavailable,
  reportDatabaseUnavailable,
} from "../models/database-health.ts";
import { cspNonce, isSameOrigin, refuseCrossSite, securityHeaders } from "./security.ts";
import { answerFormRefusals } from "./form-refusals.ts";
import { answerUnavailableDatabase, unavailableUpgrade } from "./unavailable.ts";
import { collectProcessMetrics } from "./process-metrics.ts";
import { connectRedis, redisSettingsFrom } from "../collab/redis.ts";
import { shareCachesThrough } from "../models/shared-cache.ts";
import {
  durableLatency,
  storeDuration,
  relayedChecks,
  watchCollab,
  watchDatabase,
  watchLog,
} from "./metrics.ts";
import { droppedLogLines } from "./log.ts";
import { builtAssets } from "./build-assets.ts";
import { serveOperations } from "./operations.ts";
import { requestLog } from "./request-log.ts";
import { openRequestMemo } from "../models/request-memo.ts";
import { createReportRunner, type ReportRunner } from "./reports/runner.ts";
import { startHousekeeping } from "./housekeeping.ts";
import { YJS_PREFIX, upgradeYjs } from "./yjs-upgrade.ts";
import { LiveblocksBackend } from "../collab/liveblocks/backend.ts";
import { liveblocksOrigins } from "../collab/liveblocks/settings.ts";
import type { CollabAccess } from "../collab/access.ts";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
const BUILD_PATH = path.join(PROJECT_ROOT, "build/index.js");
/** Built assets carry a content hash in their names: a year, and never revalidated. */
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export interface AppServer {
  server: Server;
  collab: CollabServer;
  /** With COLLAB_BACKEND=liveblocks (ADR 021): the live documents' backend; else null. */
  liveblocks: LiveblocksBackend | null;
  reports: ReportRunner;
  url: string;
  close(): Promise<void>;
}

async function importBuild(): Promise<ServerBuild> {
  const build = (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
  return answerFormRefusals(answerUnavailableDatabase(build));
}

/**
 * One process, one port: Express serves Remix, and the same HTTP server hands WebSocket
 * upgrades on /collab to the collab server, authenticated by the same session cookie.
 */
export async function startAppServer(env: Env): Promise<AppServer> {
  const development = env.NODE_ENV === "development";
  let build = await importBuild();
  const redis = redisSettingsFrom(env);
  const collab = createCollabServer({
    storeDebounceMs: env.COLLAB_STORE_DEBOUNCE_MS,
    storeMaxDebounceMs: env.COLLAB_STORE_MAX_DEBOUNCE_MS,
    sessionSweepMs: env.COLLAB_SESSION_SWEEP_MS,
    heartbeatMs: env.COLLAB_HEARTBEAT_MS,
    logTrimMs: env.COLLAB_LOG_TRIM_MS,
    logFlushMs: env.COLLAB_LOG_FLUSH_MS,
    relayedCheckMs: env.COLLAB_RELAYED_CHECK_MS,
    redis,
    observe: {
      durableWait: (seconds) => durableLatency.observe(seconds),
      store: (seconds) => storeDuration.observe(seconds),
      relayedCheck: (outcome) => relayedChecks.inc({ outcome }),
    },
  });
  // With Liveblocks, the live documents are its rooms: everything server-side reads and writes
  // them through it, and our own socket endpoints stay shut (ADR 021).
  const liveblocks =
    env.COLLAB_BACKEND === "liveblocks"
      ? new LiveblocksBackend({
          secretKey: env.LIVEBLOCKS_SECRET_KEY!,
          baseUrl: env.LIVEBLOCKS_BASE_URL,
          webhookSecret: env.LIVEBLOCKS_WEBHOOK_SECRET,
        })
      : null;
  const live: CollabAccess = liveblocks ?? collab;
  // PDF reports: made in a worker thread, reading live documents through the collab server.
  const reports = createReportRunner({ collab: live });
  const stopHousekeeping = startHousekeeping({ auditCheckEveryMs: env.AUDIT_CHECK_EVERY_MS });

  // Its own fail-fast connection, so a stalled relay queue cannot hold up the probe, nor a page
  // the model layer's read caches, which live in Redis too, shared by every process (ADR 030).
  const readinessRedis = redis ? connectRedis(redis.url, { failFast: true }) : null;
  const unshareCaches = shareCachesThrough(readinessRedis, redis?.prefix);
  collectProcessMetrics();
  const unwatchCollab = watchCollab(() => ({
    connections: collab.hocuspocus.getConnectionsCount(),
    documents: collab.hocuspocus.getDocumentsCount(),
    idle: [...collab.hocuspocus.documents.values()].filter((d) => d.getConnectionsCount() === 0)
      .length,
  }));
  watchDatabase(databaseUnavailableCount);
  watchLog(droppedLogLines);

  const app = express();
  app.disable("x-powered-by");
  app.use(requestLog);
  if (env.TRUST_PROXY) app.set("trust proxy", 1);
  const originPolicy = { trustProxy: env.TRUST_PROXY };
  app.use(
    cspNonce,
    securityHeaders({
      development,
      connectTo: liveblocks ? liveblocksOrigins(env.LIVEBLOCKS_BASE_URL) : [],
    }),
    compression(),
    refuseCrossSite(originPolicy),
  );
  // Fonts and anything builtAssets leaves alone.
  app.use(
    "/build",
    express.static(path.join(PROJECT_ROOT, "public/build"), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.join(PROJECT_ROOT, "public"), { maxAge: "1h" }));
  // Browsers still ask for /favicon.ico now and then, whatever the page links: not a 404.
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
  serveOperations(app, {
    redis: readinessRedis,
    metricsToken: env.METRICS_TOKEN,
    production: env.NODE_ENV === "production",
  });
  const remix = createRequestHandler({
    build: development ? async () => build : build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? "unknown",
      requestId: res.locals.requestId as string,
      collab: live,
      liveblocks,
      collabBackend: liveblocks
        ? { name: "liveblocks" as const, baseUrl: env.LIVEBLOCKS_BASE_URL ?? null }
        : { name: "hocuspocus" as const, baseUrl: null },
      reports,
    }),
  });
  // A page's loaders share what they read first (who is signed in) when the request changes
  // nothing (models/request-memo.ts).
  app.all("*", (req, res, next) => {
    openRequestMemo(req, res);
    return remix(req, res, next);
  });

  // The built scripts and styles are answered before Express (server/build-assets.ts).
  const assets = builtAssets(path.join(PROJECT_ROOT, "public/build"), {
    prefix: "/build/",
    maxAgeSeconds: ONE_YEAR_SECONDS,
    recheck: development,
  });
  const server = createServer((req, res) => assets(req, res, () => app(req, res)));
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const pathname = url.pathname;
    // Liveblocks serves the live documents: our sockets would edit a copy nobody else sees.
    if (liveblocks) return void socket.destroy();
    if (pathname.startsWith(YJS_PREFIX)) {
      return void upgradeYjs({ req, socket, head, url, collab, originPolicy });
    }
    if (pathname !== "/collab") return void socket.destroy();
    // Browsers always send Origin on WebSocket handshakes: refuse other sites (CSWSH).
    if (!isSameOrigin(req, originPolicy)) {
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\n${CLOSE.crossOrigin.reason}`,
      );
      return;
    }
    // The session's ids are handed over, with its record as read here: the collab server asks,
    // for the documents the socket opens, whether it is still live, fully signed in, and what
    // its person may do now (collab/extensions/authentication.ts, collab/owner-reading.ts).
    sessionOwnerFrom(req.headers.cookie)
      .then((found) => collab.handleUpgrade(req, socket, head, found?.owner ?? null, found?.read))
      .catch((error: unknown) => {
        // The browser's provider reconnects with back-off, so a stall ends by itself.
        if (!isDatabaseUnavailable(error)) return void socket.destroy();
        reportDatabaseUnavailable(error);
        socket.end(unavailableUpgrade());
      });
  });

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`;

  // Under `remix dev --manual`, reload the rebuilt app and tell the dev server it is live.
  if (development && process.env.REMIX_DEV_ORIGIN) {
    const { watch } = await import("node:fs");
    broadcastDevReady(build);
    watch(path.dirname(BUILD_PATH), async () => {
      build = await importBuild();
      broadcastDevReady(build);
    });
  }

  return {
    server,
    collab,
    liveblocks,
    reports,
    url,
    async close() {
      // Stop taking work, persist what is pending, then let the sockets go.
      stopHousekeeping();
      await reports.close();
      await collab.close();
      unshareCaches();
      readinessRedis?.disconnect(false);
      unwatchCollab();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
