import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import type { CollabAccess } from "./access.ts";
import { recheckAccess } from "./access-recheck.ts";
import type { CollabContext, SocketOwner } from "./context.ts";
import { AuthenticationExtension } from "./extensions/authentication.ts";
import { IdentityExtension } from "./extensions/identity.ts";
import { PersistenceExtension, type PersistenceObserver } from "./extensions/persistence.ts";
import { ProjectionExtension } from "./extensions/projection.ts";
import { STORE_SPREAD_MAX_MS, StoreSpreadExtension } from "./extensions/store-spread.ts";
import { AckWhenDurable } from "./durable-ack.ts";
import { MAX_MESSAGE_BYTES } from "./message-guard.ts";
import { CLOSE, type CloseReason } from "./close-codes.ts";
import { OpenSockets, type OpenSocket } from "./open-sockets.ts";
import type { SessionRead } from "./owner-reading.ts";
import { endSessions } from "./session-ending.ts";
import { startSessionSweep } from "./session-sweep.ts";
import { serveSocket } from "./socket.ts";
import type { RedisSettings } from "./redis.ts";
import { joinCluster } from "./cluster.ts";
import type { SocketSignal } from "./cluster-signal.ts";
import { YjsEdge, authenticateMessage, toHocuspocus } from "./yjs-edge.ts";
import { startHeartbeat } from "./heartbeat.ts";

export interface CollabOptions {
  /** How long after the last edit a document is compacted and its projection written. */
  storeDebounceMs?: number;
  storeMaxDebounceMs?: number;
  /** How often open sockets' sessions are checked for expiry (collab/session-sweep.ts). */
  sessionSweepMs?: number;
  /** How often open sockets are pinged (collab/heartbeat.ts); 5 s by default. */
  heartbeatMs?: number;
  /** How often compacted log entries are deleted (ADR 024); 30 s by default. */
  logTrimMs?: number;
  /** How long accepted updates wait to be written to the log together (ADR 029); 60 ms. */
  logFlushMs?: number;
  /** How long relayed updates wait, at most, for a check against the log (ADR 041); 5 min. */
  relayedCheckMs?: number;
  /** With Redis, one of several processes serving the same documents (ADR 018). */
  redis?: RedisSettings | null;
  /** Timings for /metrics. */
  observe?: PersistenceObserver;
}

export interface CollabServer extends CollabAccess {
  hocuspocus: Hocuspocus<CollabContext>;
  /**
   * Takes over an HTTP upgrade for /collab, for the session its cookie named (null: none), with
   * that session's record as the upgrade read it (collab/owner-reading.ts).
   */
  handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    owner: SocketOwner | null,
    upgradeRead?: SessionRead | null,
  ): void;
  /**
   * Takes over an HTTP upgrade for /yjs/<document name>: a y-websocket client, for the session
   * or access token its credentials named (null: none), translated at the edge into this same
   * server (collab/yjs-edge.ts, ADR 019).
   */
  handleYjsUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    owner: SocketOwner | null,
    documentName: string,
    upgradeRead?: SessionRead | null,
  ): void;
  /** Accepts a /yjs/ upgrade only to close it at once with `reason` (a client that retries on
   *  HTTP errors stops on a close in the 4400s). */
  refuseYjsUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, reason: CloseReason): void;
  /** Persists everything pending and closes every connection. */
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    // Credentials stay here: extensions get the owner's ids in the context, never a secret.
    if (typeof value === "string" && key !== "authorization" && key !== "cookie") {
      headers.set(key, value);
    }
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  url.searchParams.delete("token");
  return new Request(url, { headers });
}

