import type { onStoreDocumentPayload } from "@hocuspocus/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StoreSpreadExtension, storePhaseMs } from "../../collab/extensions/store-spread.ts";

const store = (documentName: string, clientsCount = 3) =>
  ({ documentName, clientsCount }) as onStoreDocumentPayload;

/** When (fake ms since the start) each document's store got past the spread. */
function startTimes(spread: StoreSpreadExtension, names: string[], clientsCount = 3) {
  const started = new Map<string, number>();
  const at = Date.now();
  for (const name of names) {
    void spread.onStoreDocument(store(name, clientsCount)).then(() => {
      started.set(name, Date.now() - at);
    });
  }
  return started;
}

const names = Array.from({ length: 10 }, (_, i) => `evaluation:64b000000000000000000${100 + i}`);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("spreading stores (ADR 044)", () => {
  it("gives each document a fixed moment within the spread, different for different documents", () => {
    const phases = names.map((name) => storePhaseMs(name, 2000));
    for (const phase of phases) {
      expect(phase).toBeGreaterThanOrEqual(0);
      expect(phase).toBeLessThan(2000);
    }
    expect(phases.map((_, i) => storePhaseMs(names[i], 2000))).toEqual(phases);
    expect(new Set(phases.map((p) => Math.floor(p))).size).toBe(names.length);
    // Spread over the range, not bunched at one end.
    expect(Math.max(...phases) - Math.min(...phases)).toBeGreaterThan(1000);
  });

  it("lets stores that fall due together start apart, each at its document's moment", async () => {
    const spread = new StoreSpreadExtension(2000);
    const started = startTimes(spread, names);
    await vi.advanceTimersByTimeAsync(0);
    const early = names.filter((name) => storePhaseMs(name, 2000) >= 1);
    for (const name of early) expect(started.has(name)).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(started.size).toBe(names.length);
    for (const name of names) {
      expect(started.get(name)!).toBeGreaterThanOrEqual(Math.floor(storePhaseMs(name, 2000)));
      expect(started.get(name)!).toBeLessThanOrEqual(Math.ceil(storePhaseMs(name, 2000)));
    }
  });

  it("does not hold the store made as the last person leaves (the document unloads after it)", async () => {
    const spread = new StoreSpreadExtension(2000);
    const started = startTimes(spread, names, 0);
    await vi.advanceTimersByTimeAsync(0);
    expect([...started.values()]).toEqual(names.map(() => 0));
  });

  it("ends every wait when the server shuts down, and holds no store after", async () => {
    const spread = new StoreSpreadExtension(2000);
    const waiting = startTimes(spread, names);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.size).toBeLessThan(names.length);
    spread.shuttingDown();
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.size).toBe(names.length);
    expect(Math.max(...waiting.values())).toBeLessThanOrEqual(1);
    expect(vi.getTimerCount()).toBe(0);
    const later = startTimes(spread, names);
    await vi.advanceTimersByTimeAsync(0);
    expect([...later.values()]).toEqual(names.map(() => 0));
  });

  it("holds nothing when the spread is nothing", async () => {
    const spread = new StoreSpreadExtension(0);
    const started = startTimes(spread, names);
    await vi.advanceTimersByTimeAsync(0);
    expect(started.size).toBe(names.length);
  });
});
