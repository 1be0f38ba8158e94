import { Schema, type Types } from "mongoose";
import { upsertRacing } from "../errors.ts";
import { defineModel, isObjectId, ofTrust, op } from "../mongoose.ts";

/**
 * A validator's unrecorded agreement of one criterion: the level they have picked and the
 * rationale they are typing, kept on the server so it follows them from one device to another.
 * It is theirs alone until they record it (then it goes: agree-judgement.ts), so it lives here,
 * written only through a command that stamps the person from the session, and never in the
 * meeting's live document, which the school can write (ADR 013).
 *
 * One record per (validation, criterion, person), found by an `_id` made of the three: a save
 * is an upsert by `_id` and the page's read is an `_id` list, both of which the embedded
 * FerretDB answers through its index (ADRs 038, 040).
 */
export interface AgreementDraft {
  validationId: string;
  criterionId: string;
  userId: string;
  /** The level picked (a key of the criterion's scale), or null while none is. */
  level: string | null;
  rationale: string;
  /** The agreement of this criterion it was typed over (its sequence number; 0: none yet). */
  basedOn: number;
  updatedAt: Date;
}

interface AgreementDraftDoc {
  _id: string;
  trustId: Types.ObjectId;
  validationId: Types.ObjectId;
  criterionId: string;
  userId: Types.ObjectId;
  level: string | null;
  rationale: string;
  basedOn: number;
  updatedAt: Date;
}

const agreementDraftSchema = new Schema<AgreementDraftDoc>(
  {
    _id: { type: String, required: true },
    trustId: { type: Schema.Types.ObjectId, required: true },
    validationId: { type: Schema.Types.ObjectId, required: true },
    criterionId: { type: String, required: true },
    // Indexed for the one read by person: their drafts as they lose a role (remove-role.ts).
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    level: { type: String, default: null },
    rationale: { type: String, default: "" },
    basedOn: { type: Number, default: 0 },
    updatedAt: { type: Date, required: true },
  },
  { collection: "agreementdrafts" },
);

export const AgreementDraftModel = defineModel<AgreementDraftDoc>(
  "AgreementDraft",
  agreementDraftSchema,
);

/** The `_id` of one person's draft of one criterion of one validation. */
export const agreementDraftId = (validationId: string, criterionId: string, userId: string) =>
  `${validationId}:${criterionId}:${userId}`;

function toDraft(doc: AgreementDraftDoc): AgreementDraft {
  return {
    validationId: doc.validationId.toString(),
    criterionId: doc.criterionId,
    userId: doc.userId.toString(),
    level: doc.level ?? null,
    rationale: doc.rationale ?? "",
    basedOn: doc.basedOn ?? 0,
    updatedAt: doc.updatedAt,
  };
}

type ValidationOf = { id: string; trustId: string };

/** `userId`'s drafts of these criteria of the validation (criteria without one are left out). */
export async function listAgreementDrafts(
  validation: ValidationOf,
  userId: string,
  criterionIds: string[],
): Promise<AgreementDraft[]> {
  if (!isObjectId(userId) || criterionIds.length === 0) return [];
  const ids = criterionIds.map((c) => agreementDraftId(validation.id, c, userId));
  const docs = await AgreementDraftModel.find({ _id: op({ $in: ids }) }).lean();
  return docs.flatMap((d) => {
    const doc = ofTrust(d, validation.trustId);
    return doc ? [toDraft(doc)] : [];
  });
}

/**
 * Keeps `userId`'s draft of one criterion as it now is (the last save wins). A draft with
 * neither a level nor any text is no draft: it is deleted. Returns the draft kept, or null.
 */
export async function saveAgreementDraft(
  validation: ValidationOf,
  userId: string,
  input: { criterionId: string; level: string | null; rationale: string; basedOn: number },
): Promise<AgreementDraft | null> {
  const _id = agreementDraftId(validation.id, input.criterionId, userId);
  if (input.level === null && input.rationale.trim() === "") {
    await AgreementDraftModel.deleteOne({ _id });
    return null;
  }
  const draft: AgreementDraft = {
    validationId: validation.id,
    criterionId: input.criterionId,
    userId,
    level: input.level,
    rationale: input.rationale,
    basedOn: input.basedOn,
    updatedAt: new Date(),
  };
  const fields = { trustId: validation.trustId, ...draft };
  const write = () => AgreementDraftModel.updateOne({ _id }, { $set: fields }, { upsert: true });
  // Two saves of a first draft at once both try to insert it: the loser updates it.
  await upsertRacing(write);
  return draft;
}

/** Removes `userId`'s draft of one criterion (it has been recorded). */
export async function clearAgreementDraft(
  validation: ValidationOf,
  userId: string,
  criterionId: string,
): Promise<void> {
  await AgreementDraftModel.deleteOne({
    _id: agreementDraftId(validation.id, criterionId, userId),
  });
}

/**
 * Removes every draft these people keep of the validation (they are no longer its validators:
 * assign-validators.ts). By `_id`, one per criterion the evaluation has (a draft is only ever of
 * one of them: save-agreement-draft.ts), so the delete is answered through the index too.
 */
export async function clearAgreementDraftsOf(
  validation: ValidationOf,
  userIds: string[],
  criterionIds: string[],
): Promise<void> {
  const ids = userIds
    .filter(isObjectId)
    .flatMap((u) => criterionIds.map((c) => agreementDraftId(validation.id, c, u)));
  if (ids.length === 0) return;
  await AgreementDraftModel.deleteMany({ _id: op({ $in: ids }) });
}

/**
 * The validations of the trust of which `userId` keeps any draft. Read through the `userId`
 * index (ADR 040): only as a role is taken away (remove-role.ts), never as a page opens.
 */
export async function validationIdsDraftedBy(trustId: string, userId: string): Promise<string[]> {
  if (!isObjectId(trustId) || !isObjectId(userId)) return [];
  const docs = await AgreementDraftModel.find({ userId, trustId }, { validationId: 1 }).lean();
  return [...new Set(docs.map((d) => d.validationId.toString()))];
}

/** Removes every draft `userId` keeps of these validations of the trust (whatever the criterion). */
export async function clearAgreementDraftsIn(
  trustId: string,
  userId: string,
  validationIds: string[],
): Promise<void> {
  const ids = validationIds.filter(isObjectId);
  if (!isObjectId(trustId) || !isObjectId(userId) || ids.length === 0) return;
  await AgreementDraftModel.deleteMany({ userId, trustId, validationId: op({ $in: ids }) });
}
