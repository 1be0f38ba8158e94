import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE } from "../../collab/close-codes.ts";
import { documentName } from "../../collab/document-name.ts";
import { startTcpBalancer, type TcpBalancer } from "../../server/cluster/tcp-balancer.ts";
import { DocumentUpdateModel, loadStoredDocument } from "../../models/document-log/document-log.ts";
import { codeAt } from "../../models/second-factor/totp.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildUser, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { setUpKeyOn } from "../support/second-factor.ts";
import { spawnServer, type ServerProcess } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// Two real server processes (server/index.ts) on one database and the local Redis, as ADR 018
// runs them. Keys and channels carry a prefix of this run's own, so parallel runs never meet.
const db = useTestDatabase();
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-${randomBytes(6).toString("hex")}`;
const METRICS_TOKEN = randomBytes(16).toString("hex");

let a: ServerProcess;
let b: ServerProcess;
let proxy: TcpBalancer | null = null;
let world: Awaited<ReturnType<typeof buildWorld>>;
const clients: TestClient[] = [];
let fields = 0;
const freshField = () => `cluster-${++fields}`;

function connect(url: string, doc: string, cookie: string): TestClient {
  const client = connectClient(url, doc, cookie);
  clients.push(client);
  return client;
}

const serverEnv = {
  REDIS_URL,
  REDIS_PREFIX: prefix,
  // No compaction while a test looks at the log (each update must be there exactly once).
  COLLAB_STORE_DEBOUNCE_MS: "60000",
  COLLAB_STORE_MAX_DEBOUNCE_MS: "120000",
  COLLAB_SESSION_SWEEP_MS: "600000",
  METRICS_TOKEN,
};

beforeAll(async () => {
  world = await buildWorld();
  [a, b] = await Promise.all([spawnServer(db, serverEnv), spawnServer(db, serverEnv)]);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await proxy?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

/** Every (client, clock) a log entry holds, as ranges: no two entries may share one. */
function structRanges(update: Uint8Array): { client: number; from: number; to: number }[] {
  return Y.decodeUpdate(update)
    .structs.filter((struct) => !(struct instanceof Y.Skip))
    .map((struct) => ({
      client: struct.id.client,
      from: struct.id.clock,
      to: struct.id.clock + struct.length,
    }));
}

describe("two processes serve the same documents", () => {
  it("an edit made on one reaches a client of the other, and is durable", async () => {
    const name = documentName("evaluation", world.evaluation.id);
    const onA = connect(a.url, name, await cookieFor(world.people.staff.id));
    const onB = connect(b.url, name, await cookieFor(world.people.staff2.id));
    await Promise.all([onA.synced, onB.synced]);
    const field = freshField();
    onA.doc.getText(field).insert(0, "written on A");
    await eventually(() => onB.doc.getText(field).toString() === "written on A", 5000, "B sees A");
    onB.doc.getText(field).insert(12, ", answered on B");
    await eventually(
      () => onA.doc.getText(field).toString() === "written on A, answered on B",
      5000,
      "A sees B",
    );
    await Promise.all([onA.whenSaved(), onB.whenSaved()]);
    const stored = await loadStoredDocument(name);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(doc, update);
    expect(doc.getText(field).toString()).toBe("written on A, answered on B");
  });

  it("presence crosses: a person on one process sees the other's cursor, stamped by the server", async () => {
    const name = documentName("evaluation", world.evaluation.id);
    const onA = connect(a.url, name, await cookieFor(world.people.staff.id));
    const onB = connect(b.url, name, await cookieFor(world.people.staff2.id));
    await Promise.all([onA.synced, onB.synced]);
    onA.provider.awareness!.setLocalStateField("cursor", { anchor: 3 });
    await eventually(
      () => onB.provider.awareness!.getStates().get(onA.doc.clientID)?.cursor?.anchor === 3,
      5000,
      "A's cursor on B",
    );
    const seen = onB.provider.awareness!.getStates().get(onA.doc.clientID)!;
    expect(seen.user.userId).toBe(world.people.staff.id);
  });

  it("signing out on one process closes the session's socket on the other within 2 s", async () => {
    const name = documentName("evaluation", world.evaluation.id);
    const http = new HttpSession(a.url);
    http.setCookie(await cookieFor(world.people.staff.id));
    await http.get("/home");
    const onB = connect(b.url, name, http.cookieHeader);
    await onB.synced;
    const started = Date.now();
    expect((await http.post("/sign-out", {})).location).toBe("/sign-in");
    await eventually(
      () => onB.closeEvents.some((event) => event.code === CLOSE.sessionEnded.code),
      2000,
      "the socket on B to close",
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(onB.closeEvents.find((e) => e.code === CLOSE.sessionEnded.code)).toEqual(
      CLOSE.sessionEnded,
    );
  });

  it("turning two-factor sign-in on at one process tells the old session's socket on the other to reconnect (ADR 048)", async () => {
    const person = await buildUser("schoolStaff", world.trust, world.school);
    const name = documentName("evaluation", world.evaluation.id);
    const http = new HttpSession(a.url);
    http.setCookie(await cookieFor(person.id));
    const page = await http.get("/account/two-factor");
    const key = setUpKeyOn(page.html);
    const onB = connect(b.url, name, http.cookieHeader);
    await onB.synced;
    const started = Date.now();
    const done = await http.post("/account/two-factor", { code: codeAt(key, new Date()) });
    expect(done.location).toBe("/account/two-factor");
    await eventually(
      () => onB.closeEvents.some((event) => event.code === CLOSE.sessionRenewed.code),
      2000,
      "the socket on B to be told to reconnect",
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(onB.closeEvents[0]).toEqual(CLOSE.sessionRenewed);
    // The browser's new cookie is let in on B.
    const renewed = connect(b.url, name, http.cookieHeader);
    await renewed.synced;
  });

  it("each update is logged once, by the process it reached first", async () => {
    // A new document, opened on both at once: seeded once too (a snapshot only one may create).
    const evaluation = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
    const name = documentName("evaluation", evaluation.id);
    const onA = connect(a.url, name, await cookieFor(world.people.staff.id));
    const onB = connect(b.url, name, await cookieFor(world.people.staff2.id));
    await Promise.all([onA.synced, onB.synced]);
    const field = freshField();
    for (let i = 0; i < 20; i++) {
      const writer = i % 2 === 0 ? onA : onB;
      writer.doc.getText(field).insert(0, `${i};`);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const expected = (text: Y.Text) => text.toString().split(";").filter(Boolean).length === 20;
    await eventually(() => expected(onA.doc.getText(field)) && expected(onB.doc.getText(field)));
    await Promise.all([onA.whenSaved(), onB.whenSaved()]);
    // Give a relayed update time to be (wrongly) logged a second time, if it were.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const entries = await DocumentUpdateModel.find({ name }).lean();
    const seen = new Map<number, [number, number][]>();
    let ranges = 0;
    for (const entry of entries) {
      const bytes = entry.update as unknown as { buffer: Uint8Array; position: number };
      for (const range of structRanges(bytes.buffer.subarray(0, bytes.position))) {
        const known = seen.get(range.client) ?? [];
        for (const [from, to] of known) {
          expect(range.from < to && from < range.to, `client ${range.client} logged twice`).toBe(
            false,
          );
        }
        known.push([range.from, range.to]);
        seen.set(range.client, known);
        ranges += 1;
      }
    }
    expect(seen.has(onA.doc.clientID) && seen.has(onB.doc.clientID)).toBe(true);
    expect(ranges).toBeGreaterThanOrEqual(2);
    const stored = new Y.Doc();
    for (const entry of (await loadStoredDocument(name)).updates)
      Y.applyUpdate(stored, entry.update);
    expect(expected(stored.getText(field))).toBe(true);
  });
});

describe("shared rate limits", () => {
  it("counts sign-in attempts across processes: five wrong on one, the sixth on the other is refused", async () => {
    const email = `nobody-${randomBytes(4).toString("hex")}@example.org`;
    for (let i = 0; i < 5; i++) {
      const http = new HttpSession(a.url);
      await http.get("/sign-in");
      const wrong = await http.post("/sign-in", { email, password: "not the password" });
      expect(wrong.status).toBe(400);
    }
    const elsewhere = new HttpSession(b.url);
    await elsewhere.get("/sign-in");
    const refused = await elsewhere.post("/sign-in", { email, password: "not the password" });
    expect(refused.status).toBe(429);
    expect(refused.html).toContain("Too many attempts.");
    const metrics = await fetch(`${b.url}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(await metrics.text()).toMatch(/^qm_rate_limit_refusals_total\{limiter="sign-in"\} 1$/m);
  });
});

