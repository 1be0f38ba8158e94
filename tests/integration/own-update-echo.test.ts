import * as decoding from "lib0/decoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let server: Awaited<ReturnType<typeof startTestServer>>;
let name: string;
let author: TestClient;
let reader: TestClient;

beforeAll(async () => {
  const world = await buildWorld();
  name = documentName("evaluation", world.evaluation.id);
  server = await startTestServer();
  author = connectClient(server.url, name, await cookieFor(world.people.staff.id));
  reader = connectClient(server.url, name, await cookieFor(world.people.staff2.id));
  await Promise.all([author.synced, reader.synced]);
});

afterAll(async () => {
  author?.destroy();
  reader?.destroy();
  await server?.close();
});

/** The document updates (Hocuspocus Sync, step "update") among what a client was sent. */
function updatesIn(received: Uint8Array[]): Uint8Array[] {
  return received.filter((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarString(decoder) !== name) return false;
    return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 2;
  });
}

describe("a client is not sent its own updates back (ADR 052)", () => {
  it("the author is answered but not sent its keystrokes; everyone else is sent them", async () => {
    author.received.length = 0;
    reader.received.length = 0;
    const text = author.doc.getText("echo");
    for (let i = 0; i < 5; i++) {
      text.insert(text.length, "x");
      // Answered once durable: the broadcast of the keystroke went out before the answer.
      await author.whenSaved();
    }
    await eventually(() => reader.doc.getText("echo").toString() === "xxxxx", 5000, "reader");
    expect(updatesIn(reader.received)).toHaveLength(5);
    expect(updatesIn(author.received)).toEqual([]);

    // The other way round: the author is sent the reader's change, and the reader not its own.
    reader.doc.getText("echo").insert(0, "y");
    await reader.whenSaved();
    await eventually(() => text.toString() === "yxxxxx", 5000, "author");
    expect(updatesIn(author.received)).toHaveLength(1);
    expect(updatesIn(reader.received)).toHaveLength(5);
  });
});
