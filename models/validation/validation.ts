import { Schema, type Types } from "mongoose";
import { upsertRacing } from "../errors.ts";
import { defineModel, isObjectId, ofTrust, op } from "../mongoose.ts";
import { sharedRead, type ReadMemo } from "../request-memo.ts";

/**
 * The validation of one submitted evaluation: who validates it (never staff of the school
 * itself) and, later, its meeting. Agreed judgements and the outcome live in the append-only
 * record (record.ts), not here.
 */
export interface Validation {
  id: string;
  trustId: string;
  schoolId: string;
  evaluationId: string;
  validatorIds: string[];
  assignedBy: string;
  createdAt: Date;
}

interface ValidationDoc {
  trustId: Types.ObjectId;
  schoolId: Types.ObjectId;
  evaluationId: Types.ObjectId;
  validatorIds: Types.ObjectId[];
  assignedBy: Types.ObjectId;
  createdAt: Date;
}

const validationSchema = new Schema<ValidationDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  schoolId: { type: Schema.Types.ObjectId, required: true },
  evaluationId: { type: Schema.Types.ObjectId, required: true, unique: true },
  validatorIds: { type: [Schema.Types.ObjectId], default: [] },
  assignedBy: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, default: () => new Date() },
});

export const ValidationModel = defineModel<ValidationDoc>("Validation", validationSchema);

function toValidation(doc: { _id: Types.ObjectId } & ValidationDoc): Validation {
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    schoolId: doc.schoolId.toString(),
    evaluationId: doc.evaluationId.toString(),
    validatorIds: doc.validatorIds.map(String),
    assignedBy: doc.assignedBy.toString(),
    createdAt: doc.createdAt,
  };
}

/**
 * A validation of the given trust, or null. Shared through `memo` by the sockets asking for it
 * at the same moment (a meeting's page opens three documents of it, ADR 049).
 */
export function getValidation(
  trustId: string,
  validationId: string,
  memo?: ReadMemo,
): Promise<Validation | null> {
  if (!isObjectId(trustId) || !isObjectId(validationId)) return Promise.resolve(null);
  return sharedRead(memo, `validation:${trustId}:${validationId}`, async () => {
    const doc = ofTrust(await ValidationModel.findOne({ _id: validationId }).lean(), trustId);
    return doc ? toValidation(doc) : null;
  });
}

export async function findValidationOfEvaluation(
  trustId: string,
  evaluationId: string,
): Promise<Validation | null> {
  const doc = await ValidationModel.findOne({ trustId, evaluationId }).lean();
  return doc ? toValidation(doc) : null;
}

/** The validations of the trust's evaluations among `evaluationIds` (one each at most): one read. */
export async function listValidationsOfEvaluations(
  trustId: string,
  evaluationIds: string[],
): Promise<Validation[]> {
  const ids = [...new Set(evaluationIds.filter(isObjectId))];
  if (!isObjectId(trustId) || ids.length === 0) return [];
  const docs = await ValidationModel.find({ trustId, evaluationId: op({ $in: ids }) }).lean();
  return docs.map(toValidation);
}

/**
 * The validations of these trusts (the person's: reading one needs a role in its trust) that
 * name the person as a validator, newest first. Read through the `trustId` index: an array of
 * validators has none on the embedded FerretDB (ADR 040), so by itself it read every trust's.
 */
export async function listValidationsOf(
  validatorId: string,
  trustIds: string[],
): Promise<Validation[]> {
  const trusts = trustIds.filter(isObjectId);
  if (!isObjectId(validatorId) || trusts.length === 0) return [];
  const docs = await ValidationModel.find({
    trustId: op({ $in: trusts }),
    validatorIds: validatorId,
  })
    .sort({ createdAt: -1 })
    .lean();
  return docs.map(toValidation);
}

export async function listValidationsOfTrust(trustId: string): Promise<Validation[]> {
  const docs = await ValidationModel.find({ trustId }).sort({ createdAt: -1 }).lean();
  return docs.map(toValidation);
}

/**
 * Sets who validates an evaluation, creating its validation on first assignment. One validation
 * per evaluation (a unique key): two admins assigning at once end with one, holding the last
 * choice.
 */
export async function assignValidators(
  evaluation: { id: string; trustId: string; schoolId: string },
  validatorIds: string[],
  assignedBy: string,
): Promise<Validation> {
  const write = () =>
    ValidationModel.updateOne(
      { trustId: evaluation.trustId, evaluationId: evaluation.id },
      {
        $set: { validatorIds },
        $setOnInsert: { schoolId: evaluation.schoolId, assignedBy, createdAt: new Date() },
      },
      { upsert: true },
    );
  // Another request may insert it first: then this is a plain update.
  await upsertRacing(write);
  return (await findValidationOfEvaluation(evaluation.trustId, evaluation.id))!;
}
