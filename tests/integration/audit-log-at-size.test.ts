import { describe, expect, it } from "vitest";
import {
  AuditHeadModel,
  AuditModel,
  allAuditOf,
  chainEnd,
  listAudit,
  migrateAuditKeysOnce,
  recordAudit,
} from "../../models/audit/audit.ts";
import { AuditCheckModel } from "../../models/audit/check-record.ts";
import { auditLogStatus, lastWholeCheck, verifyAuditLog } from "../../models/audit/check.ts";
import { auditKey } from "../../models/audit/chain.ts";
import { mongoose } from "../../models/mongoose.ts";
import { waitUntil } from "../../models/wait-until.ts";
import { startHousekeeping } from "../../server/housekeeping.ts";
import { useTestDatabase } from "../support/database.ts";
import { HttpSession } from "../support/http.ts";
import { findsDuring } from "../support/finds.ts";
import { cookieFor } from "../support/sessions.ts";
import { useWorldAndServer } from "../support/world-and-server.ts";

// ADR 055: the audit log is one chain for the whole installation, growing with every sign-in of
// every trust. Appending, paging and checking it must not read all of it.

useTestDatabase();
const the = useWorldAndServer();
const OTHER_TRUST = new mongoose.Types.ObjectId().toString();

const signIn = (trustId: string, n: number) =>
  recordAudit({ trustId, actorId: null, action: "signIn", subject: `user:n${n}`, details: { n } });

async function adminPage(path: string) {
  const admin = new HttpSession(the.server.url);
  admin.setCookie(await cookieFor(the.world.people.trustAdmin.id));
  return admin.get(path);
}

/** What a page of the audit log says about the chain (its status box, as text). */
const statusOf = (html: string) =>
  (html.match(/<div role="status"[^>]*>(.*?)<\/div>/)?.[1] ?? "").replace(/<[^>]+>/g, " ");

/** The entry numbers a page of the audit log shows, in its order. */
const seqsOn = (html: string) =>
  [...html.matchAll(/<tr><td>(\d+)<\/td>/g)].map((match) => Number(match[1]));

