import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { BenchClient } from "./system.ts";

// The y-websocket wire format: a varuint message type, then the y-protocols payload.
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

/**
 * A minimal y-websocket client (kept so, for figures comparable with earlier runs; the real
 * `y-websocket` client is what the yjs target uses): sync step 1 on open,
 * answers the server's sync messages, sends each local update, and shares awareness.
 * Resolves once the server's state has been applied (its sync step 2).
 */
export function connectBaselineClient(baseUrl: string, name: string): Promise<BenchClient> {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  const ws = new WebSocket(`${baseUrl}/${name}`);
  ws.binaryType = "arraybuffer";

  const send = (write: (encoder: encoding.Encoder) => void) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    write(encoder);
    ws.send(encoding.toUint8Array(encoder));
  };
  const sendAwareness = (clients: number[]) =>
    send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(awareness, clients),
      );
    });

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === ws) return;
    send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
    });
  };
  const onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === "local") sendAwareness([...added, ...updated, ...removed]);
  };
  doc.on("update", onUpdate);
  awareness.on("update", onAwareness);

  const client: BenchClient = {
    doc,
    moveCursor(index) {
      awareness.setLocalStateField("cursor", { index });
    },
    destroy() {
      doc.off("update", onUpdate);
      awareness.off("update", onAwareness);
      awareness.destroy();
      ws.close();
      doc.destroy();
    },
  };

  return new Promise((resolve, reject) => {
    ws.on("open", () => {
      send((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, doc);
      });
      sendAwareness([doc.clientID]);
    });
    ws.on("message", (data: ArrayBuffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, MESSAGE_SYNC);
        const step = syncProtocol.readSyncMessage(decoder, reply, doc, ws);
        if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
        if (step === syncProtocol.messageYjsSyncStep2) resolve(client);
      } else if (type === MESSAGE_AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), ws);
      }
    });
    ws.on("error", reject);
    ws.on("close", (code) => reject(new Error(`baseline socket closed (${code}) before syncing`)));
  });
}
