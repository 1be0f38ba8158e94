import { lastWholeCheck, verifyAuditLog } from "../models/audit/check.ts";
import { sweepExpiredSessions } from "../models/session/session.ts";
import { log } from "./log.ts";

/**
 * The database's upkeep that reads whole collections, so it runs in the background and never on
 * someone's request: checking the whole audit chain (ADR 055) and deleting expired sessions (the
 * embedded FerretDB has no TTL indexes; ADR 056). Every process does it: with several (ADR 018)
 * the work is idempotent, and the audit check is skipped when another process did it lately.
 */
export function startHousekeeping(options: {
  auditCheckEveryMs: number;
  sessionSweepEveryMs?: number;
}): () => void {
  const stops = [
    // Looks four times a period, so a process that started late still checks on time.
    repeat(options.auditCheckEveryMs / 4, "Checking the audit log", () =>
      checkAuditLogIfDue(options.auditCheckEveryMs),
    ),
    repeat(options.sessionSweepEveryMs ?? 15 * 60_000, "Sweeping expired sessions", async () => {
      const swept = await sweepExpiredSessions();
      if (swept > 0) log.info({ swept }, "Expired sessions deleted");
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

/** Reads and checks the whole audit chain unless someone did within `everyMs`. */
async function checkAuditLogIfDue(everyMs: number): Promise<void> {
  const last = await lastWholeCheck();
  if (last && Date.now() - last.getTime() < everyMs) return;
  const result = await verifyAuditLog();
  if (result.problems.length > 0)
    log.error({ problems: result.problems.slice(0, 50) }, "The audit log fails verification");
  else log.info({ entries: result.entries }, "Audit log verified");
}

/**
 * Runs `task` about every `everyMs` (give or take a tenth, so processes started together drift
 * apart), never two at once; a failure is logged and the next round tries again.
 */
function repeat(everyMs: number, what: string, task: () => Promise<void>): () => void {
  let running = false;
  const timer = setInterval(
    async () => {
      if (running) return;
      running = true;
      try {
        await task();
      } catch (error) {
        log.warn({ err: error }, `${what} failed; trying again later`);
      } finally {
        running = false;
      }
    },
    everyMs + Math.random() * (everyMs / 10),
  );
  timer.unref();
  return () => clearInterval(timer);
}
