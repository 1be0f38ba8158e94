import { randomBytes } from "node:crypto";
import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { grantRole, loadActor, removeMembership } from "../../models/membership/membership.ts";
import {
  SecondFactorModel,
  enrolWithSecret,
  hasSecondFactor,
  migrateSecondFactorIds,
  peopleWithSecondFactor,
  secondFactorStatus,
} from "../../models/second-factor/second-factor.ts";
import { newTotpSecret } from "../../models/second-factor/totp.ts";
import { createSession } from "../../models/session/session.ts";
import { sessionPerson } from "../../models/session/sign-in-stage.ts";
import { useTestDatabase } from "../support/database.ts";
import { useWorldAndServer } from "../support/world-and-server.ts";
import { buildSchool, buildUser } from "../support/factories.ts";
import { readFiltersDuring } from "../support/finds.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();

/**
 * Who is signed in: their grants, through the `userId` index (ADR 051), and their second factor,
 * by `_id` (ADR 033); one read each.
 */
const SIGNED_IN: Record<string, string[]> = { memberships: ["userId"], secondfactors: ["_id"] };
const KEY = randomBytes(32);

const the = useWorldAndServer();

const grantsOf = async (userId: string) =>
  (await loadActor(userId))!.grants.map((g) => `${g.role}@${"schoolId" in g ? g.schoolId : "-"}`);

describe("who is signed in", () => {
  it("is read once by one key: the person's grants and second factor, on every page", async () => {
    const cookie = await cookieFor(the.world.people.schoolLeader.id);
    for (const page of ["/home", `/evaluations/${the.world.evaluation.id}`]) {
      const reads = await readFiltersDuring(async () => {
        const response = await fetch(`${the.server.url}${page}`, { headers: { cookie } });
        expect(response.status, page).toBe(200);
        await response.text();
      });
      const signedIn = reads.filter((read) => read.collection in SIGNED_IN);
      expect(signedIn.map((read) => read.collection).sort(), page).toEqual(
        Object.keys(SIGNED_IN).sort(),
      );
      for (const read of signedIn)
        expect(read.keys, `${page}: ${read.collection}`).toEqual(SIGNED_IN[read.collection]);
    }
  });

  it("gains a role as it is granted and loses it as it is removed", async () => {
    const person = await buildUser("schoolStaff", the.world.trust, the.world.school);
    const membership = await grantRole(the.world.trust.id, {
      userId: person.id,
      role: "schoolLeader",
      schoolId: the.world.otherSchool.id,
    });
    expect(await grantsOf(person.id)).toContain(`schoolLeader@${the.world.otherSchool.id}`);
    expect(await removeMembership(the.world.trust.id, membership.id)).toBe(true);
    expect(await grantsOf(person.id)).toEqual([`schoolStaff@${the.world.school.id}`]);
    // Once only: a second removal of the same role is told it was already gone.
    expect(await removeMembership(the.world.trust.id, membership.id)).toBe(false);
  });

  it("holds every role of twenty granted in parallel, and one of twenty identical grants", async () => {
    const person = await buildUser("schoolStaff", the.world.trust, the.world.school);
    const schools = await Promise.all(
      Array.from({ length: 20 }, () => buildSchool(the.world.trust)),
    );
    await Promise.all(
      schools.map((school) =>
        grantRole(the.world.trust.id, {
          userId: person.id,
          role: "schoolLeader",
          schoolId: school.id,
        }),
      ),
    );
    const grants = await grantsOf(person.id);
    for (const school of schools) expect(grants).toContain(`schoolLeader@${school.id}`);
    expect(grants).toHaveLength(21);

    const again = await Promise.all(
      Array.from({ length: 20 }, () =>
        grantRole(the.world.trust.id, { userId: person.id, role: "trustLeader" }),
      ),
    );
    expect(new Set(again.map((m) => m.id)).size).toBe(1);
    expect((await grantsOf(person.id)).filter((g) => g.startsWith("trustLeader"))).toHaveLength(1);
  });
});

describe("a second factor set up before it was kept under the person's id", () => {
  it("is moved there, keeps its codes, and is still asked for", async () => {
    const person = the.world.people.trustLeader;
    await enrolWithSecret(KEY, person.id, newTotpSecret());
    const stored = (await SecondFactorModel.collection.findOne({
      _id: new Types.ObjectId(person.id),
    }))!;
    // As an earlier version stored it: an id of its own, a unique index on the person.
    await SecondFactorModel.collection.deleteOne({ _id: stored._id });
    const oldId = new Types.ObjectId();
    await SecondFactorModel.collection.insertOne({ ...stored, _id: oldId });
    await SecondFactorModel.collection.createIndex({ userId: 1 }, { unique: true });
    expect(await hasSecondFactor(person.id)).toBe(false);

    // Two processes starting together, then a later start: the same outcome.
    await Promise.all([migrateSecondFactorIds(), migrateSecondFactorIds()]);
    await migrateSecondFactorIds();
    expect(await SecondFactorModel.collection.countDocuments({ userId: stored.userId })).toBe(1);
    expect(await SecondFactorModel.collection.findOne({ _id: oldId })).toBeNull();
    expect(await hasSecondFactor(person.id)).toBe(true);
    expect((await secondFactorStatus(person.id))!.recoveryCodesLeft).toBe(
      stored.recoveryCodeHashes.length,
    );
    // The people list's "two-factor sign-in" column reads them by `_id` too.
    expect(await peopleWithSecondFactor([person.id, the.world.people.staff.id])).toEqual(
      new Set([person.id]),
    );
    const { session } = await createSession(person.id, "test");
    expect((await sessionPerson(session))!.stage).toBe("secondFactor");
  });
});
