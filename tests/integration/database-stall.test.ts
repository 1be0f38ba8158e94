import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { UNAVAILABLE } from "../../app/utils/unavailable.ts";
import { CLOSE } from "../../collab/close-codes.ts";
import { documentName } from "../../collab/document-name.ts";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import "../../models/registry.ts";
import { mongoose } from "../../models/mongoose.ts";
import { prepareDatabase } from "../../models/prepare.ts";
import { UserModel } from "../../models/user/user.ts";
import { startFerretDB, type RunningFerretDB } from "../../server/database/ferretdb.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { TEST_PASSWORD, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { spawnServer, type ServerProcess } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// This file stalls its database with SIGSTOP, so it has one of its own: the run's shared
// FerretDB must keep answering the other files.
let dir: string;
let ferret: RunningFerretDB;
let server: ServerProcess;
let world: Awaited<ReturnType<typeof buildWorld>>;
let cookie: string;
let email: string;
let signInPage: HttpSession;
let editor: TestClient;
const METRICS_TOKEN = "a-metrics-token-for-the-stall-test";

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "qm-stall-"));
  ferret = await startFerretDB({ sqliteDir: path.join(dir, "sqlite") });
  const db = { uri: ferret.uri, dbName: "stall" };
  await mongoose.connect(db.uri, { dbName: db.dbName, retryWrites: false });
  await prepareDatabase();
  world = await buildWorld();
  cookie = await cookieFor(world.people.staff.id);
  email = (await UserModel.findById(world.people.staff2.id).lean())!.email;
  // The real entry point with its default database timeouts (DATABASE_TIMEOUT_MS).
  server = await spawnServer(db, { METRICS_TOKEN });
});

