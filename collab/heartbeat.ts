import type { OpenSocket, OpenSockets } from "./open-sockets.ts";

/** How many turns one interval is cut into: each socket is checked on one of them. */
export const HEARTBEAT_TURNS = 10;

/**
 * Every `intervalMs`, pings each open socket and cuts off those that did not answer the
 * previous ping. A peer whose network vanished (a laptop closed, wifi lost in a meeting) sends
 * no close, and its socket would otherwise stay open, with the person still shown as present,
 * until Hocuspocus's own minute-long timeout. With this, it goes within one to two intervals.
 *
 * The sockets are spread over `HEARTBEAT_TURNS` turns of the interval (dealt out in the order
 * they are first seen), so each is still checked exactly once per interval but a thousand
 * sockets are not pinged in one go: that was one 11–33 ms stall of everyone's edits every 5 s.
 */
export function startHeartbeat(sockets: OpenSockets, intervalMs: number): () => void {
  const turnOf = new WeakMap<OpenSocket, number>();
  let dealt = 0;
  let turn = 0;
  const timer = setInterval(() => {
    turn = (turn + 1) % HEARTBEAT_TURNS;
    for (const socket of sockets.all()) {
      let its = turnOf.get(socket);
      if (its === undefined) {
        its = dealt++ % HEARTBEAT_TURNS;
        turnOf.set(socket, its);
      }
      if (its === turn) socket.checkAlive();
    }
  }, intervalMs / HEARTBEAT_TURNS);
  timer.unref();
  return () => clearInterval(timer);
}
