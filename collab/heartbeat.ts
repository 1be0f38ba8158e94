import type { OpenSockets } from "./open-sockets.ts";

/**
 * Every `intervalMs`, pings each open socket and cuts off those that did not answer the
 * previous ping. A peer whose network vanished (a laptop closed, wifi lost in a meeting) sends
 * no close, and its socket would otherwise stay open, with the person still shown as present,
 * until Hocuspocus's own minute-long timeout. With this, it goes within one to two intervals.
 */
export function startHeartbeat(sockets: OpenSockets, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const socket of sockets.all()) socket.checkAlive();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
