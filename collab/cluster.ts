import { randomUUID } from "node:crypto";
import type { Extension } from "@hocuspocus/server";
import { connectRedis, type RedisSettings } from "./redis.ts";
import { startClusterSignal, type ClusterSignal, type SocketSignal } from "./cluster-signal.ts";
import { startPeerWatch } from "./peer-watch.ts";
import { RelayedStoreExtension } from "./extensions/relayed-store.ts";
import { UpdateRelay } from "./update-relay.ts";

/** What the collab server adds when it is one of several processes (ADR 018). */
export interface ClusterParts {
  extensions: Extension[];
  signal: ClusterSignal;
  close(): Promise<void>;
}

/**
 * Hocuspocus's Redis extension relays every update (as it happens: UpdateRelay, ADR 027) and
 * presence change between the processes that have a document open (and locks stores, so two
 * processes rarely compact one document at once); our signal channel carries "close these
 * sockets" and "re-check these people", and a heartbeat tells when another process is gone
 * (ADR 041).
 */
export function joinCluster(
  settings: RedisSettings,
  onSignal: (signal: SocketSignal) => void,
  onPeerLost: () => void,
): ClusterParts {
  const relay = new UpdateRelay({
    identifier: `collab-${randomUUID()}`,
    prefix: `${settings.prefix}:collab`,
    createClient: () => connectRedis(settings.url),
  });
  const publisher = connectRedis(settings.url);
  const subscriber = connectRedis(settings.url);
  const signal = startClusterSignal({
    publisher,
    subscriber,
    channel: `${settings.prefix}:sockets`,
    onSignal,
  });
  const peers = startPeerWatch({
    publisher,
    subscriber,
    channel: `${settings.prefix}:peers`,
    onPeerLost,
  });
  return {
    extensions: [relay, new RelayedStoreExtension()],
    signal,
    async close() {
      // The relay's own shutdown waits for Redis to acknowledge; a Redis that went away would
      // hold the process's shutdown forever, so it gets a second, then its sockets are cut.
      const destroyed = relay.onDestroy().catch(() => {});
      await Promise.race([destroyed, new Promise((resolve) => setTimeout(resolve, 1000))]);
      relay.pub.disconnect(false);
      relay.sub.disconnect(false);
      peers.close();
      await signal.close();
    },
  };
}
