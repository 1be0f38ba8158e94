import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export interface YjsClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server is done. */
  synced: Promise<void>;
  /** Every close the server sent, in order. */
  closeEvents: { code: number; reason: string }[];
  /** Every "permission denied" the server sent (y-protocols' auth message). */
  refusals: string[];
  destroy(): void;
}

/**
 * The real, unmodified y-websocket client in Node (`ws` as its WebSocket), on `baseUrl`/yjs/,
 * with a personal access token (`?token=` through its `params`, or a Bearer header) or a
 * session cookie.
 */
export function connectYjs(
  baseUrl: string,
  name: string,
  credentials: { token?: string; bearer?: string; cookie?: string },
): YjsClient {
  const headers: Record<string, string> = {};
  if (credentials.cookie) {
    headers.cookie = credentials.cookie;
    headers.origin = baseUrl;
  }
  if (credentials.bearer) headers.authorization = `Bearer ${credentials.bearer}`;
  class CredentialledWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      // Destroyed while reconnecting, ws reports "closed before the connection was established"
      // as an error event the provider no longer listens to.
      this.on("error", () => undefined);
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, "ws")}/yjs`, name, doc, {
    params: credentials.token ? { token: credentials.token } : {},
    WebSocketPolyfill: CredentialledWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const closeEvents: { code: number; reason: string }[] = [];
  const refusals: string[] = [];
  provider.on("connection-close", (event) => {
    if (event) closeEvents.push({ code: event.code, reason: event.reason });
  });
  // The provider's own handler only logs a refusal (console.warn): keep it instead, to check.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) refusals.push(decoding.readVarString(decoder));
  };
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    provider.on("sync", (state: boolean) => {
      if (state) resolve();
    });
  });
  return {
    doc,
    provider,
    synced,
    closeEvents,
    refusals,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
