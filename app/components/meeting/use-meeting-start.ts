import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/** Beyond this a timer fires at once (setTimeout's limit, about 24 days); no page stays open so long. */
const LONGEST_WAIT_MS = 2 ** 31 - 1;
/** Asked again this often while the server still says "not started" (a browser clock running fast). */
const RETRY_MS = 10_000;
/** Past the booked time by this much, so the server's clock agrees it has come. */
const MARGIN_MS = 500;

/**
 * The server decides what the meeting page shows before and after the start: the validator's
 * provisional judgements are withheld from the school until the booked time, or until the
 * record holds a decision (a meeting held early; models/permissions/can.ts, "readProvisional").
 * A page opened before then asks the loader again when either comes, so the school sees them
 * (and "Started …") without reloading; the server still withholds them until it agrees.
 */
export function useMeetingStart(input: {
  /** The booked time (ISO), or null when not scheduled. */
  scheduledAt: string | null;
  /** What the loader said: started, or held (decisions in the record). */
  started: boolean;
  held: boolean;
  /** Decisions in the live record now. */
  decisions: number;
}): void {
  const { revalidate, state } = useRevalidator();
  const { scheduledAt, started, held, decisions } = input;
  const waiting = !started && !held;

  useEffect(() => {
    if (!waiting || !scheduledAt || state !== "idle") return;
    const untilStart = Date.parse(scheduledAt) - Date.now();
    if (Number.isNaN(untilStart) || untilStart > LONGEST_WAIT_MS) return;
    const timer = setTimeout(revalidate, untilStart > 0 ? untilStart + MARGIN_MS : RETRY_MS);
    return () => clearTimeout(timer);
  }, [waiting, scheduledAt, state, revalidate]);

  // The first decision reached the record: the meeting is being held, whatever time it is.
  // Asked once: the record's decisions are in the database the loader reads.
  const decided = decisions > 0;
  const asked = useRef(false);
  useEffect(() => {
    if (!waiting || !decided || asked.current) return;
    asked.current = true;
    revalidate();
  }, [waiting, decided, revalidate]);
}
