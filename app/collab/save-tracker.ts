/**
 * What the save indicator says, derived from facts the server confirmed (collab/stateless.ts):
 * - "saving": local edits not yet confirmed durable;
 * - "saved": every local edit is in the database;
 * - "offline": no connection, or the browser says it has no network (edits stay in this
 *   browser and are sent on reconnection);
 * - "connecting": not yet synced with the server.
 */
export type SaveState = "connecting" | "saving" | "saved" | "offline";

export class SaveTracker {
  /** Local edits made in this browser since the page opened. */
  private edits = 0;
  /** The highest edit count the server has confirmed durable. */
  private durable = 0;
  private connected = false;
  private synced = false;
  /**
   * What the browser says of its network. It knows at once when the network goes; a socket
   * notices only when its messages time out (30 s), saying "Saving…" meanwhile.
   */
  private networkUp = true;
  private listeners = new Set<(state: SaveState) => void>();

  get state(): SaveState {
    if (!this.connected || !this.networkUp)
      return this.synced || this.edits > 0 ? "offline" : "connecting";
    if (!this.synced) return "connecting";
    return this.durable >= this.edits ? "saved" : "saving";
  }

  /** True while some edit made here is not known to be durable. */
  get hasUnsavedEdits(): boolean {
    return this.durable < this.edits;
  }

  get editCount(): number {
    return this.edits;
  }

  /** How many of this browser's edits the server has confirmed durable. */
  get durableCount(): number {
    return this.durable;
  }

  localEdit(): void {
    this.edits += 1;
    this.emit();
  }

  /** The server confirmed everything up to edit `n` is durable. */
  confirmed(n: number): void {
    if (n > this.durable) this.durable = Math.min(n, this.edits);
    this.emit();
  }

  connection(connected: boolean): void {
    this.connected = connected;
    if (!connected) this.synced = false;
    this.emit();
  }

  /** The browser has (or has lost) its network; the socket's own state is left alone. */
  network(up: boolean): void {
    this.networkUp = up;
    this.emit();
  }

  syncedWithServer(): void {
    this.synced = true;
    this.emit();
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit() {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  }
}

/**
 * Tells `tracker` whenever the browser gains or loses its network, until the stop is called
 * (outside a browser, as in tests of the durability handshake on Node, nothing to follow).
 */
export function followNetwork(
  tracker: SaveTracker,
  browser: Window | undefined = typeof window === "undefined" ? undefined : window,
): () => void {
  if (!browser) return () => {};
  const report = () => tracker.network(browser.navigator.onLine !== false);
  report();
  browser.addEventListener("online", report);
  browser.addEventListener("offline", report);
  return () => {
    browser.removeEventListener("online", report);
    browser.removeEventListener("offline", report);
  };
}
