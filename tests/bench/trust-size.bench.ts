// Does a page get slower as the database fills with people? (ADR 033; issue 12: trusts of
// 5–100+ schools.) The production server with demo data on a fresh embedded FerretDB, a demo
// member signed in: their home page and their evaluation are fetched in turn (server time:
// request to last byte), first with the demo data alone (the baseline, same run), then again
// after `--people N` more people (default 5,000: a hundred schools of fifty) with a role each
// in another trust, one in ten with a second factor, and `--snapshots N` submissions of other
// evaluations (default 600: a hundred schools, three cycles, two each) of 50 KB each, stored as
// the app stores them (ADR 034). Also times a read of one person's memberships (by `userId`, as
// every page and socket reads them, ADR 051) at both sizes.
//
//   npm run bench:trust-size [-- --people 5000 --snapshots 600 --requests 25]
//
// Writes bench-results/trust-size-<timestamp>.json. Not part of `npm test`.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { sampleMachine } from "./machine-sampler.ts";
import { sampleProcess } from "./process-sampler.ts";
import { writeBenchResult } from "./result-file.ts";
import { median } from "./stats.ts";

const { values } = parseArgs({
  options: {
    people: { type: "string" },
    snapshots: { type: "string" },
    requests: { type: "string" },
    documents: { type: "string" },
  },
});
const PEOPLE = Number(values.people ?? 5000);
const SNAPSHOTS = Number(values.snapshots ?? 600);
const REQUESTS = Number(values.requests ?? 25);
const DOCUMENTS = Number(values.documents ?? 1200);
if (!(PEOPLE >= 0) || !(SNAPSHOTS >= 0) || !(DOCUMENTS >= 0) || !(REQUESTS > 0))
  throw new Error(
    "--people, --snapshots, --documents and --requests take numbers (--requests > 0)",
  );

const { startDemoInstallation } = await import("./demo-installation.ts");
const { mongoose } = await import("../../models/mongoose.ts");
const { cookieFor } = await import("../support/sessions.ts");
const { findUserByEmail } = await import("../../models/user/user.ts");
const { listMembershipsOfUser } = await import("../../models/membership/membership.ts");
const { loadStoredDocument } = await import("../../models/document-log/document-log.ts");

const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

/** Server time of `url`, `REQUESTS` times in turn (after one unmeasured request). */
async function pageTimes(url: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.text();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    if (i > 0) times.push(performance.now() - started);
  }
  return times;
}

/** How long reading one person's memberships takes (by `userId`, ADR 051). */
async function membershipTimes(userId: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await listMembershipsOfUser(userId);
    times.push(performance.now() - started);
  }
  return times;
}

/** How long loading the demo evaluation's document from storage takes (what opening it waits for). */
async function loadTimes(name: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await loadStoredDocument(name);
    times.push(performance.now() - started);
  }
  return times;
}

/** `count` people with a role each in a trust of their own, written straight to the collections. */
async function addPeople(count: number): Promise<void> {
  const { Types } = mongoose;
  const trustId = new Types.ObjectId();
  const db = mongoose.connection;
  for (let start = 0; start < count; start += 500) {
    const users = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
      _id: new Types.ObjectId(),
      email: `person-${start + i}@size.example`,
      name: `Person ${start + i}`,
      passwordHash: "not-a-real-hash",
      createdAt: new Date(),
    }));
    await db.collection("users").insertMany(users);
    await db.collection("memberships").insertMany(
      users.map((user, i) => ({
        userId: user._id,
        trustId,
        schoolId: new Types.ObjectId(),
        role: i % 50 === 0 ? "schoolLeader" : "schoolStaff",
        createdAt: new Date(),
      })),
    );
    await db.collection("secondfactors").insertMany(
      users
        .filter((_, i) => i % 10 === 0)
        .map((user) => ({
          _id: user._id,
          userId: user._id,
          sealedSecret: "x",
          recoveryCodeHashes: [],
          enrolledAt: new Date(),
        })),
    );
  }
}

/** `count` submissions of other evaluations, 50 KB of state each, rows and states apart. */
async function addSnapshots(count: number): Promise<void> {
  const { Types } = mongoose;
  const db = mongoose.connection;
  const trustId = new Types.ObjectId();
  for (let start = 0; start < count; start += 50) {
    const ids = Array.from({ length: Math.min(50, count - start) }, () => new Types.ObjectId());
    await db
      .collection("evaluationsnapshotstates")
      .insertMany(ids.map((_id) => ({ _id, state: randomBytes(50_000) })));
    await db.collection("evaluationsnapshots").insertMany(
      ids.map((_id, i) => ({
        _id,
        trustId,
        schoolId: new Types.ObjectId(),
        evaluationId: new Types.ObjectId(),
        kind: "submission",
        frameworkVersionId: new Types.ObjectId(),
        projection: { judgements: [] },
        judgements: [],
        criteria: [],
        createdBy: new Types.ObjectId(),
        createdAt: new Date(),
        guard: `bench ${start + i}`,
      })),
    );
  }
}

