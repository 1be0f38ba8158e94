import { describe, expect, it } from "vitest";
import { GENESIS, hashEntry, verifyChain, type ChainedEntry } from "../../models/audit/chain.ts";

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
