import type { Page } from "playwright-core";

/** What one direction of a page's /collab socket does: pass messages on, or keep them. */
export interface CollabHold {
  /** Keep this direction's messages from now on (in order). */
  hold(): void;
  /** Send the kept messages on, in order, and pass the next ones straight through. */
  release(): void;
}

/**
 * Routes the page's /collab socket through the test so that the messages one way (`from` the
 * page to the server, or from the server to the page) can be held back and released in order:
 * an edit that has not reached the server yet, or an answer that has not come yet, without
 * waiting for any timeout. Call before the page opens; `holding` says whether it starts held.
 */
export async function holdCollab(
  page: Page,
  from: "page" | "server",
  holding = false,
): Promise<CollabHold> {
  const held: (string | Buffer)[] = [];
  let forward: ((message: string | Buffer) => void) | null = null;
  await page.routeWebSocket(/\/collab$/, (socket) => {
    const server = socket.connectToServer();
    const [source, target] = from === "page" ? [socket, server] : [server, socket];
    forward = (message) => target.send(message);
    source.onMessage((message) => (holding ? held.push(message) : forward!(message)));
  });
  return {
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const message of held.splice(0)) forward!(message);
    },
  };
}
