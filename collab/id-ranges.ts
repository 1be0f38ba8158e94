import * as Y from "yjs";

/**
 * Sets of Yjs ids (a client and a run of clocks), kept as sorted, merged ranges per client: what
 * an update adds (its structs) and what it deletes (its delete set), so that one set of updates
 * can be asked whether it holds everything another does (ADR 041).
 */
export class IdRanges {
  /** Per client, sorted ranges that neither overlap nor touch: [from, to) pairs. */
  private readonly byClient = new Map<number, [number, number][]>();

  /** Adds the clocks `from` (included) to `to` (excluded) of `client`. */
  add(client: number, from: number, to: number): void {
    if (to <= from) return;
    let ranges = this.byClient.get(client);
    if (!ranges) this.byClient.set(client, (ranges = []));
    // The first range that ends at or after `from` (it may touch or overlap the new one)…
    const first = firstEndingFrom(ranges, from);
    let start = from;
    let end = to;
    // …and every one after it that starts at or before `to` merge into it.
    let last = first;
    while (last < ranges.length && ranges[last][0] <= end) {
      start = Math.min(start, ranges[last][0]);
      end = Math.max(end, ranges[last][1]);
      last += 1;
    }
    ranges.splice(first, last - first, [start, end]);
  }

  /** True when every clock `from`…`to - 1` of `client` is in the set. */
  has(client: number, from: number, to: number): boolean {
    if (to <= from) return true;
    const ranges = this.byClient.get(client);
    if (!ranges) return false;
    // Touching ranges are merged on add, so one range must hold the whole run.
    const range = ranges[firstEndingFrom(ranges, from + 1)];
    return !!range && range[0] <= from && to <= range[1];
  }

  /** True when every id of `other` is in this set. */
  holds(other: IdRanges): boolean {
    for (const [client, ranges] of other.byClient) {
      for (const [from, to] of ranges) if (!this.has(client, from, to)) return false;
    }
    return true;
  }
}

/** The index of the first of `ranges` whose end is at or after `clock` (binary search). */
function firstEndingFrom(ranges: [number, number][], clock: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle][1] < clock) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The ids an update (or several) adds and deletes. */
export class UpdateIds {
  readonly added = new IdRanges();
  readonly deleted = new IdRanges();

  /** Adds what `update` adds and deletes. A merged update's gaps (skips) add nothing. */
  include(update: Uint8Array): this {
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue;
      this.added.add(struct.id.client, struct.id.clock, struct.id.clock + struct.length);
    }
    for (const [client, items] of ds.clients) {
      for (const item of items) this.deleted.add(client, item.clock, item.clock + item.len);
    }
    return this;
  }

  /** True when this holds every id `other` adds and deletes. */
  holds(other: UpdateIds): boolean {
    return this.added.holds(other.added) && this.deleted.holds(other.deleted);
  }
}
