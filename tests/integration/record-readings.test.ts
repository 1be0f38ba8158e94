import { beforeAll, describe, expect, it } from "vitest";
import { accessTo } from "../../collab/document-access.ts";
import { documentName } from "../../collab/document-name.ts";
import { OpenSockets } from "../../collab/open-sockets.ts";
import { ReadingsUnderWay } from "../../collab/readings-under-way.ts";
import { loadActor } from "../../models/membership/membership.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildWorld } from "../support/factories.ts";
import { findsDuring } from "../support/finds.ts";

// ADR 049: the collab server reads a document's record once for every socket asking for it at
// the same moment, and never shares a reading begun before a change of access after it.

useTestDatabase();
let world: Awaited<ReturnType<typeof buildWorld>>;
let staff: Actor;
let head: Actor;
let evaluation: string;

beforeAll(async () => {
  world = await buildWorld();
  staff = (await loadActor(world.people.staff.id))!;
  head = (await loadActor(world.people.schoolLeader.id))!;
  evaluation = documentName("evaluation", world.evaluation.id);
});

describe("the records read to decide sockets' access", () => {
  it("are read once for everyone asking at the same moment, each answered by their own grants", async () => {
    const readings = new ReadingsUnderWay();
    const outsider = await buildUser("schoolStaff", world.trust, world.otherSchool, "Kim Else");
    const other = (await loadActor(outsider.id))!;
    let answers: Awaited<ReturnType<typeof accessTo>>[] = [];
    const reads = await findsDuring(async () => {
      answers = await Promise.all([
        accessTo(staff, evaluation, readings),
        accessTo(head, evaluation, readings),
        accessTo(other, evaluation, readings),
        accessTo(staff, documentName("discussion", world.evaluation.id), readings),
      ]);
    });
    const [a, b, c, discussion] = answers;
    expect(reads.evaluations).toBe(1);
    expect([a?.write, b?.write, c, discussion?.write]).toEqual([true, true, null, false]);
  });

  it("are read afresh once answered: nothing is kept", async () => {
    const readings = new ReadingsUnderWay();
    const reads = await findsDuring(async () => {
      await accessTo(staff, evaluation, readings);
      await accessTo(head, evaluation, readings);
    });
    expect(reads.evaluations).toBe(2);
  });

  it("are not shared after a change of access: a reading begun before it is forgotten", async () => {
    const sockets = new OpenSockets();
    const reads = await findsDuring(async () => {
      // A reading under way when someone's access changes (a recheck), and a socket asking after.
      const before = accessTo(staff, evaluation, sockets.recordReadings);
      sockets.accessChanging([staff.userId]);
      const after = accessTo(head, evaluation, sockets.recordReadings);
      await Promise.all([before, after]);
    });
    expect(reads.evaluations).toBe(2);
  });

  it("share a failure too, and the next asks again", async () => {
    const readings = new ReadingsUnderWay();
    const failing = Promise.reject(new Error("database stalled"));
    readings.set(`evaluation-record:${world.trust.id}:${world.evaluation.id}`, failing);
    const reads = await findsDuring(async () => {
      await expect(accessTo(staff, evaluation, readings)).rejects.toThrow("database stalled");
      expect(await accessTo(staff, evaluation, readings)).toMatchObject({
        write: true,
      });
    });
    expect(reads.evaluations).toBe(1);
  });
});
