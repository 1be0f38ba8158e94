import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import { OutgoingMessage, type onChangePayload } from "@hocuspocus/server";
import * as Y from "yjs";
import { isRelayed } from "./relayed.ts";

/** How often, at most, a document being edited also offers its state vector to the others. */
export const REPAIR_EVERY_MS = 1000;

type RelayConfiguration = ConstructorParameters<typeof RedisExtension>[0] & {
  /** See REPAIR_EVERY_MS (tests set their own). */
  repairEveryMs?: number;
};

/**
 * Hocuspocus's Redis extension, relaying each change itself (ADR 027). The extension as shipped
 * publishes only the document's state vector on a change; every other process answers with
 * its own, and only the third message through Redis carries the edit, computed as a diff of the
 * whole document: three hops and work in proportion to the document on every keystroke.
 *
 * Here a change's update goes out at once, one message per document per event-loop turn (the
 * updates of a turn merged), and a process that has the document applies it as it would any
 * relayed update (origin "redis": not logged again, ADR 018). Pub/sub drops messages while a
 * subscriber reconnects, so the extension's state-vector exchange still runs, at most once per
 * `repairEveryMs` per document being edited: whatever a process missed reaches it then.
 * Loading, presence, locks and stateless messages are the extension's own, unchanged.
 */
export class UpdateRelay extends RedisExtension {
  private readonly repairEveryMs: number;
  private readonly outgoing = new Map<string, Uint8Array[]>();
  private readonly repairs = new Map<string, NodeJS.Timeout>();

  constructor({ repairEveryMs = REPAIR_EVERY_MS, ...configuration }: RelayConfiguration) {
    super(configuration);
    this.repairEveryMs = repairEveryMs;
  }

  async onChange(data: onChangePayload): Promise<void> {
    if (isRelayed(data.transactionOrigin)) return;
    const name = data.documentName;
    const queued = this.outgoing.get(name);
    if (queued) queued.push(data.update);
    else {
      this.outgoing.set(name, [data.update]);
      setImmediate(() => this.publishUpdates(name));
    }
    if (!this.repairs.has(name)) {
      const timer = setTimeout(() => {
        this.repairs.delete(name);
        if (this.instance.documents.get(name) === data.document) void super.onChange(data);
      }, this.repairEveryMs);
      timer.unref();
      this.repairs.set(name, timer);
    }
  }

  private publishUpdates(name: string): void {
    const updates = this.outgoing.get(name);
    this.outgoing.delete(name);
    if (!updates) return;
    const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    const message = new OutgoingMessage(name).createSyncMessage().writeUpdate(update);
    // The channel and framing are the extension's: `prefix:name`, and our identifier first, so
    // that we skip our own message when Redis echoes it back.
    const framed = Buffer.concat([this.messagePrefix, Buffer.from(message.toUint8Array())]);
    this.pub.publish(`${this.configuration.prefix}:${name}`, framed).catch((error: unknown) => {
      console.error(`Redis: the update of ${name} was not relayed (repaired later)`, error);
    });
  }

  async afterUnloadDocument(data: Parameters<RedisExtension["afterUnloadDocument"]>[0]) {
    if (!data.instance.documents.has(data.documentName)) {
      clearTimeout(this.repairs.get(data.documentName));
      this.repairs.delete(data.documentName);
    }
    return super.afterUnloadDocument(data);
  }

  async onDestroy(): Promise<void> {
    for (const timer of this.repairs.values()) clearTimeout(timer);
    this.repairs.clear();
    return super.onDestroy();
  }
}
