import { PairingModel, type AcceptedPairing } from "../insight/pairing.ts";
import { isObjectId, ofTrust } from "../mongoose.ts";
import { can, trustIdsOf } from "../permissions/can.ts";
import type { Actor } from "../permissions/roles.ts";
import { getSchool, type School } from "../school/school.ts";

/**
 * An accepted pairing a joint workspace can be made from, with its two schools: null when it
 * is not in the person's trusts, or when they may start a workspace for neither the trust nor
 * one of its two schools (so its id tells others nothing).
 */
export async function pairingForWorkspace(
  actor: Actor,
  pairingId: string,
): Promise<{ pairing: AcceptedPairing; centre: School; supported: School } | null> {
  if (!isObjectId(pairingId)) return null;
  for (const trustId of trustIdsOf(actor)) {
    const doc = ofTrust(await PairingModel.findOne({ _id: pairingId }).lean(), trustId);
    if (!doc) continue;
    const pairing: AcceptedPairing = {
      id: doc._id.toString(),
      trustId: doc.trustId.toString(),
      frameworkId: doc.frameworkId.toString(),
      areaId: doc.areaId,
      areaTitle: doc.areaTitle,
      supportedSchoolId: doc.supportedSchoolId.toString(),
      centreSchoolId: doc.centreSchoolId.toString(),
      explanation: doc.explanation,
      acceptedBy: doc.acceptedBy.toString(),
      acceptedAt: doc.acceptedAt,
    };
    const [centre, supported] = await Promise.all([
      getSchool(trustId, pairing.centreSchoolId),
      getSchool(trustId, pairing.supportedSchoolId),
    ]);
    if (!centre || !supported) return null;
    const may =
      can(actor, "startWorkspace", { type: "trust", trustId }) ||
      [centre, supported].some((s) =>
        can(actor, "startWorkspace", { type: "school", trustId, schoolId: s.id }),
      );
    return may ? { pairing, centre, supported } : null;
  }
  return null;
}

/** The accepted pairings a person may start a workspace from (the "from a pairing" choice). */
export async function pairingsForWorkspace(actor: Actor): Promise<AcceptedPairing[]> {
  const found: AcceptedPairing[] = [];
  for (const trustId of trustIdsOf(actor)) {
    const docs = await PairingModel.find({ trustId }).sort({ acceptedAt: -1 }).lean();
    for (const doc of docs) {
      const item = await pairingForWorkspace(actor, doc._id.toString());
      if (item) found.push(item.pairing);
    }
  }
  return found;
}
