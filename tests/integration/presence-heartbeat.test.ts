import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { cuttableNetwork, type CuttableNetwork } from "../support/cuttable-network.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// Someone whose network vanishes mid-meeting (no close is ever sent) stops being shown as
// present within two heartbeats, not after the half minute presence takes to go stale.
useTestDatabase();
const HEARTBEAT_MS = 400;
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let network: CuttableNetwork;
const clients: TestClient[] = [];

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer({ env: { COLLAB_HEARTBEAT_MS: HEARTBEAT_MS } });
  network = await cuttableNetwork(server.url);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await network.close();
  await server.close();
});

describe("a person whose network vanishes", () => {
  it("is no longer shown as present to the others within two heartbeats", async () => {
    const name = documentName("evaluation", world.evaluation.id);
    const leaving = connectClient(network.url, name, await cookieFor(world.people.staff.id));
    const staying = connectClient(server.url, name, await cookieFor(world.people.staff2.id));
    clients.push(leaving, staying);
    await Promise.all([leaving.synced, staying.synced]);
    leaving.provider.awareness!.setLocalStateField("user", { name: "Alex Staff" });
    const present = () => staying.provider.awareness!.getStates().has(leaving.doc.clientID);
    await eventually(present, 5000, "the leaving person shown as present");
    // Connected for longer than a heartbeat: answering pings keeps a socket open.
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS * 3));
    expect(present()).toBe(true);

    network.cut();
    const cutAt = Date.now();
    await eventually(() => !present(), HEARTBEAT_MS * 2 + 3000, "presence gone");
    expect(Date.now() - cutAt).toBeLessThan(HEARTBEAT_MS * 2 + 3000);
    // The person who stayed is still served.
    staying.doc.getText("probe").insert(0, "still here");
    await staying.whenSaved();
  });
});
