import type { CommandStartedEvent } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { COMPACTIONS_AT_ONCE } from "../../collab/extensions/persistence.ts";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import { mongoose } from "../../models/mongoose.ts";
import { connectClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// ADR 025: compactions wait their turn in the process, a few at a time. Documents opened
// together reach the compaction length together (or are left together), and a hundred snapshot
// writes at once held every update-log insert up behind them.

useTestDatabase();
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
});

/** The most snapshot-state inserts the database had in hand at once, while watching. */
function watchStateInserts() {
  const client = mongoose.connection.getClient();
  const inFlight = new Set<number>();
  let most = 0;
  let count = 0;
  const started = (event: CommandStartedEvent) => {
    if (event.commandName !== "insert" || event.command.insert !== "documentstates") return;
    inFlight.add(event.requestId);
    count += 1;
    most = Math.max(most, inFlight.size);
  };
  const ended = (event: { requestId: number }) => inFlight.delete(event.requestId);
  client.on("commandStarted", started);
  client.on("commandSucceeded", ended);
  client.on("commandFailed", ended);
  return {
    get most() {
      return most;
    },
    get count() {
      return count;
    },
    stop() {
      client.off("commandStarted", started);
      client.off("commandSucceeded", ended);
      client.off("commandFailed", ended);
    },
  };
}

describe("compactions in turn", () => {
  it("eight documents stored at the same moment are each compacted, at most two at a time", async () => {
    const evaluations = await Promise.all(
      Array.from({ length: 8 }, () =>
        buildEvaluation(world.school, world.people.schoolLeader, world.trust),
      ),
    );
    const names = evaluations.map((evaluation) => documentName("evaluation", evaluation.id));
    const cookie = await cookieFor(world.people.staff.id);
    const server = await startTestServer({ storeDebounceMs: 60_000 });
    const clients = names.map((name) => connectClient(server.url, name, cookie));
    let inserts: ReturnType<typeof watchStateInserts> | null = null;
    try {
      await Promise.all(clients.map((client) => client.synced));
      await Promise.all(
        clients.map(async (client, i) => {
          client.doc.getText("typed").insert(0, `document ${i}`);
          await client.whenSaved();
        }),
      );
      // Watched from here: opening new documents stored their seeds, each as a first snapshot.
      inserts = watchStateInserts();
      // Shutting down stores every open document at once, and every such store compacts.
      await server.close();
    } finally {
      inserts?.stop();
      for (const client of clients) client.destroy();
    }
    for (const name of names) expect((await loadStoredDocument(name)).snapshotVersion).toBe(2);
    expect(inserts?.count).toBe(names.length);
    expect(inserts?.most).toBeLessThanOrEqual(COMPACTIONS_AT_ONCE);
  });
});
