import { describe, expect, it } from "vitest";
import { poolFills, pooledRandomValues } from "../../server/random-pool.ts";

describe("the random pool", () => {
  it("hands out fresh bytes every time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++)
      seen.add(Buffer.from(pooledRandomValues(new Uint8Array(16))).toString("hex"));
    // 2,000 draws of 128 bits: any repeat means bytes were handed out twice.
    expect(seen.size).toBe(2000);
  });

  it("fills from the pool a few kilobytes at a time, not per draw", () => {
    const before = poolFills();
    for (let i = 0; i < 4096; i++) pooledRandomValues(new Uint32Array(1));
    // 16 KB drawn four bytes at a time: four or five fills, not 4,096.
    expect(poolFills() - before).toBeGreaterThanOrEqual(4);
    expect(poolFills() - before).toBeLessThanOrEqual(5);
  });

  it("writes only the view it is given, not the rest of its buffer", () => {
    const buffer = new Uint8Array(64);
    const view = new Uint32Array(buffer.buffer, 16, 4);
    for (let round = 0; round < 20; round++) pooledRandomValues(view);
    expect([...buffer.subarray(0, 16), ...buffer.subarray(32)].every((b) => b === 0)).toBe(true);
    expect(buffer.subarray(16, 32).some((b) => b !== 0)).toBe(true);
  });

  it("leaves large and unusual requests to node:crypto, with its errors", () => {
    const before = poolFills();
    const large = pooledRandomValues(new Uint8Array(4000));
    expect(large.some((b) => b !== 0)).toBe(true);
    expect(poolFills()).toBe(before);
    expect(() => pooledRandomValues(new Float64Array(2) as unknown as Uint8Array)).toThrow(
      /integer|TypeMismatch/i,
    );
    expect(() => pooledRandomValues(new Uint8Array(70_000))).toThrow(/65,536 bytes/);
  });
});
