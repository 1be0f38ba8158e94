import { performance } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { OpenSockets, type OpenSocket } from "../../collab/open-sockets.ts";
import { UPGRADE_READ_MS, ownerNow, type SessionRead } from "../../collab/owner-reading.ts";
import { endSessions } from "../../collab/session-ending.ts";
import { createSession, revokeSessionOf } from "../../models/session/session.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildWorld } from "../support/factories.ts";
import { findsDuring } from "../support/finds.ts";

// Who a socket's owner is, read against the real database (collab/owner-reading.ts, ADR 047):
// what may be shared between the documents a socket opens, and what must be read again.

useTestDatabase();
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
});

/** A staff member's live session, as an upgrade would have read it just now. */
async function freshSession(): Promise<{ userId: string; read: SessionRead }> {
  const staff = await buildUser("schoolStaff", world.trust, world.school);
  const startedAt = performance.now();
  const { session } = await createSession(staff.id, "test");
  return { userId: staff.id, read: { session, startedAt } };
}

function socketOf(userId: string, read: SessionRead | null): OpenSocket {
  return {
    id: `socket-${userId}`,
    owner: { userId, sessionId: read!.session.id },
    closing: false,
    accessEpoch: 0,
    admitted: false,
    ownerReading: null,
    upgradeRead: read,
    close: () => undefined,
    checkAlive: () => undefined,
  };
}

describe("a socket's first document", () => {
  it("takes the session its upgrade read, when no session has ended since", async () => {
    const { userId, read } = await freshSession();
    const socket = socketOf(userId, read);
    let now: Awaited<ReturnType<typeof ownerNow>> | undefined;
    const finds = await findsDuring(async () => {
      now = await ownerNow(socket, new OpenSockets());
    });
    expect(now?.actor?.userId).toBe(userId);
    expect(finds.sessions ?? 0).toBe(0);
    expect(finds.users).toBe(1);
    // Taken once: the socket's next reading asks the database.
    expect(socket.upgradeRead).toBeNull();
  });

  it("reads the session again when any session ended after the upgrade's read began (the socket was not registered to be closed)", async () => {
    const { userId, read } = await freshSession();
    const sockets = new OpenSockets();
    // Signed out between the upgrade's read and the socket being served.
    await revokeSessionOf(userId, read.session.id);
    endSessions(sockets, { sessionIds: [read.session.id] });
    const finds = await findsDuring(async () => {
      expect((await ownerNow(socketOf(userId, read), sockets)).actor).toBeNull();
    });
    expect(finds.sessions).toBe(1);
  });

  it("still takes the upgrade's read when the last ending came before that read began", async () => {
    const sockets = new OpenSockets();
    endSessions(sockets, { sessionIds: ["someone-else"] });
    const { userId, read } = await freshSession();
    const finds = await findsDuring(async () => {
      expect((await ownerNow(socketOf(userId, read), sockets)).actor?.userId).toBe(userId);
    });
    expect(finds.sessions ?? 0).toBe(0);
  });

  it(`reads the session again when the upgrade's read is ${UPGRADE_READ_MS} ms old`, async () => {
    const { userId, read } = await freshSession();
    await revokeSessionOf(userId, read.session.id);
    const stale = { ...read, startedAt: performance.now() - UPGRADE_READ_MS };
    expect((await ownerNow(socketOf(userId, stale), new OpenSockets())).actor).toBeNull();
  });

  it("reads the session again when the record it was given has expired since", async () => {
    const { userId, read } = await freshSession();
    const expired = { ...read, session: { ...read.session, expiresAt: new Date(Date.now() - 1) } };
    const finds = await findsDuring(async () => {
      // The stored session is still live: the expired copy was not trusted, the record was read.
      expect((await ownerNow(socketOf(userId, expired), new OpenSockets())).actor?.userId).toBe(
        userId,
      );
    });
    expect(finds.sessions).toBe(1);
  });
});

describe("documents a socket asks for together", () => {
  it("share one reading of the person while it is under way; the next document reads afresh", async () => {
    const { userId, read } = await freshSession();
    const socket = socketOf(userId, read);
    const sockets = new OpenSockets();
    const finds = await findsDuring(async () => {
      const asked = [
        ownerNow(socket, sockets),
        ownerNow(socket, sockets),
        ownerNow(socket, sockets),
      ];
      expect(new Set(asked).size).toBe(1);
      for (const now of await Promise.all(asked)) expect(now.actor?.userId).toBe(userId);
    });
    expect(finds.users).toBe(1);
    expect(finds.memberships).toBe(1);
    expect(socket.ownerReading).toBeNull();

    const later = await findsDuring(async () => {
      expect((await ownerNow(socket, sockets)).actor?.userId).toBe(userId);
    });
    expect(later.sessions).toBe(1);
    expect(later.users).toBe(1);
  });

  it("do not share a reading begun before their person's access was re-checked", async () => {
    const { userId, read } = await freshSession();
    const socket = socketOf(userId, read);
    const sockets = new OpenSockets();
    const first = ownerNow(socket, sockets);
    socket.accessEpoch += 1;
    const second = ownerNow(socket, sockets);
    expect(second).not.toBe(first);
    await Promise.all([first, second]);
  });
});
