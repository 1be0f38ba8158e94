// Does the audit log get slower as it grows? (ADR 055; issue 12: trusts of 5–100+ schools, every
// sign-in of every trust recorded in one chain.) The production server with demo data on a fresh
// embedded FerretDB: appending an entry (what every sign-in and decision waits for), the trust
// admin's audit page and a whole check of the chain, timed with the demo data alone (the
// baseline, same run) and again after `--entries N` more entries (default 100,000), a tenth of
// them the demo trust's and the rest nine other trusts'.
//
//   npm run bench:audit-size [-- --entries 100000 --requests 10]
//
// Writes bench-results/audit-size-<timestamp>.json. Not part of `npm test`.
import { parseArgs } from "node:util";
import { sampleMachine } from "./machine-sampler.ts";
import { writeBenchResult } from "./result-file.ts";
import { median } from "./stats.ts";

const { values } = parseArgs({
  options: { entries: { type: "string" }, requests: { type: "string" } },
});
const ENTRIES = Number(values.entries ?? 100_000);
const REQUESTS = Number(values.requests ?? 10);
if (!(ENTRIES >= 0) || !(REQUESTS > 0))
  throw new Error("--entries and --requests take numbers (--requests > 0)");

const { startDemoInstallation } = await import("./demo-installation.ts");
const { mongoose } = await import("../../models/mongoose.ts");
const { cookieFor } = await import("../support/sessions.ts");
const { findUserByEmail } = await import("../../models/user/user.ts");
const { listMembershipsOfUser } = await import("../../models/membership/membership.ts");
const { AuditHeadModel, recordAudit } = await import("../../models/audit/audit.ts");
const { verifyAuditLog } = await import("../../models/audit/check.ts");
const { GENESIS, auditKey, hashEntry } = await import("../../models/audit/chain.ts");

async function times(n: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run();
    out.push(performance.now() - started);
  }
  return out;
}

async function page(url: string, cookie: string): Promise<void> {
  const response = await fetch(url, { headers: { cookie } });
  await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
}

/** `count` sign-ins chained on the log's end, written straight to the collection. */
async function addEntries(count: number, trustId: string): Promise<void> {
  const { Types } = mongoose;
  const others = Array.from({ length: 9 }, () => new Types.ObjectId().toString());
  const newest = await mongoose.connection
    .collection("auditentries")
    .find({})
    .sort({ seq: -1 })
    .limit(1)
    .next();
  let seq = newest?.seq ?? 0;
  let prevHash: string = newest?.hash ?? GENESIS;
  for (let done = 0; done < count; done += 1000) {
    const docs = [];
    for (let i = 0; i < Math.min(1000, count - done); i++) {
      seq += 1;
      const facts = {
        trustId: seq % 10 === 0 ? trustId : others[seq % 9],
        actorId: new Types.ObjectId().toString(),
        action: "signIn",
        subject: `user:${new Types.ObjectId()}`,
        details: { method: "password" },
        at: new Date(),
      };
      const hash = hashEntry(seq, prevHash, facts);
      docs.push({ ...facts, seq, key: auditKey(seq), prevHash, hash });
      prevHash = hash;
    }
    await mongoose.connection.collection("auditentries").insertMany(docs);
  }
  await AuditHeadModel.updateOne({ _id: "head" }, { $max: { seq } }, { upsert: true });
}

const installation = await startDemoInstallation("audit-size");
const { server } = installation;
try {
  const admin = (await findUserByEmail("admin@riverside.example"))!;
  const trustId = String((await listMembershipsOfUser(admin.id))[0].trustId);
  const cookie = await cookieFor(admin.id);
  const auditPage = `${server.url}/trust/audit`;

  const measure = async () => {
    const machine = sampleMachine();
    await page(auditPage, cookie); // unmeasured: the first look may check the whole log
    const append = await times(25, () =>
      recordAudit({ trustId, actorId: admin.id, action: "signIn", subject: "bench", details: {} }),
    );
    const pageMs = await times(REQUESTS, () => page(auditPage, cookie));
    const whole = await times(1, () => verifyAuditLog());
    const entries = (await AuditHeadModel.findById("head").lean())?.seq ?? 0;
    return {
      entries,
      appendMs: median(append),
      pageMs: median(pageMs),
      wholeCheckMs: whole[0],
      used: machine.stop(),
    };
  };

  const before = await measure();
  await addEntries(ENTRIES, trustId);
  const after = await measure();
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const row = (label: string, b: number, a: number) =>
    `  ${label.padEnd(34)} ${ms(b).padStart(10)} → ${ms(a).padStart(10)}  (${(a / b).toFixed(2)}×)`;
  console.log(`Audit log, ${before.entries} entries → ${after.entries}:`);
  console.log(row("append an entry (median of 25)", before.appendMs, after.appendMs));
  console.log(row(`audit page (median of ${REQUESTS})`, before.pageMs, after.pageMs));
  console.log(row("whole check of the chain", before.wholeCheckMs, after.wholeCheckMs));
  const busy = (u: typeof before.used) => `${u.busyPercent?.toFixed(0)} of ${u.cores * 100} %`;
  console.log(`  whole machine busy: ${busy(before.used)} → ${busy(after.used)}`);
  const file = writeBenchResult("audit-size", {
    added: ENTRIES,
    requests: REQUESTS,
    before,
    after,
  });
  console.log(`  written to ${file}`);
} finally {
  await installation.stop();
}
