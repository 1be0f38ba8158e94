/**
 * Stateless messages between the browser and the collab server (JSON strings).
 *
 * The durability handshake of pages opened before ADR 029: once the server has applied every
 * update a client sent (its Hocuspocus "unsynced changes" count is zero) the client sends
 * `checkpoint n`, where n counts its local edits so far. The server answers `durable n` once
 * everything it had applied at that moment is written to the database. Today's pages need no
 * question: the server answers each update only once it is durable (collab/durable-ack.ts). The
 * server still answers checkpoints, so a page left open across a deploy still reaches "Saved".
 */
export type ClientMessage = { type: "checkpoint"; n: number };
export type ServerMessage = { type: "durable"; n: number };

export function encodeMessage(message: ClientMessage | ServerMessage): string {
  return JSON.stringify(message);
}

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

export function parseClientMessage(payload: string): ClientMessage | null {
  try {
    const data = JSON.parse(payload) as Record<string, unknown>;
    return data?.type === "checkpoint" && isCount(data.n)
      ? { type: "checkpoint", n: data.n }
      : null;
  } catch {
    return null;
  }
}

export function parseServerMessage(payload: string): ServerMessage | null {
  try {
    const data = JSON.parse(payload) as Record<string, unknown>;
    return data?.type === "durable" && isCount(data.n) ? { type: "durable", n: data.n } : null;
  } catch {
    return null;
  }
}
