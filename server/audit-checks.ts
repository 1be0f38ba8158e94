import { lastWholeCheck, verifyAuditLog } from "../models/audit/check.ts";
import { log } from "./log.ts";

/**
 * Reads and checks the whole audit chain every `everyMs` (ADR 055), so that looking at the log
 * only checks what was added since. Each process looks a few times per period and checks only if
 * nobody has within it: with several processes (ADR 018) one of them usually does it, and two
 * doing it at once costs a read, nothing else. A broken chain is logged as an error.
 */
export function startAuditChecks(everyMs: number): () => void {
  let running = false;
  const look = async () => {
    if (running) return;
    running = true;
    try {
      const last = await lastWholeCheck();
      if (last && Date.now() - last.getTime() < everyMs) return;
      const result = await verifyAuditLog();
      if (result.problems.length > 0)
        log.error({ problems: result.problems.slice(0, 50) }, "The audit log fails verification");
      else log.info({ entries: result.entries }, "Audit log verified");
    } catch (error) {
      log.warn({ err: error }, "Checking the audit log failed; trying again later");
    } finally {
      running = false;
    }
  };
  // A quarter of the period, give or take a tenth, so processes started together drift apart.
  const timer = setInterval(() => void look(), everyMs / 4 + Math.random() * (everyMs / 10));
  timer.unref();
  return () => clearInterval(timer);
}
