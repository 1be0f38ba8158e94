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
