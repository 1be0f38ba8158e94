import { Schema } from "mongoose";
import { isDuplicateKey } from "./errors.ts";
import { DECISION_WRITE, defineModel } from "./mongoose.ts";

interface DecisionSlotDoc {
  _id: string;
  decidedAt: Date;
  /** What was decided, for the callers that lost the race (the winner may not have applied it yet). */
  outcome?: string | null;
}

const decisionSlotSchema = new Schema<DecisionSlotDoc>({
  _id: { type: String, required: true },
  decidedAt: { type: Date, default: () => new Date() },
  outcome: { type: String, default: null },
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
export async function claimDecision(key: string, outcome: string | null = null): Promise<boolean> {
  try {
    await DecisionSlotModel.create([{ _id: key, outcome }], { ...DECISION_WRITE });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * What the decision named `key` decided (the `outcome` its winner claimed it with), or null if it
 * has not been made. A caller that lost the race reads the outcome here: the winner writes the
 * state the decision changes only after claiming, so that state may not show it yet.
 */
export async function decisionOutcome(key: string): Promise<string | null> {
  const slot = await DecisionSlotModel.findOne({ _id: key }, { outcome: 1 }).lean();
  return slot?.outcome ?? null;
}

/**
 * Gives up the claim on the decision named `key`, for a decision refused after it was claimed
 * (with nothing of it written): the next request may claim it again and make it.
 */
export async function releaseDecision(key: string): Promise<void> {
  await DecisionSlotModel.deleteOne({ _id: key });
}
