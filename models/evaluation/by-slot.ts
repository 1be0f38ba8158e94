import { isObjectId } from "../mongoose.ts";
import { EvaluationModel } from "./evaluation.ts";

/** The evaluation started for `slot` (e.g. "renewal:<awardId>"), if any: its id and title. */
export async function findEvaluationBySlot(
  trustId: string,
  slot: string,
): Promise<{ id: string; title: string } | null> {
  if (!isObjectId(trustId)) return null;
  const doc = await EvaluationModel.findOne({ trustId, slot }, { title: 1 }).lean();
  return doc ? { id: doc._id.toString(), title: doc.title } : null;
}
