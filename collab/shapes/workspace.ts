import type * as Y from "yjs";

/**
 * The shape of a `workspace.<id>` document: the shared notes (a TipTap fragment), the
 * whiteboard (the same `whiteboard`/`whiteboardMeta` maps as a meeting, so the same bridge
 * draws it), and `serverChanges`: counters the server bumps after a command added to what it
 * keeps in MongoDB (library items, joint actions, shared criteria), so that every open page
 * reloads them. A counter carries no content: a member bumping one only causes a reload.
 */
export const NOTES_FIELD = "notes";
/** The live minutes of one of the workspace's meetings (same writers as the notes, ADR 022). */
export const minutesField = (meetingId: string) => `minutes-${meetingId}`;
export const serverChangesOf = (doc: Y.Doc) => doc.getMap<number>("serverChanges");

export function announceChange(
  doc: Y.Doc,
  what: "library" | "actions" | "shared" | "meetings",
): void {
  const changes = serverChangesOf(doc);
  changes.set(what, (changes.get(what) ?? 0) + 1);
}