describe("the audit log at size", () => {
  it("appends in parallel without a gap or a fork: 20 at once take 20 numbers in one chain", async () => {
    const before = (await chainEnd()).issued;
    const entries = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(the.world.trust.id, i)),
    );
    // Twenty different numbers after the end (another append of the set-up may land among them).
    const seqs = entries.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(20);
    expect(Math.min(...seqs)).toBeGreaterThan(before);
    expect(Math.max(...seqs) - Math.min(...seqs)).toBeLessThan(25);
    const stored = await AuditModel.find({ subject: /^user:n/ }, { seq: 1, key: 1 }).lean();
    // Each recorded once: an append that lost the race to create the head is not made again.
    expect(stored).toHaveLength(20);
    expect(stored.every((e) => e.key === auditKey(e.seq))).toBe(true);
    expect((await verifyAuditLog()).problems).toEqual([]);
  });

  it("records an append once when it loses the race to create the log's head", async () => {
    for (let round = 0; round < 5; round++) {
      // As on a new installation: no head yet, ten appends at once all try to create it.
      await AuditHeadModel.deleteOne({ _id: "head" });
      const subject = `user:round${round}`;
      const entries = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          recordAudit({
            trustId: OTHER_TRUST,
            actorId: null,
            action: "signIn",
            subject,
            details: { i },
          }),
        ),
      );
      expect(new Set(entries.map((e) => e.seq)).size).toBe(10);
      expect(await AuditModel.countDocuments({ subject }), `round ${round}`).toBe(10);
    }
    expect((await verifyAuditLog()).problems).toEqual([]);
  });

  it("pages through one trust's entries, newest first, among other trusts' entries", async () => {
    for (let i = 0; i < 125; i++) {
      await signIn(the.world.trust.id, 1000 + i);
      await signIn(OTHER_TRUST, 1000 + i);
    }
    const ours = (await AuditModel.find({ trustId: the.world.trust.id }, { seq: 1 }).lean())
      .map((e) => e.seq)
      .sort((a, b) => b - a);

    const first = await adminPage("/trust/audit");
    expect(first.status).toBe(200);
    expect(seqsOn(first.html)).toEqual(ours.slice(0, 100));
    const older = first.html.match(/href="\/trust\/audit\?before=(\d+)"/);
    expect(older).not.toBeNull();
    const second = await adminPage(`/trust/audit?before=${older![1]}`);
    expect(seqsOn(second.html)).toEqual(ours.slice(100, 200));
    expect(second.html).toContain("Newest entries");

    // Every one of the trust's entries once, none of the other trust's (the CSV reads them all).
    expect((await allAuditOf(the.world.trust.id)).map((e) => e.seq)).toEqual(ours);
    const csv = await adminPage("/trust/audit.csv");
    expect(csv.html.trim().split("\n")).toHaveLength(ours.length + 1);
  });

  it("gives a short page, with the way on, when the trust's entries are far apart", async () => {
    for (let i = 0; i < 30; i++) await signIn(OTHER_TRUST, 2000 + i);
    const page = await listAudit(the.world.trust.id, { limit: 10, window: 25 });
    expect(page.entries).toEqual([]);
    expect(page.olderBefore).not.toBeNull();
    const next = await listAudit(the.world.trust.id, { limit: 10, before: page.olderBefore! });
    expect(next.entries).toHaveLength(10);
    expect(next.entries[0].seq).toBeLessThan(page.olderBefore!);
  });

  it("answers a page that cannot exist with 400 and the newest entries", async () => {
    for (const before of ["abc", "1", "-5", "2.5", "99999999999999"]) {
      const page = await adminPage(`/trust/audit?before=${before}`);
      expect(page.status, before).toBe(400);
      expect(page.html).toContain("There is no such page of the log");
      expect(seqsOn(page.html).length).toBeGreaterThan(0);
    }
  });

  it("a look reads what was added since the last look; the whole check reads it all again", async () => {
    const whole = await verifyAuditLog();
    expect(whole.problems).toEqual([]);
    const added = [];
    for (let i = 0; i < 3; i++) added.push(await signIn(the.world.trust.id, 3000 + i));
    const look = statusOf((await adminPage("/trust/audit")).html);
    expect(look).toContain(`Verified: all ${whole.entries + 3} entries`);
    expect(look).toContain("the 3 entries added since were checked just now");

    const alter = (seq: number, n: number) =>
      AuditModel.collection.updateOne({ seq }, { $set: { "details.n": n } });
    // Changed after a look read it: the next whole check finds it.
    await alter(added[1].seq, 0);
    // Changed before any look read it: the next look finds it, reading from the last one's end.
    const later = await signIn(the.world.trust.id, 3003);
    await alter(later.seq, 0);
    expect(statusOf((await adminPage("/trust/audit")).html)).toContain(
      `Verification failed: entry ${later.seq} altered`,
    );
    expect((await verifyAuditLog()).problems).toEqual([
      { seq: added[1].seq, problem: "altered" },
      { seq: later.seq, problem: "altered" },
    ]);
    await alter(added[1].seq, 3001);
    await alter(later.seq, 3003);
    expect((await verifyAuditLog()).problems).toEqual([]);
    expect(statusOf((await adminPage("/trust/audit")).html)).toContain("Verified: all");
  });

  it("a look finds the chain's end once, for the page and the check of what was added", async () => {
    await verifyAuditLog();
    const added = await signIn(the.world.trust.id, 3500);
    let page = { status: 0, html: "" };
    const finds = await findsDuring(async () => {
      page = await adminPage("/trust/audit");
    });
    expect(page.status).toBe(200);
    expect(seqsOn(page.html)[0]).toBe(added.seq);
    expect(statusOf(page.html)).toContain("the 1 entry added since was checked just now");
    expect(finds[AuditHeadModel.collection.collectionName]).toBe(1);
  });

  it("a removed newest entry stays missing after the next append", async () => {
    const newest = await signIn(the.world.trust.id, 4000);
    await AuditModel.collection.deleteOne({ seq: newest.seq });
    const next = await signIn(the.world.trust.id, 4001);
    expect(next.seq).toBe(newest.seq + 1);
    expect((await verifyAuditLog()).problems).toEqual([{ seq: newest.seq, problem: "missing" }]);
    expect(statusOf((await adminPage("/trust/audit")).html)).toContain(
      `Verification failed: entry ${newest.seq} missing`,
    );
  });

  it("gives entries from before keys their key once, and appends after them", async () => {
    // Entries written by an earlier version: no key.
    await AuditModel.collection.updateMany({}, { $unset: { key: "" } });
    await mongoose.connection
      .collection("decisionslots")
      .deleteOne({ _id: "audit-keys:v1" as never });
    const next = await signIn(the.world.trust.id, 5000);
    const head = await AuditHeadModel.findById("head").lean();
    expect(next.seq).toBe(head!.seq);
    await migrateAuditKeysOnce();
    const stored = await AuditModel.find({}, { seq: 1, key: 1 }).lean();
    expect(stored.every((e) => e.key === auditKey(e.seq))).toBe(true);
    const problems = (await verifyAuditLog()).problems;
    expect(problems.map((p) => p.problem)).toEqual(["missing"]); // the one removed above
  });

  it("answers looks at a log never checked before, all at once", async () => {
    for (let round = 0; round < 3; round++) {
      await AuditCheckModel.deleteMany({});
      const looks = await Promise.all(Array.from({ length: 10 }, () => auditLogStatus()));
      expect(new Set(looks.map((look) => look.entries)).size).toBe(1);
      expect(await AuditCheckModel.countDocuments({})).toBe(1);
    }
  });

  it("reads and checks the whole log on its own, every period", async () => {
    await AuditCheckModel.deleteMany({});
    const stop = startHousekeeping({ auditCheckEveryMs: 1000 });
    try {
      await waitUntil(async () => (await lastWholeCheck()) !== null, 5000);
      expect(await lastWholeCheck()).not.toBeNull();
    } finally {
      stop();
    }
  });
});
