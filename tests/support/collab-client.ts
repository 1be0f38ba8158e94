import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { CLOSE } from "../../collab/close-codes.ts";
import { trackDurability } from "../../app/collab/durability.ts";
import type { SaveTracker } from "../../app/collab/save-tracker.ts";

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  tracker: SaveTracker;
  /** Resolves with "readonly" or "read-write" once the server accepted, or rejects with its reason. */
  authenticated: Promise<string>;
  synced: Promise<void>;
  /** Resolves once every local edit so far is confirmed durable by the server. */
  whenSaved(timeoutMs?: number): Promise<void>;
  closeEvents: { code: number; reason: string }[];
  /** Every answer to authentication, in order (reconnections authenticate again). */
  authEvents: string[];
  /** The shared socket, to open more documents on it (`alsoOpen`). */
  socket: HocuspocusProviderWebsocket;
  /** Opens another document on the same socket; resolves with its scope or rejects with the refusal. */
  alsoOpen(name: string): { doc: Y.Doc; authenticated: Promise<string>; synced: Promise<void> };
  destroy(): void;
}

/** A real Hocuspocus provider in Node, signed in with `cookie`, talking to `baseUrl`/collab. */
export function connectClient(baseUrl: string, name: string, cookie: string | null): TestClient {
  const origin = baseUrl;
  class SignedInWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { ...(cookie ? { cookie } : {}), origin } });
      // Destroyed while reconnecting (after the server closed it), ws reports "closed before the
      // connection was established" as an error event the provider no longer listens to.
      this.on("error", () => undefined);
    }
  }
  const doc = new Y.Doc();
  const closeEvents: { code: number; reason: string }[] = [];
  const authEvents: string[] = [];
  const extraProviders: HocuspocusProvider[] = [];
  let resolveAuth!: (scope: string) => void;
  let rejectAuth!: (reason: Error) => void;
  const authenticated = new Promise<string>((resolve, reject) => {
    resolveAuth = resolve;
    rejectAuth = reject;
  });
  authenticated.catch(() => {});
  let resolveSynced!: () => void;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));

  const socket = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, "ws")}/collab`,
    WebSocketPolyfill: SignedInWebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: "cookie",
    onAuthenticated: ({ scope }) => {
      authEvents.push(scope);
      resolveAuth(scope);
    },
    onAuthenticationFailed: ({ reason }) => {
      authEvents.push(`refused: ${reason}`);
      // "Try again later" is not an answer: the socket reconnects and asks again.
      if (reason !== CLOSE.unavailable.reason) rejectAuth(new Error(reason));
    },
    onSynced: ({ state }) => {
      if (state) resolveSynced();
    },
    onClose: ({ event }) => closeEvents.push({ code: event.code, reason: event.reason }),
  });
  provider.attach();
  const { tracker, stop } = trackDurability(provider);

  function whenSaved(timeoutMs = 10_000) {
    return new Promise<void>((resolve, reject) => {
      if (!tracker.hasUnsavedEdits) return resolve();
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`edits not confirmed durable within ${timeoutMs} ms`));
      }, timeoutMs);
      const unsubscribe = tracker.subscribe(() => {
        if (!tracker.hasUnsavedEdits) {
          clearTimeout(timer);
          unsubscribe();
          resolve();
        }
      });
    });
  }

  function alsoOpen(otherName: string) {
    const otherDoc = new Y.Doc();
    let otherSynced!: () => void;
    const synced = new Promise<void>((resolve) => (otherSynced = resolve));
    const answered = new Promise<string>((resolve, reject) => {
      const other = new HocuspocusProvider({
        websocketProvider: socket,
        name: otherName,
        document: otherDoc,
        token: "cookie",
        onAuthenticated: ({ scope }) => resolve(scope),
        onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
        onSynced: ({ state }) => {
          if (state) otherSynced();
        },
      });
      other.attach();
      extraProviders.push(other);
    });
    answered.catch(() => {});
    return { doc: otherDoc, authenticated: answered, synced };
  }

  return {
    doc,
    provider,
    tracker,
    authenticated,
    synced,
    whenSaved,
    closeEvents,
    authEvents,
    socket,
    alsoOpen,
    destroy() {
      stop();
      for (const other of extraProviders) other.destroy();
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

export { eventually } from "./wait.ts";