export function createCollabServer(options: CollabOptions = {}): CollabServer {
  // Every open socket of this process, by session and by person: how ending a session or
  // changing a permission reaches the sockets it concerns.
  const sockets = new OpenSockets();
  const persistence = new PersistenceExtension(
    options.observe,
    options.logTrimMs,
    options.logFlushMs,
    options.relayedCheckMs,
  );
  // With several processes: what another process decided about sockets, applied to ours.
  const applySignal = (signal: SocketSignal) => {
    if (signal.type === "endSessions") endSessions(sockets, signal.target);
    else void recheckAccess(hocuspocus, sockets, signal.userIds).catch(console.error);
  };
  // Another process fell silent: it may have died before logging what it relayed here.
  const cluster = options.redis
    ? joinCluster(options.redis, applySignal, () => persistence.checkRelayed())
    : null;
  const debounce = options.storeDebounceMs ?? 2000;
  // A store waits up to as long again for its document's moment (ADR 044).
  const spread = new StoreSpreadExtension(Math.min(debounce, STORE_SPREAD_MAX_MS));
  const hocuspocus = new Hocuspocus<CollabContext>({
    name: "collab",
    quiet: true,
    debounce,
    maxDebounce: options.storeMaxDebounceMs ?? 10000,
    // Order matters: who you are and what you may do, then how you appear, then storage.
    extensions: [
      // Sorts itself first (its priority): a store waits for its moment before anything else.
      spread,
      new AuthenticationExtension(sockets),
      new IdentityExtension(),
      persistence,
      new ProjectionExtension(),
      // The Redis relay sorts itself first (its priority) so it can hold a store's lock.
      ...(cluster?.extensions ?? []),
    ],
  });
  // Slightly above our own limit, so our clearer close reason wins for near misses.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES + 64 * 1024 });
  // Sessions that end without anyone saying so (expiry) still close their sockets.
  const stopSweep = startSessionSweep(sockets, options.sessionSweepMs ?? 30_000);
  // Peers whose network vanished are let go, and so is their presence.
  const stopHeartbeat = startHeartbeat(sockets, options.heartbeatMs ?? 5_000);

  function handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    owner: SocketOwner | null,
    upgradeRead?: SessionRead | null,
  ) {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const id = randomUUID();
      const context: CollabContext = { socketId: id, owner };
      // Each update is answered "applied" once it is durable (ADR 029).
      const acks = new AckWhenDurable(ws, (name, then, sync) =>
        sync ? persistence.afterSyncDurable(name, then) : persistence.afterDurable(name, then),
      );
      const client = hocuspocus.handleConnection(acks, toRequest(req), context);
      serveSocket({ id, owner, upgradeRead, ws, client, sockets });
    });
  }

  function handleYjsUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    owner: SocketOwner | null,
    documentName: string,
    upgradeRead?: SessionRead | null,
  ) {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const id = randomUUID();
      const context: CollabContext = { socketId: id, owner };
      let open: OpenSocket | null = null;
      // Refused (not found, forbidden, credential ended): the client is told, then the socket
      // closes with the reason in the 4400s, so y-websocket does not retry.
      const edge = new YjsEdge(ws, (reason) => {
        const known = Object.values(CLOSE).find((r) => r.reason === reason);
        open?.close(known ?? CLOSE.forbidden);
      });
      const client = hocuspocus.handleConnection(edge, toRequest(req), context);
      open = serveSocket({
        id,
        owner,
        upgradeRead,
        ws,
        client,
        sockets,
        translate: (data) => toHocuspocus(documentName, data),
      });
      // y-websocket never authenticates in-band: the credential came with the upgrade.
      client.handleMessage(authenticateMessage(documentName));
    });
  }

  function refuseYjsUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    reason: CloseReason,
  ) {
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.close(reason.code, reason.reason);
      setTimeout(() => ws.terminate(), 2000).unref();
    });
  }

  // The server's own connections (Remix actions) belong to no socket and no person.
  const asServer: CollabContext = { socketId: null, owner: null };

  async function read(name: string): Promise<Y.Doc> {
    // Open already (someone is on it): copy it as it is, without a connection (which would
    // schedule a store when it closes). Otherwise load it (and seed it, if it is new).
    const open = hocuspocus.documents.get(name);
    if (open && !open.isLoading) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(open));
      return copy;
    }
    const connection = await hocuspocus.openDirectConnection(name, asServer);
    try {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(connection.document!));
      return copy;
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  async function change(name: string, apply: (doc: Y.Doc) => void): Promise<void> {
    const connection = await hocuspocus.openDirectConnection(name, asServer);
    try {
      await connection.transact((doc) => apply(doc));
      await persistence.whenDurable(name);
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  async function close() {
    stopSweep();
    stopHeartbeat();
    persistence.shuttingDown();
    spread.shuttingDown();
    hocuspocus.flushPendingStores();
    await persistence.flushAll();
    // Let the stores started above (compaction, projection) finish before sockets go.
    const stores = [...hocuspocus.documents.values()].map((doc) => doc.saveMutex.waitForUnlock());
    await Promise.all(stores);
    // And those of documents unloading as the last person left: the database goes after this.
    await persistence.compactionsDone();
    await persistence.trimLog();
    persistence.closed();
    for (const ws of wss.clients) ws.close(1001, "The server is restarting.");
    wss.close();
    await cluster?.close();
  }

  return {
    hocuspocus,
    handleUpgrade,
    handleYjsUpgrade,
    refuseYjsUpgrade,
    read,
    change,
    // Each acts on this process's sockets at once and, with several processes, is published
    // to the others, which apply it to the sockets they hold (collab/cluster-signal.ts).
    endSessions: async (target) => {
      endSessions(sockets, target);
      await cluster?.signal.publish({ type: "endSessions", target });
    },
    recheckAccess: async (userIds) => {
      await Promise.all([
        recheckAccess(hocuspocus, sockets, userIds),
        cluster?.signal.publish({ type: "recheckAccess", userIds }),
      ]);
    },
    close,
  };
}
