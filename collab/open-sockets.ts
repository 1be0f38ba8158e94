import { performance } from "node:perf_hooks";
import type { CloseReason } from "./close-codes.ts";
import type { SocketOwner } from "./context.ts";
import type { OwnerReading, SessionRead } from "./owner-reading.ts";
import { ReadingsUnderWay } from "./readings-under-way.ts";

/** One /collab or /yjs/ socket, as this process holds it. */
export interface OpenSocket {
  readonly id: string;
  readonly owner: SocketOwner | null;
  /** True once the server decided to close it: nothing it sends afterwards is handled. */
  readonly closing: boolean;
  /**
   * Bumped whenever its person's access is re-checked, so an authentication that was already
   * under way (and may have read the old grants) knows to decide again.
   */
  accessEpoch: number;
  /** True once it has been let into a document (collab/extensions/authentication.ts). */
  admitted: boolean;
  /** A reading of who its owner is, under way (collab/owner-reading.ts). */
  ownerReading: OwnerReading | null;
  /** The session record its upgrade read, until its first reading takes (or drops) it. */
  upgradeRead: SessionRead | null;
  /** Closes it with a reason the person reads, and stops handling it at once. */
  close(reason: CloseReason): void;
  /**
   * Cuts it off if its peer has not answered the last ping (its network is gone: nothing
   * closes such a socket otherwise), else pings it again (collab/heartbeat.ts).
   */
  checkAlive(): void;
}

/**
 * The open sockets of this process, found by id (from a connection's context), by session
 * (ending sessions) and by person (re-checking access). Sockets add and remove themselves
 * (collab/socket.ts). A few thousand at most per process, and looked through only when a
 * session ends or a permission changes, so plain scans are enough.
 */
export class OpenSockets {
  private readonly byId = new Map<string, OpenSocket>();
  /**
   * When sessions or tokens last ended in this process (`performance.now()`; collab/
   * session-ending.ts), so a reading taken before a socket was added can tell whether it may
   * have missed it.
   */
  lastEndingAt = -Infinity;
  /** The records being read to decide these sockets' access, shared while under way (ADR 049). */
  readonly recordReadings = new ReadingsUnderWay();

  noteEnding(): void {
    this.lastEndingAt = performance.now();
  }

  add(socket: OpenSocket): void {
    this.byId.set(socket.id, socket);
  }

  remove(socket: OpenSocket): void {
    this.byId.delete(socket.id);
  }

  get(id: string | null): OpenSocket | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** Every socket still being served (not already closing). */
  all(): OpenSocket[] {
    return [...this.byId.values()].filter((socket) => !socket.closing);
  }

  ofSessions(sessionIds: Iterable<string>): OpenSocket[] {
    const ids = new Set(sessionIds);
    return this.all().filter((s) => s.owner?.sessionId !== undefined && ids.has(s.owner.sessionId));
  }

  ofTokens(tokenIds: Iterable<string>): OpenSocket[] {
    const ids = new Set(tokenIds);
    return this.all().filter((s) => s.owner?.tokenId !== undefined && ids.has(s.owner.tokenId));
  }

  /**
   * These people's access is changing: authentications of their sockets already under way
   * decide again (their access epochs move on), and no record being read now is shared from
   * now on (ADR 049). Returns their sockets.
   */
  accessChanging(userIds: Iterable<string>): OpenSocket[] {
    const affected = this.ofUsers(userIds);
    for (const socket of affected) socket.accessEpoch += 1;
    this.recordReadings.forget();
    return affected;
  }

  ofUsers(userIds: Iterable<string>): OpenSocket[] {
    const ids = new Set(userIds);
    return this.all().filter((s) => s.owner !== null && ids.has(s.owner.userId));
  }
}
