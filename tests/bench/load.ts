import * as Y from "yjs";
import { DurableLedger } from "./durable-ledger.ts";
import { EditLedger } from "./edit-ledger.ts";
import { LatencySamples } from "./samples.ts";
import type { BenchOptions } from "./options.ts";
import type { BenchClient } from "./system.ts";

/** One document's connected clients, and the path its figures also count toward (mixed). */
export interface LoadedDocument {
  clients: BenchClient[];
  path?: string;
}

/**
 * When each phase begins, in wall-clock ms (Date.now()), which every process on the machine
 * reads alike: the load processes type and measure in step, and the bench samples the servers
 * over the same window.
 */
export interface LoadSchedule {
  typeAt: number;
  windowAt: number;
  endAt: number;
}

/** A schedule starting `leadMs` from now: warm-up, then the measured window. */
export function scheduleFrom(options: BenchOptions, leadMs: number): LoadSchedule {
  const typeAt = Date.now() + leadMs;
  const windowAt = typeAt + options.warmup * 1000;
  return { typeAt, windowAt, endAt: windowAt + options.seconds * 1000 };
}

export interface LoadResult {
  /** ms from a keystroke until one other client of its document integrated it; one per pair. */
  propagation: LatencySamples;
  /** The same, only for pairs on different server processes (empty with one process). */
  crossProcess: LatencySamples;
  /** The same, by path, when the system's documents take different paths (mixed). */
  propagationByPath: Record<string, LatencySamples>;
  /** ms from a keystroke until its client heard it is durable (ours only). */
  durable: LatencySamples;
  /** Keystrokes made in the measured window. */
  edits: number;
  windowSeconds: number;
  /** Measured (edit, remote) pairs / edits still not seen or confirmed after the drain. */
  unseen: number;
  unconfirmed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sleepUntil = (at: number) => sleep(Math.max(0, at - Date.now()));
const LETTERS = "etaoinshrdlucmfwypvbgkqjxz ";

/**
 * The typing load on these documents: every typist types into its own Y.Text (its own passage
 * of the document, held in a shared Y.Map), one character every minInterval..maxInterval ms,
 * at the end of what it typed so far. Warm-up from `schedule.typeAt`, then the measured window
 * (between `onWindow.start` and `onWindow.end`), then a drain until every measured edit was
 * seen and confirmed, or time ran out.
 */
export async function runLoad(
  documents: LoadedDocument[],
  options: BenchOptions,
  schedule: LoadSchedule,
  onWindow: { start(): void; end(): void },
): Promise<LoadResult> {
  const propagation = new LatencySamples();
  const crossProcess = new LatencySamples();
  const durable = new LatencySamples();
  let measuring = false;
  let typing = true;
  let edits = 0;
  const editLedgers: EditLedger[] = [];
  const durableLedgers: DurableLedger[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const stopObserving: (() => void)[] = [];

  const propagationByPath: Record<string, LatencySamples> = {};
  for (const { clients, path } of documents) {
    const byPath = path ? (propagationByPath[path] ??= new LatencySamples()) : null;
    const ledger = new EditLedger(clients.length - 1, propagation, byPath, crossProcess);
    editLedgers.push(ledger);
    for (const client of clients) stopObserving.push(observe(client, ledger));
    // Each client's passage exists (and has reached everyone) before anyone types into it.
    for (const client of clients.slice(0, options.typists)) {
      client.doc.getMap<Y.Text>("bench").set(String(client.doc.clientID), new Y.Text());
    }
  }
  await sleepUntil(schedule.typeAt);

  for (const [index, { clients }] of documents.entries()) {
    const ledger = editLedgers[index];
    for (const client of clients.slice(0, options.typists)) {
      const passage = client.doc.getMap<Y.Text>("bench").get(String(client.doc.clientID))!;
      const durability = client.durability ? new DurableLedger(client.durability, durable) : null;
      if (durability) durableLedgers.push(durability);
      const keystroke = () => {
        if (!typing) return;
        const madeAt = performance.now();
        const measured = measuring;
        ledger.made(
          client.doc.clientID,
          Y.getState(client.doc.store, client.doc.clientID),
          madeAt,
          measured,
          client.process,
        );
        passage.insert(passage.length, LETTERS[Math.floor(Math.random() * LETTERS.length)]);
        durability?.made(madeAt, measured);
        if (options.cursors) client.moveCursor(passage.length);
        if (measured) edits += 1;
        later(keystroke, interval(options));
      };
      // Clients start out of step, as people do.
      later(keystroke, Math.random() * options.maxInterval);
    }
  }

  function later(fn: () => void, ms: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  await sleepUntil(schedule.windowAt);
  onWindow.start();
  const windowStart = performance.now();
  measuring = true;
  await sleepUntil(schedule.endAt);
  measuring = false;
  const windowSeconds = (performance.now() - windowStart) / 1000;
  onWindow.end();
  typing = false;
  for (const timer of timers) clearTimeout(timer);

  const outstanding = () => ({
    unseen: editLedgers.reduce((sum, l) => sum + l.outstanding, 0),
    unconfirmed: durableLedgers.reduce((sum, l) => sum + l.outstanding, 0),
  });
  const drainUntil = performance.now() + options.drainSeconds * 1000;
  while (performance.now() < drainUntil) {
    const left = outstanding();
    if (left.unseen === 0 && left.unconfirmed === 0) break;
    await sleep(100);
  }
  const left = outstanding();
  for (const stop of stopObserving) stop();
  for (const ledger of durableLedgers) ledger.stop();
  return {
    propagation,
    propagationByPath,
    crossProcess,
    durable,
    edits,
    windowSeconds,
    ...left,
  };
}

function interval(options: BenchOptions): number {
  return options.minInterval + Math.random() * (options.maxInterval - options.minInterval);
}

/**
 * Tells the document's ledger which keystrokes each remote update brought into this client: a
 * passage is typed only by its owner (its key), so the owner's clocks this transaction integrated
 * (from its state before to its state after) are exactly the new characters' ids.
 */
function observe(client: BenchClient, ledger: EditLedger): () => void {
  const passages = client.doc.getMap<Y.Text>("bench");
  const onEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.local) return;
    const now = performance.now();
    for (const event of events) {
      if (event.target === passages) continue;
      const owner = Number(event.path[0]);
      const from = transaction.beforeState.get(owner) ?? 0;
      const to = transaction.afterState.get(owner) ?? 0;
      if (to > from) ledger.seen(owner, from, to, now, client.process);
    }
  };
  passages.observeDeep(onEvents);
  return () => passages.unobserveDeep(onEvents);
}
