import * as Y from "yjs";
import type { CollabAccess } from "../../collab/access.ts";

/**
 * A live document's current state for the page that shows it (base64 of a Yjs update): the
 * page renders the real content on the server and is usable at once in the browser, before its
 * connection has synced (collab-room.tsx `initialState`). Only for a document the loader has
 * already checked the person may read. Opening it here also loads it for the socket that follows.
 */
export async function documentStateFor(collab: CollabAccess, name: string): Promise<string> {
  const doc = await collab.read(name);
  try {
    return Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64");
  } finally {
    doc.destroy();
  }
}
