import { Schema, type Types } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import { DECISION_WRITE, defineModel, isObjectId, ofTrust } from "../mongoose.ts";

/**
 * A pairing a trust accepted: a school that needs support in an area, and a centre of expertise
 * in it, to share practice (a joint workspace grows from it). Recorded once per pair and area.
 */
export interface AcceptedPairing {
  id: string;
  trustId: string;
  frameworkId: string;
  areaId: string;
  areaTitle: string;
  supportedSchoolId: string;
  centreSchoolId: string;
  explanation: string;
  acceptedBy: string;
  acceptedAt: Date;
}

type PairingDoc = Omit<
  AcceptedPairing,
  "id" | "trustId" | "frameworkId" | "supportedSchoolId" | "centreSchoolId" | "acceptedBy"
> & {
  trustId: Types.ObjectId;
  frameworkId: Types.ObjectId;
  supportedSchoolId: Types.ObjectId;
  centreSchoolId: Types.ObjectId;
  acceptedBy: Types.ObjectId;
};

const pairingSchema = new Schema<PairingDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  frameworkId: { type: Schema.Types.ObjectId, required: true },
  areaId: { type: String, required: true },
  areaTitle: { type: String, required: true },
  supportedSchoolId: { type: Schema.Types.ObjectId, required: true },
  centreSchoolId: { type: Schema.Types.ObjectId, required: true },
  explanation: { type: String, required: true },
  acceptedBy: { type: Schema.Types.ObjectId, required: true },
  acceptedAt: { type: Date, default: () => new Date() },
});
pairingSchema.index(
  { trustId: 1, frameworkId: 1, areaId: 1, supportedSchoolId: 1, centreSchoolId: 1 },
  { unique: true },
);

export const PairingModel = defineModel<PairingDoc>("Pairing", pairingSchema);

function toPairing(doc: { _id: Types.ObjectId } & PairingDoc): AcceptedPairing {
  return {
    ...doc,
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    frameworkId: doc.frameworkId.toString(),
    supportedSchoolId: doc.supportedSchoolId.toString(),
    centreSchoolId: doc.centreSchoolId.toString(),
    acceptedBy: doc.acceptedBy.toString(),
  };
}

/** Records the pairing once: accepting it again (or twice at once) returns the one recorded. */
export async function recordPairing(
  input: Omit<AcceptedPairing, "id" | "acceptedAt">,
): Promise<{ pairing: AcceptedPairing; created: boolean }> {
  const key = {
    trustId: input.trustId,
    frameworkId: input.frameworkId,
    areaId: input.areaId,
    supportedSchoolId: input.supportedSchoolId,
    centreSchoolId: input.centreSchoolId,
  };
  try {
    const doc = await new PairingModel(input).save(DECISION_WRITE);
    return { pairing: toPairing(doc.toObject()), created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const doc = await PairingModel.findOne(key).lean();
    if (!doc) throw error;
    return { pairing: toPairing(doc), created: false };
  }
}

/** One accepted pairing of the given trust, or null. */
export async function getPairing(
  trustId: string,
  pairingId: string,
): Promise<AcceptedPairing | null> {
  if (!isObjectId(pairingId)) return null;
  const doc = ofTrust(await PairingModel.findOne({ _id: pairingId }).lean(), trustId);
  return doc ? toPairing(doc) : null;
}

export async function listPairings(
  trustId: string,
  frameworkId?: string,
): Promise<AcceptedPairing[]> {
  const docs = await PairingModel.find(frameworkId ? { trustId, frameworkId } : { trustId })
    .sort({ acceptedAt: -1 })
    .lean();
  return docs.map(toPairing);
}
