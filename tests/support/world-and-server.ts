import { afterAll, beforeAll } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { buildWorld } from "./factories.ts";
import { startTestServer } from "./server.ts";

export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * A world (`buildWorld`) and the real app on a free port, made before this file's tests and
 * closed after them. Read its fields inside tests (they are set by then).
 */
export function useWorldAndServer(): { readonly world: World; readonly server: AppServer } {
  const held: { world?: World; server?: AppServer } = {};
  beforeAll(async () => {
    held.world = await buildWorld();
    held.server = await startTestServer();
  });
  afterAll(async () => {
    await held.server?.close();
  });
  return {
    get world() {
      return held.world!;
    },
    get server() {
      return held.server!;
    },
  };
}
