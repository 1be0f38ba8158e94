import type { CollabBackendChoice } from "../../collab/liveblocks/settings.ts";
import { createHocuspocusRoom } from "./hocuspocus-room.client.ts";
import { createLiveblocksRoom } from "./liveblocks-room.client.ts";
import type { Room } from "./room.ts";

/**
 * The page's one room per signed-in person (browser only). Every document any component of the
 * page opens goes through it, so the page has one connection however many documents it shows;
 * the connection closes when the last document does (the page was left).
 *
 * The only place that chooses the backend: Hocuspocus (ours, the default) or Liveblocks
 * (COLLAB_BACKEND=liveblocks, ADR 021), as the root loader said.
 */
const rooms = new Map<string, Room>();
let backend: CollabBackendChoice = { name: "hocuspocus", baseUrl: null };

/** Called by the root route with what the server runs on, before any room opens. */
export function chooseCollabBackend(choice: CollabBackendChoice | undefined): void {
  if (!choice || (choice.name === backend.name && choice.baseUrl === backend.baseUrl)) return;
  backend = choice;
  rooms.clear();
}

export function pageRoom(userId: string): Room {
  let room = rooms.get(userId);
  if (!room) {
    room =
      backend.name === "liveblocks"
        ? createLiveblocksRoom({ userId, baseUrl: backend.baseUrl })
        : createHocuspocusRoom({ userId });
    rooms.set(userId, room);
  }
  return room;
}
