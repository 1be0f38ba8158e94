import { describe, expect, it } from "vitest";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { FrameworkVersionModel, getFrameworkVersion } from "../../models/framework/framework.ts";
import { MembershipModel } from "../../models/membership/membership.ts";
import { SchoolModel } from "../../models/school/school.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from "../../models/seed/demo.ts";
import { TrustModel } from "../../models/trust/trust.ts";
import { UserModel, verifyCredentials } from "../../models/user/user.ts";
import { useTestDatabase } from "../support/database.ts";
import { secondFactorKey } from "../../app/utils/second-factor-key.server.ts";
import { demoSecondFactors } from "../../models/seed/demo-codes.ts";
import { enrolWithSecret, hasSecondFactor } from "../../models/second-factor/second-factor.ts";
import { newTotpSecret } from "../../models/second-factor/totp.ts";
import { buildTrust, buildUser } from "../support/factories.ts";

useTestDatabase();

async function counts() {
  return {
    trusts: await TrustModel.countDocuments(),
    schools: await SchoolModel.countDocuments(),
    users: await UserModel.countDocuments(),
    memberships: await MembershipModel.countDocuments(),
    versions: await FrameworkVersionModel.countDocuments(),
    evaluations: await EvaluationModel.countDocuments(),
  };
}

describe("demo data", () => {
  it("creates a trust with 4 schools and one named person per role, once", async () => {
    const first = await seedDemo({ secondFactorKey: secondFactorKey() });
    expect(first.created).toBe(true);
    const after = await counts();
    expect(after).toEqual({
      trusts: 1,
      schools: 4,
      users: DEMO_PEOPLE.length,
      memberships: DEMO_PEOPLE.length,
      versions: 1,
      evaluations: 1,
    });
    const roles = new Set((await MembershipModel.find().lean()).map((m) => m.role));
    expect(roles).toEqual(
      new Set(["trustAdmin", "trustLeader", "validator", "schoolLeader", "schoolStaff"]),
    );

    expect((await seedDemo({ secondFactorKey: secondFactorKey() })).created).toBe(false);
    await seedDemo({ secondFactorKey: secondFactorKey() });
    expect(await counts()).toEqual(after);
  });

  it("signs the README's demo people in with the demo password (argon2id hashes)", async () => {
    const user = await verifyCredentials(DEMO_PEOPLE[0].email, DEMO_PASSWORD);
    expect(user?.name).toBe(DEMO_PEOPLE[0].name);
    const stored = await UserModel.findOne({ email: DEMO_PEOPLE[0].email }).lean();
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("demo second factors", () => {
  it("gives the demo admin, leader and validator a factor, and lists the demo accounts' secrets only", async () => {
    const key = secondFactorKey();
    for (const person of DEMO_PEOPLE) {
      const user = await UserModel.findOne({ email: person.email }).lean();
      expect(await hasSecondFactor(user!._id.toString()), person.email).toBe(
        ["trustAdmin", "trustLeader", "validator"].includes(person.role),
      );
    }
    // A real account with a factor, in another trust, is never listed.
    const other = await buildUser("trustAdmin", await buildTrust());
    await enrolWithSecret(key, other.id, newTotpSecret());
    const listed = await demoSecondFactors(key);
    expect(listed.map((p) => p.email).sort()).toEqual(
      ["admin@riverside.example", "leader@riverside.example", "validator@riverside.example"].sort(),
    );
    expect(listed.every((p) => /^[A-Z2-7]{32}$/.test(p.secret))).toBe(true);
  });
});

describe("published framework versions", () => {
  it("cannot be changed or deleted", async () => {
    const version = await FrameworkVersionModel.findOne().lean();
    const id = version!._id;
    await expect(
      FrameworkVersionModel.updateOne({ _id: id }, { $set: { version: 99 } }),
    ).rejects.toThrow(/immutable/);
    await expect(
      FrameworkVersionModel.findOneAndUpdate({ _id: id }, { $set: { "content.name": "Changed" } }),
    ).rejects.toThrow(/immutable/);
    await expect(FrameworkVersionModel.replaceOne({ _id: id }, { version: 2 })).rejects.toThrow(
      /immutable/,
    );
    await expect(FrameworkVersionModel.deleteOne({ _id: id })).rejects.toThrow(/immutable/);
    await expect(FrameworkVersionModel.deleteMany({})).rejects.toThrow(/immutable/);
    const reread = await getFrameworkVersion(version!.trustId.toString(), id.toString());
    expect(reread?.version).toBe(1);
    expect(reread?.content.name).toBe("School self-evaluation — Ofsted 2025 areas");
  });

  it("hold the Ofsted 2025 areas, with a descriptor for every level of every criterion", async () => {
    const version = (await FrameworkVersionModel.findOne().lean())!;
    const { areas, scales } = version.content;
    expect(areas.map((a) => a.title)).toEqual([
      "Safeguarding",
      "Inclusion",
      "Curriculum and teaching",
      "Achievement",
      "Attendance and behaviour",
      "Personal development and well-being",
      "Early years",
      "Sixth form",
      "Leadership and governance",
    ]);
    for (const area of areas) {
      expect(area.criteria.length).toBeGreaterThanOrEqual(3);
      expect(area.criteria.length).toBeLessThanOrEqual(5);
      const levels = scales.find((s) => s.key === area.scaleKey)!.levels.map((l) => l.key);
      expect(levels).toHaveLength(area.id === "safeguarding" ? 2 : 5);
      for (const criterion of area.criteria) {
        expect(Object.keys(criterion.descriptors).sort()).toEqual([...levels].sort());
        expect(criterion.evidenceExpectations.length).toBeGreaterThan(0);
      }
    }
  });
});
