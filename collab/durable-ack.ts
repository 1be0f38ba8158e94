import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";

// Hocuspocus's MessageType.SyncStatus: "your update was applied" (1) or "refused" (0).
const SYNC_STATUS = 8;
const APPLIED = 1;

/**
 * The document an "update applied" acknowledgement is about, or null for any other message.
 * Reads the document name only for that one kind: every message the server sends passes here.
 */
export function appliedAckOf(data: Uint8Array): string | null {
  const decoder = decoding.createDecoder(data);
  const nameLength = decoding.readVarUint(decoder);
  decoder.pos += nameLength;
  if (decoder.pos >= data.length || decoding.readVarUint(decoder) !== SYNC_STATUS) return null;
  if (decoder.pos >= data.length || data[decoder.pos] !== APPLIED) return null;
  return decoding.readVarString(decoding.createDecoder(data));
}

/**
 * Calls `then` once everything `documentName` has accepted so far is in the database; `sync`:
 * the answer is to a client's sync (what it holds that the server lacked, sent on connecting),
 * which must also find stored what the server held already (PersistenceExtension).
 */
export type AfterDurable = (documentName: string, then: () => void, sync: boolean) => void;

/**
 * What Hocuspocus holds as the socket of a /collab connection (ADR 029). Hocuspocus answers
 * each update a client sends with "applied", and the provider counts the updates not yet
 * answered (its unsynced changes). Here that answer waits until the update is in the database,
 * so "nothing unanswered" means "everything I sent is durable": the browser's "Saved" needs no
 * question and answer of its own per edit (two messages fewer for every keystroke).
 * Everything else goes straight through.
 */
export class AckWhenDurable {
  /** Documents whose next "applied" answer is to the client's sync (see `answeringSync`). */
  private syncs = new Set<string>();

  constructor(
    private readonly ws: WebSocket,
    private readonly afterDurable: AfterDurable,
  ) {}

  get readyState(): number {
    return this.ws.readyState;
  }

  /**
   * Hocuspocus is about to apply the client's sync step 2 for `documentName`: its answer is the
   * next one sent for that document (a socket's messages are handled one at a time).
   */
  answeringSync(documentName: string): void {
    this.syncs.add(documentName);
  }

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    const documentName = data instanceof Uint8Array ? appliedAckOf(data) : null;
    if (documentName === null) return this.ws.send(data);
    const sync = this.syncs.delete(documentName);
    this.afterDurable(
      documentName,
      () => {
        // A socket closed meanwhile is owed nothing: its provider starts again on reconnecting.
        if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data);
      },
      sync,
    );
  }

  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }
}
