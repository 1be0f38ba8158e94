import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import type { CollabAccess } from "./access.ts";
import { WebSocketServer, type RawData } from "ws";
import type { CollabContext } from "./context.ts";
import { AuthenticationExtension } from "./extensions/authentication.ts";
import { IdentityExtension } from "./extensions/identity.ts";
import { PersistenceExtension } from "./extensions/persistence.ts";
import { ProjectionExtension } from "./extensions/projection.ts";
import { MAX_MESSAGE_BYTES, inspectMessage } from "./message-guard.ts";
import { CLOSE } from "./close-codes.ts";

export interface CollabOptions {
  /** How long after the last edit a document is compacted and its projection written. */
  storeDebounceMs?: number;
  storeMaxDebounceMs?: number;
}

export interface CollabServer extends CollabAccess {
  hocuspocus: Hocuspocus<CollabContext>;
  /** Takes over an HTTP upgrade for /collab, as the person `context.actor` (null: signed out). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, context: CollabContext): void;
  /** Persists everything pending and closes every connection. */
  close(): Promise<void>;
}

function toBytes(data: RawData): Uint8Array {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
  }
  return new Request(`http://localhost${req.url ?? "/"}`, { headers });
}

export function createCollabServer(options: CollabOptions = {}): CollabServer {
  const persistence = new PersistenceExtension();
  const hocuspocus = new Hocuspocus<CollabContext>({
    name: "collab",
    quiet: true,
    debounce: options.storeDebounceMs ?? 2000,
    maxDebounce: options.storeMaxDebounceMs ?? 10000,
    // Order matters: who you are and what you may do, then how you appear, then storage.
    extensions: [
      new AuthenticationExtension(),
      new IdentityExtension(),
      persistence,
      new ProjectionExtension(),
    ],
  });
  // Slightly above our own limit, so our clearer close reason wins for near misses.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES + 64 * 1024 });

  function handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    context: CollabContext,
  ) {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client = hocuspocus.handleConnection(ws, toRequest(req), context);
      let closing = false;
      ws.on("message", (data, isBinary) => {
        if (closing) return;
        const problem = isBinary ? inspectMessage(toBytes(data)) : CLOSE.malformedMessage;
        if (problem) {
          closing = true;
          ws.close(problem.code, problem.reason);
          return;
        }
        client.handleMessage(toBytes(data));
      });
      ws.on("close", (code, reason) => client.handleClose({ code, reason: reason.toString() }));
      ws.on("error", () => ws.terminate());
    });
  }

  async function read(name: string): Promise<Y.Doc> {
    const connection = await hocuspocus.openDirectConnection(name, { actor: null });
    try {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(connection.document!));
      return copy;
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  async function change(name: string, apply: (doc: Y.Doc) => void): Promise<void> {
    const connection = await hocuspocus.openDirectConnection(name, { actor: null });
    try {
      await connection.transact((doc) => apply(doc));
      await persistence.whenDurable(name);
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  async function close() {
    hocuspocus.flushPendingStores();
    await persistence.flushAll();
    // Let the stores started above (compaction, projection) finish before sockets go.
    const stores = [...hocuspocus.documents.values()].map((doc) => doc.saveMutex.waitForUnlock());
    await Promise.all(stores);
    for (const ws of wss.clients) ws.close(1001, "The server is restarting.");
    wss.close();
  }

  return { hocuspocus, handleUpgrade, read, change, close };
}
