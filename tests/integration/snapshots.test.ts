import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import {
  actionsOf,
  addAction,
  addForce,
  readActions,
  readForces,
} from "../../collab/shapes/plan.ts";
import { saveProjection } from "../../models/evaluation/evaluation.ts";
import { evaluationOfDocument as findEvaluationById } from "../../models/document-records.ts";
import { buildProjection } from "../../models/evaluation/projection.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import {
  EvaluationSnapshotModel,
  getSnapshot,
  listSnapshotsOfEvaluation,
  type SnapshotSummary,
} from "../../models/snapshot/snapshot.ts";
import { PROJECT_ROOT, type AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let name: string;
const clients: TestClient[] = [];

/** A browser-like HTTP session of `userId` that has loaded a page (so holds a CSRF token). */
async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get("/home");
  return http;
}

async function clientAs(userId: string, doc = name) {
  const client = connectClient(server.url, doc, await cookieFor(userId));
  clients.push(client);
  return client;
}

const submitPath = () => `/evaluations/${world.evaluation.id}/submit`;
const historyPath = () => `/evaluations/${world.evaluation.id}/history`;

/** The stored record exactly as it is in the database, bytes included. */
async function rawSnapshot(id: string) {
  const doc = await EvaluationSnapshotModel.findById(id).lean();
  return JSON.stringify(doc);
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

beforeAll(async () => {
  world = await buildWorld();
  name = documentName("evaluation", world.evaluation.id);
  server = await startTestServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe("submitting an evaluation for validation", () => {
  let submitted: SnapshotSummary;
  let forceId: string;
  let actionId: string;

  it("is refused to the school's staff and to trust leaders (403), and hidden from other schools (404)", async () => {
    for (const userId of [world.people.staff.id, world.people.trustLeader.id]) {
      const refused = await (await as(userId)).post(submitPath(), {});
      expect(refused.status).toBe(403);
    }
    const other = await as(world.people.otherStaff.id);
    expect((await other.post(submitPath(), {}, { csrf: other.csrf })).status).toBe(404);
    // A leader without the form's token is refused too.
    const leader = await as(world.people.schoolLeader.id);
    expect((await leader.post(submitPath(), {}, { csrf: "forged" })).status).toBe(403);
    expect(await listSnapshotsOfEvaluation(world.trust.id, world.evaluation.id)).toEqual([]);
    expect((await findEvaluationById(world.evaluation.id))!.status).toBe("inProgress");
  });

  it("freezes the live document and its projection as a snapshot, and marks the evaluation Submitted", async () => {
    const staff = await clientAs(world.people.staff.id);
    await staff.synced;
    judgementsOf(staff.doc).set("incl-1", "expected");
    judgementsOf(staff.doc).set("incl-2", "strong");
    forceId = addForce(staff.doc, "incl-1", "hindering", "Staff turnover", 4);
    actionId = addAction(staff.doc, "incl-1", "Induct new teaching assistants");
    await staff.whenSaved();
    // What the team's document held as the leader submitted (the server then tells open pages).
    const atSubmission = Y.encodeStateVector(staff.doc);

    const leader = await as(world.people.schoolLeader.id);
    const response = await leader.post(submitPath(), {});
    expect(response.status).toBe(302);
    expect(response.location).toBe(`/evaluations/${world.evaluation.id}?submitted=1`);

    const snapshots = await listSnapshotsOfEvaluation(world.trust.id, world.evaluation.id);
    expect(snapshots).toHaveLength(1);
    submitted = snapshots[0];
    expect(submitted).toMatchObject({
      kind: "submission",
      trustId: world.trust.id,
      schoolId: world.school.id,
      evaluationId: world.evaluation.id,
      frameworkVersionId: world.evaluation.frameworkVersionId,
      createdBy: world.people.schoolLeader.id,
    });
    expect(submitted.projection).toMatchObject({
      judgedCount: 2,
      criteriaCount: Object.keys(world.evaluation.levelsByCriterion).length,
      judgements: [
        { criterionId: "incl-1", level: "expected" },
        { criterionId: "incl-2", level: "strong" },
      ],
    });
    // The plan's part of the projection too: force totals and action statuses.
    expect(submitted.projection).toMatchObject({
      forceTotals: { helping: 0, hindering: 4 },
      actionCounts: { notStarted: 1, done: 0 },
    });
    // Each with its level's label and colour as the scale had them (ADR 063).
    expect(submitted.judgements).toEqual([
      { criterionId: "incl-1", level: "expected", label: "Expected standard", colour: "#1f5fa8" },
      { criterionId: "incl-2", level: "strong", label: "Strong standard", colour: "#0f6e5a" },
    ]);
    expect(submitted.levelsByCriterion).toEqual(world.evaluation.levelsByCriterion);

    // The whole document is in it: judgements, force-field and plan, exactly as they were.
    const full = await getSnapshot(world.trust.id, world.evaluation.id, submitted.id);
    const frozen = docOf(full!.state);
    expect(judgementsOf(frozen).toJSON()).toEqual({ "incl-1": "expected", "incl-2": "strong" });
    expect(readForces(frozen).map((f) => [f.id, f.text, f.strength])).toEqual([
      [forceId, "Staff turnover", 4],
    ]);
    expect(readActions(frozen).map((a) => [a.id, a.what, a.status])).toEqual([
      [actionId, "Induct new teaching assistants", "notStarted"],
    ]);
    expect(Y.encodeStateVector(frozen)).toEqual(atSubmission);

    expect((await findEvaluationById(world.evaluation.id))!.status).toBe("submitted");
    const page = await leader.get(`/evaluations/${world.evaluation.id}?submitted=1`);
    expect(page.html).toContain("Submitted for validation");
  });

  it("lets the team keep working afterwards, and the snapshot does not change", async () => {
    const before = await rawSnapshot(submitted.id);
    const staff = await clientAs(world.people.staff.id);
    expect(await staff.authenticated).toBe("read-write");
    await staff.synced;
    judgementsOf(staff.doc).set("incl-1", "strong");
    judgementsOf(staff.doc).set("incl-2", "needs-attention");
    actionsOf(staff.doc).get(actionId)!.set("status", "done");
    staff.doc.getText("after").insert(0, "written after submission");
    await staff.whenSaved();
    // Wait for the store (compaction and projection) to have run as well.
    await eventually(
      async () =>
        (await findEvaluationById(world.evaluation.id))!.projection.judgements.some(
          (j) => j.level === "needs-attention",
        ),
      5000,
      "projection",
    );

    expect(await rawSnapshot(submitted.id)).toBe(before);
    const frozen = docOf(
      (await getSnapshot(world.trust.id, world.evaluation.id, submitted.id))!.state,
    );
    expect(judgementsOf(frozen).get("incl-1")).toBe("expected");
    expect(frozen.getText("after").toString()).toBe("");

    // The history page compares the submission with now.
    const history = await (await as(world.people.staff.id)).get(historyPath());
    expect(history.status).toBe(200);
    expect(history.html).toContain("Moved up (1)");
    expect(history.html).toContain("Moved down (1)");
    expect(history.html).toContain("Actions completed (1)");
    expect(history.html).toContain("Expected standard → Strong standard");
  });

  it("keeps every earlier snapshot as it was when the leader submits again", async () => {
    const before = await rawSnapshot(submitted.id);
    const again = await (await as(world.people.schoolLeader.id)).post(submitPath(), {});
    expect(again.status).toBe(302);
    const snapshots = await listSnapshotsOfEvaluation(world.trust.id, world.evaluation.id);
    expect(snapshots.map((s) => s.id)).toEqual([
      expect.not.stringMatching(submitted.id),
      submitted.id,
    ]);
    expect(snapshots[0].judgements).toContainEqual(
      expect.objectContaining({ criterionId: "incl-1", level: "strong" }),
    );
    expect(await rawSnapshot(submitted.id)).toBe(before);
  });

  it("refuses a submission once the evaluation has been validated (409)", async () => {
    expect(
      await setEvaluationStatus(world.trust.id, world.evaluation.id, "validated", {
        from: ["submitted"],
      }),
    ).toBe(true);
    try {
      const refused = await (await as(world.people.schoolLeader.id)).post(submitPath(), {});
      expect(refused.status).toBe(409);
      expect((await findEvaluationById(world.evaluation.id))!.status).toBe("validated");
      expect(await listSnapshotsOfEvaluation(world.trust.id, world.evaluation.id)).toHaveLength(2);
    } finally {
      await setEvaluationStatus(world.trust.id, world.evaluation.id, "submitted", {
        from: ["validated"],
      });
    }
  });
});

describe("snapshots are immutable", () => {
  let id: string;
  let before: string;

  beforeAll(async () => {
    const [snapshot] = await listSnapshotsOfEvaluation(world.trust.id, world.evaluation.id);
    id = snapshot.id;
    before = await rawSnapshot(id);
  });

  it("refuses every update, replace and delete through the model", async () => {
    const attempts: [string, () => Promise<unknown>][] = [
      [
        "updateOne",
        () => EvaluationSnapshotModel.updateOne({ _id: id }, { $set: { kind: "validation" } }),
      ],
      [
        "updateMany",
        () => EvaluationSnapshotModel.updateMany({}, { $set: { kind: "validation" } }),
      ],
      [
        "findOneAndUpdate",
        () =>
          EvaluationSnapshotModel.findOneAndUpdate({ _id: id }, { $set: { kind: "validation" } }),
      ],
      [
        "findByIdAndUpdate",
        () => EvaluationSnapshotModel.findByIdAndUpdate(id, { $set: { state: Buffer.from([0]) } }),
      ],
      ["replaceOne", () => EvaluationSnapshotModel.replaceOne({ _id: id }, { kind: "validation" })],
      [
        "findOneAndReplace",
        () => EvaluationSnapshotModel.findOneAndReplace({ _id: id }, { kind: "validation" }),
      ],
      ["deleteOne", () => EvaluationSnapshotModel.deleteOne({ _id: id })],
      ["deleteMany", () => EvaluationSnapshotModel.deleteMany({})],
      ["findOneAndDelete", () => EvaluationSnapshotModel.findOneAndDelete({ _id: id })],
      ["findByIdAndDelete", () => EvaluationSnapshotModel.findByIdAndDelete(id)],
      [
        "bulkWrite",
        () => EvaluationSnapshotModel.bulkWrite([{ deleteOne: { filter: { _id: id } } }]),
      ],
      [
        "document save",
        async () => {
          const doc = await EvaluationSnapshotModel.findById(id);
          doc!.set("kind", "validation");
          await doc!.save();
        },
      ],
      ["document deleteOne", async () => (await EvaluationSnapshotModel.findById(id))!.deleteOne()],
      [
        "document updateOne",
        async () =>
          (await EvaluationSnapshotModel.findById(id))!.updateOne({ $set: { kind: "validation" } }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toThrow("Evaluation snapshots are immutable.");
    }
    expect(await rawSnapshot(id)).toBe(before);
  });

  it("offers no route that changes one: the history page takes no posts", async () => {
    const leader = await as(world.people.schoolLeader.id);
    for (const path of [historyPath(), `${historyPath()}?a=${id}&b=now`]) {
      const response = await leader.post(path, {
        kind: "validation",
        snapshotId: id,
        _action: "delete",
      });
      expect(response.status).toBe(405);
    }
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const response = await fetch(server.url + historyPath(), {
        method,
        headers: { cookie: leader.cookieHeader, origin: server.url },
      });
      expect(response.status, method).toBe(405);
    }
    // The submit route only ever adds a new snapshot; a GET does nothing.
    expect((await leader.get(submitPath())).status).toBe(405);
    expect(await rawSnapshot(id)).toBe(before);
  });

  it("offers no socket that reaches one: no collab document name stands for a snapshot", async () => {
    for (const doc of [
      `snapshot.${id}`,
      `evaluation.${id}`,
      `evaluationSnapshot.${id}`,
      `record.${id}`,
    ]) {
      const client = await clientAs(world.people.schoolLeader.id, doc);
      await expect(client.authenticated, doc).rejects.toThrow(
        "You do not have access to this document.",
      );
    }
    expect(await rawSnapshot(id)).toBe(before);
  });

  it("is only ever written by models/snapshot: no route, extension or server module touches the model", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((entry) => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(entry) ? [full] : [];
      });
    const offenders = ["app", "collab", "server"]
      .flatMap((dir) => sources(path.join(PROJECT_ROOT, dir)))
      .filter((file) => readFileSync(file, "utf8").includes("EvaluationSnapshotModel"));
    expect(offenders).toEqual([]);
  });
});

describe("the history page", () => {
  it("is open to whoever may read the evaluation, and to nobody else", async () => {
    for (const userId of [world.people.trustLeader.id, world.people.staff.id]) {
      const page = await (await as(userId)).get(historyPath());
      expect(page.status).toBe(200);
      expect(page.html).toContain("Submitted for validation");
      expect(page.html).toContain("Sam Leader");
    }
    for (const userId of [world.people.otherStaff.id, world.people.validator.id]) {
      const page = await (await as(userId)).get(historyPath());
      expect(page.status).toBe(404);
    }
  });

  it("refuses a snapshot of another evaluation in the comparison", async () => {
    const page = await (
      await as(world.people.staff.id)
    ).get(`${historyPath()}?a=0123456789abcdef01234567&b=now`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("That snapshot is not part of this evaluation.");
  });
});

describe("the Submitted status", () => {
  it("holds even when the projection is rewritten into the same record at the same moment", async () => {
    // The embedded FerretDB applies updates as whole-document rewrites: overlapping ones can be lost.
    const evaluation = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
    const projection = buildProjection({ "incl-1": "expected" }, evaluation.levelsByCriterion);
    for (let round = 0; round < 10; round++) {
      await setEvaluationStatus(world.trust.id, evaluation.id, "inProgress", {
        from: ["submitted"],
      });
      const [moved] = await Promise.all([
        setEvaluationStatus(world.trust.id, evaluation.id, "submitted", {
          from: ["inProgress", "submitted"],
        }),
        ...[0, 1, 2].map(() => saveProjection(world.trust.id, evaluation.id, projection)),
      ]);
      expect(moved).toBe(true);
      expect((await findEvaluationById(evaluation.id))!.status, `round ${round}`).toBe("submitted");
    }
  });
});