afterAll(async () => {
  ferret?.child.kill("SIGCONT");
  editor?.destroy();
  await server?.stop();
  await mongoose.disconnect();
  await ferret?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `request` and how long it took, in ms. */
async function timed<T>(request: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await request();
  return [result, performance.now() - start];
}

async function page(url: string) {
  const response = await fetch(server.url + url, {
    headers: { cookie, accept: "text/html" },
    redirect: "manual",
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

function signIn() {
  return signInPage.post("/sign-in", { email, password: TEST_PASSWORD });
}

/** The HTTP status of a signed-in /collab handshake: 101 when taken. */
function handshake(): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`, {
      headers: { cookie, origin: server.url },
    });
    ws.once("upgrade", (res) => {
      resolve(res.statusCode ?? 0);
      ws.close();
    });
    ws.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.once("error", reject);
  });
}

describe("a stalled database", () => {
  it("works normally before the stall", async () => {
    expect((await page("/home")).status).toBe(200);
    expect((await page("/readyz")).status).toBe(200);
    signInPage = new HttpSession(server.url);
    await signInPage.get("/sign-in");
    editor = connectClient(server.url, documentName("evaluation", world.evaluation.id), cookie);
    await editor.synced;
  });

  it("answers an edit as applied only once it is in the database (ADR 029)", async () => {
    ferret.child.kill("SIGSTOP");
    try {
      editor.doc.getText("acknowledged").insert(0, "answered once stored");
      await new Promise((resolve) => setTimeout(resolve, 800));
      // The server has it (colleagues would see it) but has not answered: it is not stored.
      expect(editor.provider.hasUnsyncedChanges).toBe(true);
      expect(editor.tracker.state).toBe("saving");
    } finally {
      ferret.child.kill("SIGCONT");
    }
    await eventually(() => !editor.provider.hasUnsyncedChanges, 15_000, "the answer");
    // Answered: it is in the database, and the page says "Saved".
    const stored = await loadStoredDocument(documentName("evaluation", world.evaluation.id));
    const saved = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(saved, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(saved, update);
    expect(saved.getText("acknowledged").toString()).toBe("answered once stored");
    expect(editor.tracker.state).toBe("saved");
  });

  it("answers 503 with a message within seconds while it stalls, and never claims an edit is saved", async () => {
    ferret.child.kill("SIGSTOP");
    editor.doc.getText("stall").insert(0, "typed while the database stalled");

    // Another document asked for on the open socket: the server cannot check who may open it.
    const discussion = editor.alsoOpen(documentName("discussion", world.evaluation.id));
    const [
      [document, documentMs],
      [post, postMs],
      [data, dataMs],
      [ready, readyMs],
      [ws, wsMs],
      [answer, answerMs],
    ] = await Promise.all([
      timed(() => page("/home")),
      timed(signIn),
      timed(() => page("/home?_data=routes%2Fhome")),
      timed(() => page("/readyz")),
      timed(handshake),
      timed(() => discussion.authenticated.then(String, (error: Error) => error.message)),
    ]);

    // A page: the error page, with the message, as HTML.
    expect(document.status).toBe(503);
    expect(document.headers.get("content-type")).toMatch(/text\/html/);
    expect(document.text).toContain(UNAVAILABLE.message);
    expect(documentMs).toBeLessThan(5000);
    // A form post (sign-in): the same page.
    expect(post.status).toBe(503);
    expect(post.html).toContain(UNAVAILABLE.message);
    expect(postMs).toBeLessThan(5000);
    // A data request: the message as JSON, with Retry-After.
    expect(data.status).toBe(503);
    expect(JSON.parse(data.text)).toMatchObject({ formError: UNAVAILABLE.message });
    expect(data.headers.get("retry-after")).toBe("5");
    expect(dataMs).toBeLessThan(5000);
    // Readiness says so within a second.
    expect(ready.status).toBe(503);
    expect(readyMs).toBeLessThan(1000);
    // The collaboration socket is refused rather than left hanging.
    expect(ws).toBe(503);
    expect(wsMs).toBeLessThan(5000);
    // The document asked for meanwhile is not refused ("no access" would be untrue): the socket
    // closes with "try again later" and reconnects.
    expect(answer).toBe(CLOSE.unavailable.reason);
    expect(answerMs).toBeLessThan(5000);
    await eventually(
      () => editor.closeEvents.some((e) => e.code === CLOSE.unavailable.code),
      5000,
      "the socket to close with 1013",
    );
    // The edit typed meanwhile is still "Saving…": nothing confirmed what the database lacks.
    expect(editor.tracker.hasUnsavedEdits).toBe(true);
  });

  it("recovers by itself when the database answers again, and saves the edit typed meanwhile", async () => {
    ferret.child.kill("SIGCONT");
    await eventually(
      async () => (await page("/home").catch(() => ({ status: 0 }))).status === 200,
      15_000,
      "pages to work again",
    );
    await editor.whenSaved(15_000);
    // The socket that closed reconnected and was let in again.
    expect(editor.authEvents.at(-1)).toBe("read-write");
    const stored = await loadStoredDocument(documentName("evaluation", world.evaluation.id));
    const saved = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(saved, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(saved, update);
    expect(saved.getText("stall").toString()).toBe("typed while the database stalled");

    const post = await signIn();
    expect(post.status).toBe(302);
    expect(post.location).toBe("/home");
    expect((await page("/home?_data=routes%2Fhome")).status).toBe(200);
    expect((await page("/readyz")).status).toBe(200);
    expect(await handshake()).toBe(101);
  });
});

async function metrics(): Promise<string> {
  const response = await fetch(`${server.url}/metrics`, {
    headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
  });
  return response.text();
}

/** One metric's value from /metrics (`name` with its labels, as written there). */
async function gauge(name: string): Promise<number> {
  const escaped = name.replace(/[{}]/g, "\\$&");
  return Number(new RegExp(`^${escaped} (\\S+)$`, "m").exec(await metrics())?.[1]);
}

describe("database commands in /metrics", () => {
  it("counts the commands the server sent, by collection, and those that failed in the stall", async () => {
    const inserts = await gauge(
      'qm_database_command_seconds_count{command="insert",collection="documentupdates",outcome="ok"}',
    );
    expect(inserts).toBeGreaterThan(0);
    expect(await metrics()).toMatch(
      /^qm_database_command_seconds_count\{[^}]*outcome="failed"\} [1-9]/m,
    );
  });
});

describe("a stall while the last person leaves a document", () => {
  it("still unloads the document once the snapshot could not be written (nothing stays loaded with nobody on it)", async () => {
    const name = documentName("evaluation", world.evaluation.id);
    const last = connectClient(server.url, name, cookie);
    await last.synced;
    last.doc.getText("stall").insert(0, "Before the second stall. ");
    await last.whenSaved(15_000);
    editor.destroy();
    // Everything this person typed is in the log; the last leave then compacts (a snapshot
    // write), which times out while the database is stopped.
    ferret.child.kill("SIGSTOP");
    last.destroy();
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    ferret.child.kill("SIGCONT");
    await eventually(
      async () => (await gauge("qm_collab_documents_loaded")) === 0,
      20_000,
      "the document to be unloaded after the failed snapshot write",
    );
    expect(await gauge("qm_collab_documents_without_connections")).toBe(0);
    // And nothing typed was lost: the log still holds it, and the document opens with it.
    const reopened = connectClient(server.url, name, cookie);
    try {
      await reopened.synced;
      expect(reopened.doc.getText("stall").toString()).toBe(
        "Before the second stall. typed while the database stalled",
      );
    } finally {
      reopened.destroy();
    }
  });
});
