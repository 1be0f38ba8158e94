import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
  SESSION_IDLE_MS,
  SessionModel,
  createSession,
  findSession,
  revokeSession,
} from "../../models/session/session.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { readFiltersDuring } from "../support/finds.ts";
import { waitUntil } from "../../models/wait-until.ts";
import { startHousekeeping } from "../../server/housekeeping.ts";

useTestDatabase();

let userId: string;
beforeEach(async () => {
  userId = (await buildWorld()).people.staff.id;
});

/** The keys of the filters of the session reads sent while `run` runs. */
async function sessionReads(run: () => Promise<unknown>): Promise<string[][]> {
  return (await readFiltersDuring(run))
    .filter(({ collection }) => collection === "sessions")
    .map(({ keys }) => keys);
}

describe("finding the session a cookie names", () => {
  it("reads the one record by its id (not every session, as a search by the token's hash did)", async () => {
    const { token, session } = await createSession(userId, "test");
    let found: Awaited<ReturnType<typeof findSession>> = null;
    const reads = await sessionReads(async () => (found = await findSession(token)));
    expect(reads).toEqual([["_id"]]);
    expect(found!.id).toBe(session.id);
    expect(found!.userId).toBe(userId);
  });

  it("needs the token's secret, not only its id", async () => {
    const { token } = await createSession(userId, "test");
    const [id, secret] = token.split(".");
    const forged = `${id}.${secret.slice(0, -2)}${secret.endsWith("AA") ? "BB" : "AA"}`;
    expect(await findSession(forged)).toBeNull();
    expect(await findSession(`${id}.`)).toBeNull();
    expect(await findSession(id)).toBeNull();
    expect(await findSession(token)).not.toBeNull();
  });

  it("ends with revocation: that session only", async () => {
    const first = await createSession(userId, "test");
    const second = await createSession(userId, "test");
    await revokeSession(first.token);
    expect(await findSession(first.token)).toBeNull();
    expect(await findSession(second.token)).not.toBeNull();
  });

  it("still knows a token issued before tokens carried their id, until it is revoked", async () => {
    const earlier = "an-earlier-token-made-of-32-random-bytes-x";
    await SessionModel.create({
      tokenHash: createHash("sha256").update(earlier).digest("hex"),
      userId,
      csrfToken: "csrf",
      expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
    });
    expect((await findSession(earlier))!.userId).toBe(userId);
    await revokeSession(earlier);
    expect(await findSession(earlier)).toBeNull();
  });
});

describe("sweeping expired sessions (ADR 056)", () => {
  const expire = (id: string) =>
    SessionModel.updateOne({ _id: id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });

  it("a new session takes its person's expired ones with it, read by person, not everyone's", async () => {
    const other = (await buildWorld()).people.staff.id;
    const mine = (await createSession(userId, "test")).session;
    const theirs = (await createSession(other, "test")).session;
    await expire(mine.id);
    await expire(theirs.id);
    const reads = await sessionReads(() => createSession(userId, "test"));
    expect(reads.every((keys) => keys.includes("_id") || keys.includes("userId"))).toBe(true);
    expect(await SessionModel.exists({ _id: mine.id })).toBeNull();
    expect(await SessionModel.exists({ _id: theirs.id })).not.toBeNull();
  });

  it("the rest go in the background, live ones stay", async () => {
    const live = (await createSession(userId, "test")).session;
    const expired = (await createSession(userId, "test")).session;
    await expire(expired.id);
    const stop = startHousekeeping({ auditCheckEveryMs: 3_600_000, sessionSweepEveryMs: 100 });
    try {
      expect(
        await waitUntil(
          async () => (await SessionModel.exists({ _id: expired.id })) === null,
          5000,
        ),
      ).toBe(true);
      expect(await SessionModel.exists({ _id: live.id })).not.toBeNull();
    } finally {
      stop();
    }
  });
});
