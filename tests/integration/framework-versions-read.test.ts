import { beforeEach, describe, expect, it } from "vitest";
import {
  getFrameworkVersion,
  newestVersionNumber,
  publishVersion,
} from "../../models/framework/framework.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { findsDuring, readFiltersDuring } from "../support/finds.ts";

useTestDatabase();

let world: Awaited<ReturnType<typeof buildWorld>>;
beforeEach(async () => {
  world = await buildWorld();
});

/** How many `find`s reach framework versions while `during` runs. */
const versionFinds = async (during: () => Promise<unknown>) =>
  (await findsDuring(during)).frameworkversions ?? 0;

describe("published framework versions", () => {
  it("are read from the database once, then kept, each caller getting a copy of its own", async () => {
    const { trustId, frameworkVersionId } = world.evaluation;
    let first: Awaited<ReturnType<typeof getFrameworkVersion>> = null;
    expect(
      await versionFinds(
        async () => (first = await getFrameworkVersion(trustId, frameworkVersionId)),
      ),
    ).toBe(1);
    expect(first!.content.areas.length).toBeGreaterThan(0);
    // A caller that changes what it was given changes nothing for the next one.
    const areas = first!.content.areas.length;
    first!.content.areas.pop();
    let again: Awaited<ReturnType<typeof getFrameworkVersion>> = null;
    expect(
      await versionFinds(
        async () => (again = await getFrameworkVersion(trustId, frameworkVersionId)),
      ),
    ).toBe(0);
    expect(again!.content.areas.length).toBe(areas);
    expect(again!.id).toBe(frameworkVersionId);
  });

  it("stay another trust's: a kept version is refused to everyone else", async () => {
    const { trustId, frameworkVersionId } = world.evaluation;
    const elsewhere = (await buildWorld()).trust.id;
    expect(await getFrameworkVersion(elsewhere, frameworkVersionId)).toBeNull();
    expect(await getFrameworkVersion(trustId, frameworkVersionId)).not.toBeNull();
    expect(await getFrameworkVersion(elsewhere, frameworkVersionId)).toBeNull();
  });

  it("newest version number: follows each publication", async () => {
    const { trustId, frameworkId, frameworkVersionId } = world.evaluation;
    const current = (await getFrameworkVersion(trustId, frameworkVersionId))!;
    expect(await newestVersionNumber(trustId, frameworkId)).toBe(current.version);
    await publishVersion(trustId, frameworkId, current.content);
    expect(await newestVersionNumber(trustId, frameworkId)).toBe(current.version + 1);
    expect(await newestVersionNumber(trustId, "0123456789abcdef01234567")).toBeNull();
    expect(await newestVersionNumber(trustId, "not-an-id")).toBeNull();
  });

  it("newest version number: read from the framework's record by its id alone, never from its versions", async () => {
    const { trustId, frameworkId } = world.evaluation;
    const reads = await readFiltersDuring(() => newestVersionNumber(trustId, frameworkId));
    expect(reads).toEqual([{ collection: "frameworks", method: "findOne", keys: ["_id"] }]);
  });

  it("newest version number: read once, then kept a moment (a publication here is seen at once)", async () => {
    const { trustId, frameworkId, frameworkVersionId } = world.evaluation;
    const frameworkFinds = async (during: () => Promise<unknown>) =>
      (await findsDuring(during)).frameworks ?? 0;
    expect(await frameworkFinds(() => newestVersionNumber(trustId, frameworkId))).toBe(1);
    expect(await frameworkFinds(() => newestVersionNumber(trustId, frameworkId))).toBe(0);
    const current = (await getFrameworkVersion(trustId, frameworkVersionId))!;
    await publishVersion(trustId, frameworkId, current.content);
    expect(await newestVersionNumber(trustId, frameworkId)).toBe(current.version + 1);
  });

  it("newest version number: another trust's framework is not there", async () => {
    const { frameworkId } = world.evaluation;
    const elsewhere = (await buildWorld()).trust.id;
    expect(await newestVersionNumber(elsewhere, frameworkId)).toBeNull();
  });
});
