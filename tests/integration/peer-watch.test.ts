import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connectRedis } from "../../collab/redis.ts";
import { startPeerWatch, type PeerWatch } from "../../collab/peer-watch.ts";
import { eventually } from "../support/wait.ts";

// ADR 041: each process hears the others' heartbeats on the local Redis, and notices silence.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const channel = `test-${randomBytes(6).toString("hex")}:peers`;
const connections = Array.from({ length: 4 }, () => connectRedis(REDIS_URL));
const watches: PeerWatch[] = [];

afterAll(() => {
  for (const watch of watches) watch.close();
  for (const connection of connections) connection.disconnect(false);
});

function watch(index: number, lost: string[]): PeerWatch {
  const started = startPeerWatch({
    publisher: connections[index * 2],
    subscriber: connections[index * 2 + 1],
    channel,
    onPeerLost: (peer) => lost.push(peer),
    everyMs: 100,
    silentMs: 1000,
  });
  watches.push(started);
  return started;
}

describe("the peer watch", () => {
  it("hears the other process, never itself, and reports it once when it falls silent", async () => {
    const lostByFirst: string[] = [];
    const lostBySecond: string[] = [];
    const first = watch(0, lostByFirst);
    const second = watch(1, lostBySecond);
    await eventually(() => first.peers === 1 && second.peers === 1, 3000, "both to hear the other");
    // Not a peer: anything else said on the channel that is too long to be an id.
    await connections[0].publish(channel, "x".repeat(100));

    second.close();
    await eventually(() => lostByFirst.length > 0, 3000, "the first to notice the silence");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(lostByFirst).toHaveLength(1);
    expect(first.peers).toBe(0);
    expect(lostBySecond).toEqual([]);
  });
});
