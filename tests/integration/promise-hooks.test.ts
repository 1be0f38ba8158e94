import { executionAsyncId } from "node:async_hooks";
import { afterAll, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { connectClient, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { cookieFor } from "../support/sessions.ts";
import { useWorldAndServer } from "../support/world-and-server.ts";

// ADR 050: on Node 20 the first `AsyncLocalStorage.run` turns on promise hooks for the whole
// process, for good: every promise then costs a hook call, the collab path's included. Nothing
// the server does for a page or a socket may turn them on.

useTestDatabase();
const the = useWorldAndServer();
const clients: TestClient[] = [];
afterAll(() => clients.forEach((client) => client.destroy()));

/**
 * Whether Node is tracking promises: with its promise hooks on, each `await` runs in an async
 * resource of its own; without them, consecutive continuations share the one they run under.
 */
async function promisesTracked(): Promise<boolean> {
  await null;
  const first = executionAsyncId();
  await null;
  return executionAsyncId() !== first;
}

it("serving pages and sockets leaves Node's promise hooks off", async () => {
  expect(await promisesTracked()).toBe(false);
  const cookie = await cookieFor(the.world.people.schoolLeader.id);
  for (const page of ["/home", `/evaluations/${the.world.evaluation.id}`]) {
    const response = await fetch(`${the.server.url}${page}`, { headers: { cookie } });
    expect(response.status, page).toBe(200);
    await response.text();
  }
  const client = connectClient(
    the.server.url,
    documentName("evaluation", the.world.evaluation.id),
    cookie,
  );
  clients.push(client);
  expect(await client.authenticated).toBe("read-write");
  await client.synced;
  expect(await promisesTracked()).toBe(false);
});