describe("losing a process", () => {
  it("SIGKILL loses no confirmed edit: its client reconnects to the other and the edit is there", async () => {
    // A load balancer without sticky sessions, sending each new connection to the first that is up.
    proxy = await startTcpBalancer([a.url, b.url], { mode: "failover" });
    const name = documentName("evaluation", world.evaluation.id);
    const viaProxy = connect(proxy.url, name, await cookieFor(world.people.staff.id));
    const onB = connect(b.url, name, await cookieFor(world.people.staff2.id));
    await Promise.all([viaProxy.synced, onB.synced]);
    const field = freshField();
    viaProxy.doc.getText(field).insert(0, "confirmed before the crash");
    await viaProxy.whenSaved();

    await a.crash();
    await eventually(() => viaProxy.closeEvents.length > 0, 5000, "the socket to A to drop");
    // The provider reconnects through the proxy, which now reaches B only.
    viaProxy.doc.getText(field).insert(0, "after: ");
    await viaProxy.whenSaved(15_000);
    await eventually(
      () => onB.doc.getText(field).toString() === "after: confirmed before the crash",
      5000,
      "B to have both edits",
    );
    const fresh = connect(b.url, name, await cookieFor(world.people.staff2.id));
    await fresh.synced;
    expect(fresh.doc.getText(field).toString()).toBe("after: confirmed before the crash");
  });
});
