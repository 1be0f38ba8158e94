import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HEARTBEAT_TURNS, startHeartbeat } from "../../collab/heartbeat.ts";
import { OpenSockets, type OpenSocket } from "../../collab/open-sockets.ts";

/** A socket that notes the time of each check the heartbeat makes of it. */
function socketChecked(id: string, checks: Map<string, number[]>): OpenSocket {
  checks.set(id, []);
  return {
    id,
    owner: null,
    closing: false,
    accessEpoch: 0,
    admitted: false,
    ownerReading: null,
    upgradeRead: null,
    close: () => undefined,
    checkAlive: () => void checks.get(id)!.push(Date.now()),
  };
}

describe("the heartbeat", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it("checks every socket once per interval, a tenth of them at a time", () => {
    const checks = new Map<string, number[]>();
    const sockets = new OpenSockets();
    for (let i = 0; i < 1_000; i += 1) sockets.add(socketChecked(`s${i}`, checks));
    const stop = startHeartbeat(sockets, 5_000);

    vi.advanceTimersByTime(15_000);
    stop();

    const perSocket = [...checks.values()];
    expect(perSocket.every((times) => times.length === 3)).toBe(true);
    // Each socket's checks are one interval apart.
    expect(perSocket.every(([a, b, c]) => b - a === 5_000 && c - b === 5_000)).toBe(true);
    // No moment checks more than its share of the sockets.
    const atOnce = new Map<number, number>();
    for (const times of perSocket) for (const t of times) atOnce.set(t, (atOnce.get(t) ?? 0) + 1);
    expect(Math.max(...atOnce.values())).toBe(1_000 / HEARTBEAT_TURNS);
  });

  it("checks a socket that arrives later within one interval, and stops when stopped", () => {
    const checks = new Map<string, number[]>();
    const sockets = new OpenSockets();
    const stop = startHeartbeat(sockets, 5_000);
    vi.advanceTimersByTime(1_200);
    sockets.add(socketChecked("late", checks));
    vi.advanceTimersByTime(5_000);
    expect(checks.get("late")!.length).toBe(1);
    stop();
    vi.advanceTimersByTime(20_000);
    expect(checks.get("late")!.length).toBe(1);
  });
});