/**
 * `count` collaborative documents of other evaluations, as they rest between sessions: one
 * snapshot version row each (ADR 035), naming a 20 KB state (ADR 026); their logs were compacted as
 * their last connection left, and swept.
 */
async function addDocuments(count: number): Promise<void> {
  const { Types } = mongoose;
  const db = mongoose.connection;
  for (let start = 0; start < count; start += 100) {
    const names = Array.from(
      { length: Math.min(100, count - start) },
      (_, i) =>
        `${["evaluation", "discussion", "meeting", "record"][i % 4]}.${new Types.ObjectId()}`,
    );
    const states = names.map(() => ({ _id: new Types.ObjectId(), state: randomBytes(20_000) }));
    await db.collection("documentstates").insertMany(states);
    await db.collection("documentsnapshots").insertMany(
      names.map((name, i) => ({
        _id: `${name}@1`,
        name,
        stateId: states[i]._id,
        version: 1,
        updatedAt: new Date(),
      })) as never[],
    );
  }
}

const installation = await startDemoInstallation("trust-size");
const { server, ferret } = installation;
try {
  const senco = (await findUserByEmail("senco@riverside-primary.example"))!;
  const cookie = await cookieFor(senco.id);
  const home = await (await fetch(`${server.url}/home`, { headers: { cookie } })).text();
  const evaluation = home.match(/href="(\/evaluations\/[0-9a-f]{24})"/)?.[1];
  if (!evaluation) throw new Error("The demo member's home page links no evaluation.");
  const pages = { home: `${server.url}/home`, evaluation: `${server.url}${evaluation}` };

  const measure = async () => {
    const machine = sampleMachine();
    const serverCpu = sampleProcess(server.child.pid!);
    const database = sampleProcess(ferret.child.pid!);
    const home = await pageTimes(pages.home, cookie);
    const evaluation = await pageTimes(pages.evaluation, cookie);
    return {
      home: { median: median(home), p90: p90(home) },
      evaluation: { median: median(evaluation), p90: p90(evaluation) },
      used: { machine: machine.stop(), server: serverCpu.stop(), database: database.stop() },
      membershipsByUserId: median(await membershipTimes(senco.id)),
      documentLoad: median(await loadTimes(`evaluation.${pages.evaluation.split("/").pop()}`)),
    };
  };

  const before = await measure();
  const added = performance.now();
  await addPeople(PEOPLE);
  await addSnapshots(SNAPSHOTS);
  await addDocuments(DOCUMENTS);
  const addedMs = performance.now() - added;
  const after = await measure();

  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const line = (label: string, b: { median: number; p90: number }, a: typeof b) =>
    `  ${label.padEnd(11)} ${ms(b.median)} (p90 ${ms(b.p90)}) → ${ms(a.median)} (p90 ${ms(a.p90)}): ${(a.median / b.median).toFixed(2)}×`;
  const cpu = (u: typeof before.used) =>
    `server ${u.server.cpuPercent?.toFixed(0)} %, database ${u.database.cpuPercent?.toFixed(0)} %, whole machine ${u.machine.busyPercent?.toFixed(0)} of ${u.machine.cores * 100} %`;
  console.log(
    `Page server time (median of ${REQUESTS}), demo data → + ${PEOPLE} people with a role each and ${SNAPSHOTS} submissions of 50 KB and ${DOCUMENTS} resting documents (${(addedMs / 1000).toFixed(1)} s to add):`,
  );
  console.log(line("home", before.home, after.home));
  console.log(line("evaluation", before.evaluation, after.evaluation));
  console.log(
    `  one person's memberships read by userId (ADR 051): ${ms(before.membershipsByUserId)} → ${ms(after.membershipsByUserId)}`,
  );
  console.log(
    `  the demo evaluation's document loaded from storage: ${ms(before.documentLoad)} → ${ms(after.documentLoad)}`,
  );
  console.log(`  CPU while measuring, demo data: ${cpu(before.used)}`);
  console.log(`  CPU while measuring, + people:  ${cpu(after.used)}`);

  const file = writeBenchResult("trust-size", {
    people: PEOPLE,
    snapshots: SNAPSHOTS,
    documents: DOCUMENTS,
    requests: REQUESTS,
    before,
    after,
    addedMs,
  });
  console.log(`  written to ${file}`);
} finally {
  await installation.stop();
}
