/** Which backend the browser's room uses, and where Liveblocks is (null: Liveblocks' own). */
export interface CollabBackendChoice {
  name: "hocuspocus" | "liveblocks";
  baseUrl: string | null;
}

/** Liveblocks' public API address when no base URL is set. */
const LIVEBLOCKS_API = "https://api.liveblocks.io";

/**
 * The origins the browser talks to for Liveblocks (HTTP for auth and REST, WebSocket for
 * rooms), for the Content-Security-Policy's connect-src.
 */
export function liveblocksOrigins(baseUrl: string | undefined): string[] {
  const url = new URL(baseUrl ?? LIVEBLOCKS_API);
  const ws = `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`;
  return [url.origin, ws];
}
