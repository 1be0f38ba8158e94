import { performance } from "node:perf_hooks";
import type { Session } from "../models/session/session.ts";
import { currentActor, type OwnerNow } from "./current-actor.ts";
import type { OpenSocket, OpenSockets } from "./open-sockets.ts";

/**
 * How long after the upgrade's read of a socket's session its first document may still use that
 * record instead of reading the session again (ADR 047). A browser asks for its documents as
 * soon as the socket opens, so this is generous.
 */
export const UPGRADE_READ_MS = 2_000;

/** The session record a socket's upgrade read, and when that read began (`performance.now()`). */
export interface SessionRead {
  session: Session;
  startedAt: number;
}

/** A reading of a socket's owner under way, and the access epoch it began in. */
export interface OwnerReading {
  epoch: number;
  now: Promise<OwnerNow>;
}

/**
 * Who `socket`'s owner is now, for a document it asks for. A page opens its documents together
 * (a validation meeting: the meeting, the evaluation, its record and its discussion), and each
 * used to read the session, the person, their second factor and their grants again, a few
 * milliseconds apart: the documents asked for while a reading is under way, in the same access
 * epoch, share it. Once it has answered, the next document reads afresh. A change of grants
 * bumps the socket's access epoch first (collab/access-recheck.ts), so a reading begun before
 * it is not shared after it; a session or token that ends closes the socket
 * (collab/session-ending.ts), and a closing socket is let into nothing.
 *
 * The socket's first reading takes the session record its upgrade read instead of reading it
 * again, if that read began less than `UPGRADE_READ_MS` ago and after the last time any session
 * or token ended in this process: the socket was not registered yet then, so an ending in
 * between would not have closed it.
 */
export function ownerNow(socket: OpenSocket, sockets: OpenSockets): Promise<OwnerNow> {
  const under = socket.ownerReading;
  if (under && under.epoch === socket.accessEpoch) return under.now;
  const upgrade = socket.upgradeRead;
  socket.upgradeRead = null;
  const usable =
    upgrade &&
    performance.now() - upgrade.startedAt < UPGRADE_READ_MS &&
    upgrade.startedAt > sockets.lastEndingAt;
  const reading: OwnerReading = {
    epoch: socket.accessEpoch,
    now: currentActor(socket.owner, usable ? upgrade.session : undefined),
  };
  socket.ownerReading = reading;
  const done = () => {
    if (socket.ownerReading === reading) socket.ownerReading = null;
  };
  reading.now.then(done, done);
  return reading.now;
}
