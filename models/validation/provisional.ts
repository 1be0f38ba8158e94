import { Schema, type Types } from "mongoose";
import { defineModel, isObjectId } from "../mongoose.ts";

/**
 * A validator's provisional judgement of one criterion, recorded while reviewing the submitted
 * evaluation before the meeting. One document per (validation, validator, criterion), so two
 * validators (or two tabs) judging different criteria never overwrite each other.
 */
export interface ProvisionalJudgement {
  validationId: string;
  validatorId: string;
  criterionId: string;
  level: string;
  updatedAt: Date;
}

interface ProvisionalDoc {
  validationId: Types.ObjectId;
  trustId: Types.ObjectId;
  validatorId: Types.ObjectId;
  criterionId: string;
  level: string;
  updatedAt: Date;
}

const provisionalSchema = new Schema<ProvisionalDoc>(
  {
    validationId: { type: Schema.Types.ObjectId, required: true },
    trustId: { type: Schema.Types.ObjectId, required: true },
    validatorId: { type: Schema.Types.ObjectId, required: true },
    criterionId: { type: String, required: true },
    level: { type: String, required: true },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: "provisionaljudgements" },
);
provisionalSchema.index({ validationId: 1, validatorId: 1, criterionId: 1 }, { unique: true });

export const ProvisionalJudgementModel = defineModel<ProvisionalDoc>(
  "ProvisionalJudgement",
  provisionalSchema,
);

export class InvalidProvisionalJudgementError extends Error {}

export async function listProvisionalJudgements(
  trustId: string,
  validationId: string,
): Promise<ProvisionalJudgement[]> {
  if (!isObjectId(validationId)) return [];
  const docs = await ProvisionalJudgementModel.find({ trustId, validationId })
    .sort({ criterionId: 1 })
    .lean();
  return docs.map((d) => ({
    validationId: d.validationId.toString(),
    validatorId: d.validatorId.toString(),
    criterionId: d.criterionId,
    level: d.level,
    updatedAt: d.updatedAt,
  }));
}

/**
 * Records (or changes, or with level "" clears) one validator's provisional judgement. The level
 * must be one of the criterion's scale (`levels`, from the evaluation).
 */
export async function recordProvisionalJudgement(
  validation: { id: string; trustId: string },
  input: { validatorId: string; criterionId: string; level: string },
  levels: string[] | undefined,
): Promise<void> {
  if (!levels)
    throw new InvalidProvisionalJudgementError("That criterion is not in this evaluation.");
  const key = {
    validationId: validation.id,
    trustId: validation.trustId,
    validatorId: input.validatorId,
    criterionId: input.criterionId,
  };
  if (input.level === "") {
    await ProvisionalJudgementModel.deleteOne(key);
    return;
  }
  if (!levels.includes(input.level))
    throw new InvalidProvisionalJudgementError("Choose one of the criterion's levels.");
  const write = () =>
    ProvisionalJudgementModel.updateOne(
      key,
      { $set: { level: input.level, updatedAt: new Date() } },
      { upsert: true },
    );
  try {
    await write();
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    await write();
  }
}
