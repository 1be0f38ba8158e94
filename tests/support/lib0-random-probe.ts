// Run as its own process by tests/integration/lib0-random.test.ts: loads lib0 the way the
// server's entry does, then makes Y.Docs and says where their randomness came from.
import "../../server/lib0-random.ts";
import { webcrypto } from "node:crypto";
import * as Y from "yjs";
import { poolFills, pooledRandomValues } from "../../server/random-pool.ts";

const docs = 1000;
const before = poolFills();
const guids = new Set<string>();
const clientIds = new Set<number>();
for (let i = 0; i < docs; i++) {
  const doc = new Y.Doc();
  guids.add(doc.guid);
  clientIds.add(doc.clientID);
  doc.destroy();
}
const ownRestored = webcrypto.getRandomValues !== (pooledRandomValues as unknown);
console.log(
  JSON.stringify({
    docs,
    fills: poolFills() - before,
    guids: guids.size,
    clientIds: clientIds.size,
    ownRestored,
  }),
);
