import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { SessionTarget } from "./access.ts";

/** What one process tells every other about the sockets they hold (ADR 018). */
export type SocketSignal =
  | { type: "endSessions"; target: SessionTarget }
  | { type: "recheckAccess"; userIds: string[] };

export interface ClusterSignal {
  /** Publishes to every other process; resolves once Redis has taken it. */
  publish(signal: SocketSignal): Promise<void>;
  close(): Promise<void>;
}

/** The longest a sign-out or permission change waits for Redis to take its signal. */
const PUBLISH_WAIT_MS = 1000;

function parse(raw: string): { from: string; signal: SocketSignal } | null {
  try {
    const message = JSON.parse(raw) as { from?: unknown; signal?: SocketSignal };
    if (typeof message.from !== "string" || !message.signal) return null;
    const { signal } = message;
    if (signal.type === "endSessions" && typeof signal.target === "object") {
      return { from: message.from, signal };
    }
    if (signal.type === "recheckAccess" && Array.isArray(signal.userIds)) {
      return { from: message.from, signal };
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * "Close these sockets" and "re-check these people" between processes, over one Redis pub/sub
 * channel. Each process applies a decision to its own sockets at once and publishes it; the
 * others apply it when it arrives (a few milliseconds). A message lost while Redis is away is
 * caught by the session sweep (collab/session-sweep.ts) and by each socket's next document.
 */
export function startClusterSignal(options: {
  publisher: Redis;
  subscriber: Redis;
  channel: string;
  onSignal: (signal: SocketSignal) => void;
}): ClusterSignal {
  const self = randomUUID();
  const { publisher, subscriber, channel } = options;
  const subscribed = subscriber.subscribe(channel);
  subscribed.catch(() => {});
  subscriber.on("message", (from: string, raw: string) => {
    if (from !== channel) return;
    const message = parse(raw);
    if (message && message.from !== self) options.onSignal(message.signal);
  });
  return {
    async publish(signal) {
      // Never holds up the decision that sent it: the sweep catches what Redis did not carry.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise((resolve) => (timer = setTimeout(resolve, PUBLISH_WAIT_MS)));
      try {
        await Promise.race([
          publisher.publish(channel, JSON.stringify({ from: self, signal })),
          late,
        ]);
      } catch (error) {
        console.warn(`A ${signal.type} signal was not published: ${(error as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      subscriber.disconnect(false);
      publisher.disconnect(false);
    },
  };
}
