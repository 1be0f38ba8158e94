import type { CollabAccess } from "../../collab/access.ts";
import { documentName } from "../../collab/document-name.ts";
import { syncRecord } from "../../collab/shapes/record.ts";
import { saveAgreedProjection } from "../../models/validation/agreed-projection.ts";
import { listRecordEntries } from "../../models/validation/record.ts";
import type { RecordEntry } from "../../models/validation/record-state.ts";
import type { Validation } from "../../models/validation/validation.ts";

/**
 * Brings `record.<validationId>` level with the stored record, so everyone in the meeting sees
 * a decision the moment it is stored, and the agreed judgements trust-wide views read.
 * Idempotent: a repeat adds nothing.
 */
export async function mirrorRecord(
  collab: CollabAccess,
  validation: Pick<Validation, "id" | "trustId" | "evaluationId">,
): Promise<RecordEntry[]> {
  const entries = await listRecordEntries(validation.trustId, validation.id);
  await saveAgreedProjection(validation, entries);
  await collab.change(documentName("record", validation.id), (doc) => syncRecord(doc, entries));
  return entries;
}
