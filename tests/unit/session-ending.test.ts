import { describe, expect, it } from "vitest";
import { CLOSE, type CloseReason } from "../../collab/close-codes.ts";
import { OpenSockets, type OpenSocket } from "../../collab/open-sockets.ts";
import { endSessions } from "../../collab/session-ending.ts";

/** A socket that records how it was closed, for checking which ones a signal reaches. */
function fakeSocket(id: string, userId: string | null, sessionId = `${id}-session`) {
  const closedWith: CloseReason[] = [];
  const socket: OpenSocket = {
    id,
    owner: userId ? { userId, sessionId } : null,
    accessEpoch: 0,
    admitted: false,
    ownerReading: null,
    upgradeRead: null,
    get closing() {
      return closedWith.length > 0;
    },
    close: (reason) => void closedWith.push(reason),
    checkAlive: () => undefined,
  };
  return { socket, closedWith };
}

function registryOf(...sockets: ReturnType<typeof fakeSocket>[]) {
  const registry = new OpenSockets();
  for (const { socket } of sockets) registry.add(socket);
  return registry;
}

describe("ending sessions", () => {
  it("closes the sockets of the named sessions only, saying the session has ended", () => {
    const tab = fakeSocket("tab", "alex", "signed-out");
    const otherTab = fakeSocket("other-tab", "alex", "signed-out");
    const phone = fakeSocket("phone", "alex", "phone-session");
    const colleague = fakeSocket("colleague", "chris");
    const signedOut = fakeSocket("anonymous", null);
    const registry = registryOf(tab, otherTab, phone, colleague, signedOut);

    expect(endSessions(registry, { sessionIds: ["signed-out"] })).toBe(2);
    expect(tab.closedWith).toEqual([CLOSE.sessionEnded]);
    expect(otherTab.closedWith).toEqual([CLOSE.sessionEnded]);
    for (const untouched of [phone, colleague, signedOut]) expect(untouched.closedWith).toEqual([]);
  });

  it("closes every session of a person but the one kept", () => {
    const here = fakeSocket("here", "alex", "kept");
    const laptop = fakeSocket("laptop", "alex", "laptop");
    const phone = fakeSocket("phone", "alex", "phone");
    const colleague = fakeSocket("colleague", "chris");
    const registry = registryOf(here, laptop, phone, colleague);

    expect(endSessions(registry, { userId: "alex", exceptSessionId: "kept" })).toBe(2);
    expect(here.closedWith).toEqual([]);
    expect(laptop.closedWith).toEqual([CLOSE.sessionEnded]);
    expect(phone.closedWith).toEqual([CLOSE.sessionEnded]);
    expect(colleague.closedWith).toEqual([]);

    // Everywhere: the kept one too. Sockets already closing are not closed twice.
    expect(endSessions(registry, { userId: "alex" })).toBe(1);
    expect(here.closedWith).toEqual([CLOSE.sessionEnded]);
    expect(laptop.closedWith).toEqual([CLOSE.sessionEnded]);
  });

  it("closes a revoked token's sockets only, and leaves tokens alone when sessions end", () => {
    const tab = fakeSocket("tab", "alex", "s");
    const script = fakeSocket("script", "alex");
    const other = fakeSocket("other-script", "alex");
    const token = (entry: ReturnType<typeof fakeSocket>, tokenId: string) =>
      Object.assign(entry.socket, { owner: { userId: "alex", tokenId } });
    token(script, "t1");
    token(other, "t2");
    const registry = registryOf(tab, script, other);

    expect(endSessions(registry, { userId: "alex" })).toBe(1);
    expect(script.closedWith).toEqual([]);
    expect(endSessions(registry, { tokenIds: ["t1"] })).toBe(1);
    expect(script.closedWith).toEqual([CLOSE.tokenEnded]);
    expect(other.closedWith).toEqual([]);
  });

  it("forgets sockets that have gone", () => {
    const tab = fakeSocket("tab", "alex", "s");
    const registry = registryOf(tab);
    registry.remove(tab.socket);
    expect(endSessions(registry, { sessionIds: ["s"] })).toBe(0);
    expect(registry.get("tab")).toBeUndefined();
  });
});
