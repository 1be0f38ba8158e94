import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { log } from "./log.ts";

/** An id a proxy or client sent that is safe to echo and log; anything else is replaced. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** Probes and scrapes arrive every few seconds: logged only at debug level. */
const QUIET = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * Gives every request an id (the load balancer's X-Request-Id when it sent a sane one, else a
 * new one), answers it in X-Request-Id, and logs one line when the response is finished:
 * method, path, status, duration, requestId. Routes read the id from the load context.
 */
export const requestLog: RequestHandler = (req, res, next) => {
  const sent = req.get("x-request-id");
  const requestId = sent && ACCEPTABLE_ID.test(sent) ? sent : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = {
      requestId,
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
    };
    if (QUIET.has(req.path)) log.debug(line, "request");
    else if (res.statusCode >= 500) log.error(line, "request");
    else log.info(line, "request");
  });
  next();
};
