import * as Y from "yjs";

/** Two people's copies of one document, kept in step the way the server would. */
export function docPair(): { mine: Y.Doc; theirs: Y.Doc } {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  mine.on("update", (u: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(theirs, u, "remote");
  });
  theirs.on("update", (u: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(mine, u, "remote");
  });
  return { mine, theirs };
}
