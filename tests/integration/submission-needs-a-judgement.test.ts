import { describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { setJudgement } from "../../collab/shapes/evaluation.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import {
  EvaluationSnapshotModel,
  EvaluationSnapshotStateModel,
} from "../../models/snapshot/snapshot.ts";
import { useTestDatabase } from "../support/database.ts";
import { HttpSession } from "../support/http.ts";
import { cookieFor } from "../support/sessions.ts";
import { useWorldAndServer } from "../support/world-and-server.ts";

/**
 * A submission needs something for the validator to review: at least one criterion judged on
 * its scale. The server refuses one with none (409, the reason in words), and nothing changes:
 * no snapshot, no status, no audit entry. A partly judged evaluation may still be submitted.
 */
useTestDatabase();
const the = useWorldAndServer();

const submitPath = () => `/evaluations/${the.world.evaluation.id}/submit`;

async function leader() {
  const http = new HttpSession(the.server.url);
  http.setCookie(await cookieFor(the.world.people.schoolLeader.id));
  await http.get(`/evaluations/${the.world.evaluation.id}`);
  return http;
}

async function judge(levels: Record<string, string | null>) {
  await the.server.collab.change(documentName("evaluation", the.world.evaluation.id), (doc) => {
    for (const [criterionId, level] of Object.entries(levels))
      setJudgement(doc, criterionId, level);
  });
}

/** What a submission would have written, counted. */
async function written() {
  const { trust, evaluation } = the.world;
  return {
    snapshots: await EvaluationSnapshotModel.countDocuments({ evaluationId: evaluation.id }),
    states: await EvaluationSnapshotStateModel.countDocuments({}),
    audited: await AuditModel.countDocuments({
      action: "evaluationSubmitted",
      subject: `evaluation:${evaluation.id}`,
    }),
    status: (await getEvaluation(trust.id, evaluation.id))!.status,
  };
}

const REASON =
  "Judge at least one criterion before submitting: the validator reviews the judgements you submit, and there are none yet.";

describe("submitting an evaluation with no criterion judged", () => {
  it("is refused (409) with the reason, and nothing is recorded", async () => {
    const http = await leader();
    const refused = await http.post(submitPath(), { basedOn: "none" });
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.html)).toMatchObject({ formError: REASON });
    expect(await written()).toEqual({ snapshots: 0, states: 0, audited: 0, status: "inProgress" });
  });

  it("is refused when the only judgements are at levels the scale does not have", async () => {
    await judge({ "incl-1": "no-such-level" });
    const refused = await (await leader()).post(submitPath(), { basedOn: "none" });
    expect(refused.status).toBe(409);
    expect(await written()).toEqual({ snapshots: 0, states: 0, audited: 0, status: "inProgress" });
  });

  it("is allowed with one criterion judged, the rest not", async () => {
    await judge({ "incl-1": "expected" });
    const submitted = await (await leader()).post(submitPath(), { basedOn: "none" });
    expect(submitted.status).toBe(302);
    expect(await written()).toEqual({ snapshots: 1, states: 1, audited: 1, status: "submitted" });
    const row = await EvaluationSnapshotModel.findOne({
      evaluationId: the.world.evaluation.id,
    }).lean();
    expect(row!.projection).toMatchObject({ judgedCount: 1 });
  });

  it("refuses a resubmission once every judgement has been cleared, keeping the first", async () => {
    await judge({ "incl-1": null });
    // From a page that knows of the first submission: a resubmission, not a retry of it.
    const first = await EvaluationSnapshotModel.findOne({
      evaluationId: the.world.evaluation.id,
    }).lean();
    const refused = await (await leader()).post(submitPath(), { basedOn: first!._id.toString() });
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.html)).toMatchObject({ formError: REASON });
    expect(await written()).toEqual({ snapshots: 1, states: 1, audited: 1, status: "submitted" });
  });
});
