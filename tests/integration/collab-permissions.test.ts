import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import { documentName } from "../../collab/document-name.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let name: string;
const clients: TestClient[] = [];

async function clientAs(userId: string | null, doc = name) {
  const client = connectClient(server.url, doc, userId ? await cookieFor(userId) : null);
  clients.push(client);
  return client;
}

function storedText(stored: Awaited<ReturnType<typeof loadStoredDocument>>, field: string): string {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u.update);
  return doc.getText(field).toString();
}

beforeAll(async () => {
  world = await buildWorld();
  name = documentName("evaluation", world.evaluation.id);
  server = await startTestServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe("evaluation document over /collab", () => {
  it("lets two of the school's team co-edit: both converge", async () => {
    const a = await clientAs(world.people.staff.id);
    const b = await clientAs(world.people.staff2.id);
    expect(await a.authenticated).toBe("read-write");
    await Promise.all([a.synced, b.synced]);
    a.doc.getText("scratch").insert(0, "Alpha ");
    b.doc.getText("scratch").insert(0, "Beta ");
    judgementsOf(a.doc).set("incl-1", "strong");
    await eventually(
      () =>
        a.doc.getText("scratch").toString() === b.doc.getText("scratch").toString() &&
        a.doc.getText("scratch").length === 11,
      5000,
      "convergence",
    );
    await eventually(() => judgementsOf(b.doc).get("incl-1") === "strong", 5000, "judgement");
    await Promise.all([a.whenSaved(), b.whenSaved()]);
  });

  it("opens the document read-only for trust leaders and admins, and refuses their updates", async () => {
    const writer = await clientAs(world.people.staff.id);
    await writer.synced;
    for (const reader of [
      await clientAs(world.people.trustLeader.id),
      await clientAs(world.people.trustAdmin.id),
    ]) {
      expect(await reader.authenticated).toBe("readonly");
      await reader.synced;
      reader.doc.getText("forged").insert(0, "should never arrive");
    }
    // The honest writer's later edit arrives; the forged ones never do, nor are they stored.
    writer.doc.getText("marker").insert(0, "after");
    await writer.whenSaved();
    const observer = await clientAs(world.people.staff2.id);
    await observer.synced;
    await eventually(() => observer.doc.getText("marker").toString() === "after");
    expect(observer.doc.getText("forged").toString()).toBe("");
    expect(writer.doc.getText("forged").toString()).toBe("");
    expect(storedText(await loadStoredDocument(name), "forged")).toBe("");
  });

  it("refuses staff of another school, validators not assigned, and signed-out users alike", async () => {
    for (const userId of [world.people.otherStaff.id, world.people.validator.id, null]) {
      const client = await clientAs(userId);
      await expect(client.authenticated).rejects.toThrow(
        "You do not have access to this document.",
      );
      expect(client.doc.getMap("meta").size).toBe(0);
    }
  });

  it("answers unknown and malformed document names exactly like forbidden ones", async () => {
    const names = [
      "evaluation.0123456789abcdef01234567",
      "evaluation.nothex",
      "evaluation",
      "../etc/passwd",
      `EVALUATION.${world.evaluation.id}`,
      `record.${world.evaluation.id}`,
    ];
    for (const doc of names) {
      const client = await clientAs(world.people.staff.id, doc);
      await expect(client.authenticated).rejects.toThrow(
        "You do not have access to this document.",
      );
    }
  });

  it("stamps presence with the signed-in person, whatever the client claims", async () => {
    const liar = await clientAs(world.people.staff.id);
    const watcher = await clientAs(world.people.trustLeader.id);
    await Promise.all([liar.synced, watcher.synced]);
    liar.provider.awareness!.setLocalStateField("user", {
      name: "The Headteacher",
      role: "Trust admin",
      userId: "x",
    });
    await eventually(
      () => {
        const state = watcher.provider.awareness!.getStates().get(liar.doc.clientID);
        return state?.user?.name === "Alex Staff";
      },
      5000,
      "stamped presence",
    );
    const state = watcher.provider.awareness!.getStates().get(liar.doc.clientID)!;
    expect(state.user).toMatchObject({
      name: "Alex Staff",
      role: "School staff",
      userId: world.people.staff.id,
      observing: false,
    });
    // Read-only people appear too, marked as observing.
    watcher.provider.awareness!.setLocalStateField("user", { name: "Someone else" });
    await eventually(
      () =>
        liar.provider.awareness!.getStates().get(watcher.doc.clientID)?.user?.name ===
        "David Leader",
    );
    expect(liar.provider.awareness!.getStates().get(watcher.doc.clientID)!.user.observing).toBe(
      true,
    );
  });
});

describe("bad collab messages", () => {
  async function rawSocket(cookie: string) {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`, {
      headers: { cookie, origin: server.url },
    });
    await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    return { ws, closed };
  }

  it("closes the connection that sends a malformed message, with a reason; others carry on", async () => {
    const bystander = await clientAs(world.people.staff2.id);
    await bystander.synced;
    const { ws, closed } = await rawSocket(await cookieFor(world.people.staff.id));
    // A document name then a sync "update" whose payload is not a Yjs update.
    const nameBytes = Buffer.from(name);
    ws.send(
      Buffer.concat([
        Buffer.from([nameBytes.length]),
        nameBytes,
        Buffer.from([0, 2, 5, 255, 255, 255, 255, 255]),
      ]),
    );
    expect(await closed).toEqual({
      code: 4400,
      reason: expect.stringContaining("could not read a message"),
    });
    bystander.doc.getText("after-bad").insert(0, "still fine");
    await bystander.whenSaved();
  });

  it("closes the connection that sends an oversized message", async () => {
    const { ws, closed } = await rawSocket(await cookieFor(world.people.staff.id));
    ws.send(Buffer.alloc(2 * 1024 * 1024 + 10, 1));
    expect((await closed).code).toBe(4413);
  });

  it("closes text frames as malformed", async () => {
    const { ws, closed } = await rawSocket(await cookieFor(world.people.staff.id));
    ws.send("hello");
    expect((await closed).code).toBe(4400);
  });

  it("refuses a WebSocket handshake from another site", async () => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`, {
      headers: { cookie: await cookieFor(world.people.staff.id), origin: "https://evil.example" },
    });
    const status = await new Promise<number>((resolve) =>
      ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });
});
