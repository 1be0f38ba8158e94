interface Tagged {
  madeAt: number;
  /** Other clients of the document that have not seen it yet. */
  unseen: number;
  measured: boolean;
  /** The server process its typist is connected to. */
  process: number;
}

/**
 * Every keystroke of one document, tagged by the Yjs id of the character it inserted (the
 * typing client's id and the clock of that insert, unique by construction), and the moment each
 * other client first integrated it. Only edits made inside the measured window are recorded.
 */
import type { LatencySamples } from "./samples.ts";

export class EditLedger {
  private byClient = new Map<number, Map<number, Tagged>>();
  /** Measured edits some client has not seen yet. */
  outstanding = 0;

  constructor(
    private readonly remotes: number,
    private readonly propagation: LatencySamples,
    /** Where this document's latencies are also kept (its path, in a mixed run). */
    private readonly alsoInto: LatencySamples | null = null,
    /** Also records pairs whose two clients are on different server processes, here. */
    private readonly crossProcess: LatencySamples | null = null,
  ) {}

  /** Call just before inserting: `clock` is the id the inserted character will get. */
  made(client: number, clock: number, madeAt: number, measured: boolean, process = 0): void {
    let tagged = this.byClient.get(client);
    if (!tagged) this.byClient.set(client, (tagged = new Map()));
    tagged.set(clock, { madeAt, unseen: this.remotes, measured, process });
    if (measured) this.outstanding += 1;
  }

  /** Call when a client integrated `client`'s clocks from..to-1 (a remote update). */
  seen(client: number, from: number, to: number, now: number, process = 0): void {
    const tagged = this.byClient.get(client);
    if (!tagged) return;
    for (let clock = from; clock < to; clock++) {
      const edit = tagged.get(clock);
      if (!edit) continue;
      if (edit.measured) {
        this.propagation.add(edit.madeAt, now);
        this.alsoInto?.add(edit.madeAt, now);
        if (edit.process !== process) this.crossProcess?.add(edit.madeAt, now);
      }
      if (--edit.unseen === 0) {
        tagged.delete(clock);
        if (edit.measured) this.outstanding -= 1;
      }
    }
  }
}
