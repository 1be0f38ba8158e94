import type { CollabBackendChoice } from "../../collab/liveblocks/settings.ts";
import { createHocuspocusRoom } from "./hocuspocus-room.client.ts";
import type { Room } from "./room.ts";

/**
 * The page's one room per signed-in person (browser only). Every document any component of the
 * page opens goes through it, so the page has one connection however many documents it shows;
 * the connection closes when the last document does (the page was left).
 *
 * The only place that chooses the backend: Hocuspocus (ours, the default) or Liveblocks
 * (COLLAB_BACKEND=liveblocks, ADR 021), as the root loader said. Liveblocks' client (about
 * 210 KB of script) is fetched only on a site that runs on it, when its first room opens, so
 * every page of the default site loads and starts without it.
 */
const rooms = new Map<string, Room | Promise<Room>>();
let backend: CollabBackendChoice = { name: "hocuspocus", baseUrl: null };

/** Called by the root route with what the server runs on, before any room opens. */
export function chooseCollabBackend(choice: CollabBackendChoice | undefined): void {
  if (!choice || (choice.name === backend.name && choice.baseUrl === backend.baseUrl)) return;
  backend = choice;
  rooms.clear();
}

async function liveblocksRoom(userId: string, baseUrl: string | null): Promise<Room> {
  const { createLiveblocksRoom } = await import("./liveblocks-room.client.ts");
  return createLiveblocksRoom({ userId, baseUrl });
}

/**
 * The person's room: at once on Hocuspocus; on Liveblocks a promise the first time (its client
 * is still on its way), the room itself once it has come.
 */
export function pageRoom(userId: string): Room | Promise<Room> {
  const known = rooms.get(userId);
  if (known) return known;
  if (backend.name !== "liveblocks") {
    const room = createHocuspocusRoom({ userId });
    rooms.set(userId, room);
    return room;
  }
  const coming = liveblocksRoom(userId, backend.baseUrl);
  rooms.set(userId, coming);
  void coming.then(
    (room) => rooms.get(userId) === coming && rooms.set(userId, room),
    // A failed fetch (offline): the next open asks again.
    () => rooms.get(userId) === coming && rooms.delete(userId),
  );
  return coming;
}

/** Calls `use` with the person's room as soon as it is there; the call returned cancels that. */
export function withPageRoom(userId: string, use: (room: Room) => void): () => void {
  const room = pageRoom(userId);
  if (!(room instanceof Promise)) {
    use(room);
    return () => {};
  }
  let cancelled = false;
  room.then((ready) => !cancelled && use(ready)).catch(console.error);
  return () => {
    cancelled = true;
  };
}
