import { Schema, type Types } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import { noteAgreedJudgements } from "../insight/summary-store.ts";
import { defineModel, op } from "../mongoose.ts";
import { confirmedJudgements, recordState, type RecordEntry } from "./record-state.ts";

/**
 * The agreed (confirmed) judgements of each validated evaluation, kept beside the record so
 * trust-wide views read one small document per school instead of replaying every record. Its
 * own collection (ADR 005: FerretDB v1 rewrites whole documents), written by the commands that
 * change the record, from the whole record each time.
 */
interface AgreedDoc {
  _id: Types.ObjectId;
  trustId: Types.ObjectId;
  validationId: Types.ObjectId;
  judgements: { criterionId: string; level: string }[];
  /** The last confirmation's time (null: nothing confirmed yet). */
  agreedAt: Date | null;
  /** How many record entries this was computed from: an older computation never overwrites it. */
  entries: number;
}

const agreedSchema = new Schema<AgreedDoc>({
  _id: { type: Schema.Types.ObjectId, required: true },
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  validationId: { type: Schema.Types.ObjectId, required: true },
  judgements: [{ _id: false, criterionId: String, level: String }],
  agreedAt: { type: Date, default: null },
  entries: { type: Number, default: 0 },
});

export const AgreedProjectionModel = defineModel<AgreedDoc>("AgreedProjection", agreedSchema);

/** Recomputes an evaluation's agreed judgements from its whole record and stores them. */
export async function saveAgreedProjection(
  validation: { id: string; trustId: string; evaluationId: string },
  entries: RecordEntry[],
): Promise<void> {
  const judgements = confirmedJudgements(recordState(entries));
  const confirmations = entries.filter((e) => e.kind === "confirmed");
  const agreedAt = confirmations.length ? new Date(confirmations.at(-1)!.at) : null;
  const doc = {
    trustId: validation.trustId,
    validationId: validation.id,
    judgements: Object.entries(judgements).map(([criterionId, level]) => ({ criterionId, level })),
    agreedAt,
    entries: entries.length,
  };
  await writeAgreed(validation.evaluationId, doc);
  // The trust-wide views read the agreed judgements from the insight summary (ADR 023).
  await noteAgreedJudgements(validation.trustId, validation.evaluationId, {
    judgements,
    agreedAt,
    entries: entries.length,
  });
}

async function writeAgreed(
  evaluationId: string,
  doc: Omit<AgreedDoc, "_id" | "trustId" | "validationId"> & {
    trustId: string;
    validationId: string;
  },
) {
  if (!(await AgreedProjectionModel.exists({ _id: evaluationId }))) {
    try {
      await AgreedProjectionModel.create({ _id: evaluationId, ...doc });
      return;
    } catch (error) {
      // Another decision created it a moment ago: update it like any other time.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  // Two decisions at once each recompute from the record they read; the longer record wins.
  await AgreedProjectionModel.updateOne(
    { _id: evaluationId, entries: op({ $lte: doc.entries }) },
    { $set: doc },
  );
}
