import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/** How often a process tells the others it is alive. */
export const HEARTBEAT_EVERY_MS = 1000;
/** A process not heard from for this long counts as gone. */
export const PEER_SILENT_MS = 3000;

export interface PeerWatch {
  /** The other processes heard from lately. */
  readonly peers: number;
  close(): void;
}

/**
 * Every process of a cluster says "alive" on one Redis channel each second, and notices when
 * another falls silent: the moment to make sure that what it relayed here is stored, since it
 * may have died before logging it (ADR 041).
 *
 * Silence is not proof of death (a paused process, Redis reconnecting): a false alarm costs a
 * check of the log, never an edit. A process that dies before anyone hears it at all is caught
 * by the periodic check instead.
 */
export function startPeerWatch(options: {
  publisher: Redis;
  subscriber: Redis;
  channel: string;
  onPeerLost: (peer: string) => void;
  everyMs?: number;
  silentMs?: number;
}): PeerWatch {
  const { publisher, subscriber, channel, onPeerLost } = options;
  const everyMs = options.everyMs ?? HEARTBEAT_EVERY_MS;
  const silentMs = options.silentMs ?? PEER_SILENT_MS;
  const self = randomUUID();
  const lastHeard = new Map<string, number>();

  subscriber.subscribe(channel).catch(() => {});
  const onMessage = (received: string, peer: string) => {
    if (received === channel && peer !== self && peer.length <= 64) lastHeard.set(peer, Date.now());
  };
  subscriber.on("message", onMessage);

  const beat = () => {
    // A missed beat is a false alarm elsewhere at worst.
    publisher.publish(channel, self).catch(() => {});
    const now = Date.now();
    for (const [peer, heard] of lastHeard) {
      if (now - heard <= silentMs) continue;
      lastHeard.delete(peer);
      onPeerLost(peer);
    }
  };
  beat();
  const timer = setInterval(beat, everyMs);
  timer.unref();

  return {
    get peers() {
      return lastHeard.size;
    },
    close() {
      clearInterval(timer);
      subscriber.off("message", onMessage);
      subscriber.unsubscribe(channel).catch(() => {});
    },
  };
}
