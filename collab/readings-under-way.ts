import type { ReadMemo } from "../models/request-memo.ts";

/**
 * The records this process is reading right now to decide sockets' access to their documents,
 * shared by every socket that asks for the same record meanwhile (ADR 049): the people of a
 * meeting reconnecting together after a restart, or a page's documents of one record (the
 * evaluation and its discussion). A reading is dropped as soon as it has answered, so nothing is
 * kept; and all are forgotten when anyone's access is re-checked (collab/access-recheck.ts), so
 * a reading begun before a change of access is never shared by a socket asking after it.
 */
export class ReadingsUnderWay implements ReadMemo {
  private readonly readings = new Map<string, Promise<unknown>>();

  get(key: string): Promise<unknown> | undefined {
    return this.readings.get(key);
  }

  set(key: string, reading: Promise<unknown>): void {
    this.readings.set(key, reading);
    const done = () => {
      if (this.readings.get(key) === reading) this.readings.delete(key);
    };
    reading.then(done, done);
  }

  /** Access is changing: readings begun before now are not shared from now on. */
  forget(): void {
    this.readings.clear();
  }
}
