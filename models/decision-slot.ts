import { Schema } from "mongoose";
import { isDuplicateKey } from "./errors.ts";
import { DECISION_WRITE, defineModel } from "./mongoose.ts";

interface DecisionSlotDoc {
  _id: string;
  decidedAt: Date;
}

const decisionSlotSchema = new Schema<DecisionSlotDoc>({
  _id: { type: String, required: true },
  decidedAt: { type: Date, default: () => new Date() },
});

const DecisionSlotModel = defineModel<DecisionSlotDoc>("DecisionSlot", decisionSlotSchema);

/**
 * Claims the one right to make the decision named `key` (e.g. "workspace-school:<id>:3": the
 * fourth change of a school's participation): true for exactly one caller, however many ask at
 * once. An insert with a unique `_id` is the one atomic step the embedded FerretDB and MongoDB
 * share; a conditional update is not (FerretDB v1 rewrites the whole document without checking
 * the filter again, so two racing updates can both "match": ADR 005, ADR 011). Put the state
 * the decision is made from in the key, so the next decision gets a slot of its own.
 */
export async function claimDecision(key: string): Promise<boolean> {
  try {
    await DecisionSlotModel.create([{ _id: key }], { ...DECISION_WRITE });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
