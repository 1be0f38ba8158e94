import { DECISION_WRITE } from "../mongoose.ts";
import { EvaluationModel, type Evaluation } from "./evaluation.ts";

/** Records who validates an evaluation on the evaluation itself (they may read it from now on). */
export async function setValidatorsOfEvaluation(
  evaluation: Pick<Evaluation, "id" | "trustId">,
  validatorIds: string[],
): Promise<void> {
  await EvaluationModel.updateOne(
    { _id: evaluation.id, trustId: evaluation.trustId },
    { $set: { validatorIds } },
    { writeConcern: DECISION_WRITE },
  );
}
