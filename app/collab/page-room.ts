import { createHocuspocusRoom } from "./hocuspocus-room.client.ts";
import type { Room } from "./room.ts";

/**
 * The page's one room per signed-in person (browser only). Every document any component of the
 * page opens goes through it, so the page has one connection however many documents it shows;
 * the connection closes when the last document does (the page was left).
 *
 * The only place that chooses the backend.
 */
const rooms = new Map<string, Room>();

export function pageRoom(userId: string): Room {
  let room = rooms.get(userId);
  if (!room) {
    room = createHocuspocusRoom({ userId });
    rooms.set(userId, room);
  }
  return room;
}
