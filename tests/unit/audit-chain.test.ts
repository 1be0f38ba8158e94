import { describe, expect, it } from "vitest";
import {
  ChainCheck,
  GENESIS,
  auditKey,
  hashEntry,
  verifyChain,
  type ChainedEntry,
} from "../../models/audit/chain.ts";

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const facts = {
      trustId: "t",
      actorId: "u",
      action: "signIn",
      subject: `user:${seq}`,
      details: { n: seq },
      at: new Date(Date.UTC(2026, 10, seq)),
    };
    const hash = hashEntry(seq, prev, facts);
    out.push({ ...facts, seq, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe("audit chain", () => {
  it("verifies an intact chain", () => {
    expect(verifyChain(chain(5))).toEqual([]);
  });
  it("detects an altered entry", () => {
    const c = chain(5);
    c[2] = { ...c[2], details: { n: 99 } };
    expect(verifyChain(c)).toEqual([{ seq: 3, problem: "altered" }]);
  });
  it("detects a removed entry", () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c)).toEqual([
      { seq: 2, problem: "missing" },
      { seq: 3, problem: "broken link" },
    ]);
  });
  it("reports a run of removed entries once, with its first and last number", () => {
    const c = chain(7);
    c.splice(1, 3);
    expect(verifyChain(c)).toEqual([
      { seq: 2, problem: "missing", through: 4 },
      { seq: 5, problem: "broken link" },
    ]);
  });
  it("checks on from where an earlier check ended, a batch at a time", () => {
    const c = chain(6);
    const check = new ChainCheck(3, c[2].hash);
    check.add(c[3]);
    check.add(c[4]);
    expect(check.problems).toEqual([]);
    expect([check.lastSeq, check.lastHash, check.entries]).toEqual([5, c[4].hash, 2]);
    // The end it started from was changed since: the first entry after it no longer links.
    const fromChanged = new ChainCheck(3, "f".repeat(64));
    fromChanged.add(c[3]);
    expect(fromChanged.problems).toEqual([{ seq: 4, problem: "broken link" }]);
  });
  it("reports numbers issued past the last entry as missing, however many", () => {
    const check = new ChainCheck();
    for (const entry of chain(3)) check.add(entry);
    check.endsAt(1_000_000);
    expect(check.problems).toEqual([{ seq: 4, problem: "missing", through: 1_000_000 }]);
    check.endsAt(3);
    expect(check.problems).toHaveLength(1);
  });
  it("keys entries by fixed-width text, in the same order as their numbers", () => {
    const keys = [1, 9, 10, 999, 1000, 123_456_789].map(auditKey);
    expect(keys.every((k) => k.length === 12)).toBe(true);
    expect([...keys].sort()).toEqual(keys);
  });
  it("detects an entry rewritten with a fresh hash, by the next entry's link", () => {
    const c = chain(4);
    const facts = { ...c[1], action: "roleGranted" };
    c[1] = { ...facts, hash: hashEntry(2, c[1].prevHash, facts) };
    expect(verifyChain(c)).toEqual([{ seq: 3, problem: "broken link" }]);
  });
  it("hashes the same facts the same way whatever their key order", () => {
    const at = new Date();
    expect(
      hashEntry(1, GENESIS, {
        trustId: "t",
        actorId: null,
        action: "a",
        subject: "s",
        details: { b: 1, a: 2 },
        at,
      }),
    ).toBe(
      hashEntry(1, GENESIS, {
        subject: "s",
        action: "a",
        actorId: null,
        trustId: "t",
        at,
        details: { a: 2, b: 1 },
      }),
    );
  });
});
