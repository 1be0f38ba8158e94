import type { LatencySamples } from "./samples.ts";
import type { BenchClient } from "./system.ts";

/**
 * One client's edits waiting for the server's "durable n" (our durability handshake), and the
 * time from each edit to its confirmation. Edits are numbered as the client's SaveTracker counts
 * them, so edit n is durable once the confirmed count reaches n.
 */
export class DurableLedger {
  private queue: { n: number; madeAt: number; measured: boolean }[] = [];
  private head = 0;
  private unsubscribe: () => void;
  outstanding = 0;

  constructor(
    private readonly durability: NonNullable<BenchClient["durability"]>,
    private readonly samples: LatencySamples,
  ) {
    this.unsubscribe = durability.subscribe(() => this.check());
  }

  /** Call right after the edit, when the client has counted it. */
  made(madeAt: number, measured: boolean): void {
    this.queue.push({ n: this.durability.editCount(), madeAt, measured });
    if (measured) this.outstanding += 1;
    this.check();
  }

  stop(): void {
    this.unsubscribe();
  }

  private check(): void {
    const durable = this.durability.durableCount();
    if (this.head >= this.queue.length || this.queue[this.head].n > durable) return;
    const now = performance.now();
    while (this.head < this.queue.length && this.queue[this.head].n <= durable) {
      const edit = this.queue[this.head++];
      if (edit.measured) {
        this.samples.add(edit.madeAt, now);
        this.outstanding -= 1;
      }
    }
    if (this.head > 1024) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
