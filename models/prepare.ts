import "./registry.ts";
import { migrateAuditKeysOnce } from "./audit/audit.ts";
import { migrateSnapshotIndexes } from "./document-log/document-log.ts";
import { migrateSnapshotRowsOnce } from "./document-log/snapshot-versions.ts";
import { mongoose } from "./mongoose.ts";
import { migrateSecondFactorIds } from "./second-factor/second-factor.ts";
import { migrateSnapshotStates } from "./snapshot/snapshot.ts";

/**
 * Makes a connected database ready for the app: every collection's indexes (the unique ones
 * must exist before anything is written: seeding relies on them), and records from earlier
 * versions given their current shape. Run at every start, and by every test file.
 */
export async function prepareDatabase(): Promise<void> {
  await migrateSnapshotIndexes();
  await Promise.all(Object.values(mongoose.models).map((model) => model.init()));
  // A second factor is read by its person's `_id` (ADR 033).
  await migrateSecondFactorIds();
  // An evaluation's snapshots are listed without unpacking every state (ADR 034).
  await migrateSnapshotStates();
  // A document's snapshot versions are found by `_id` (ADR 035).
  await migrateSnapshotRowsOnce();
  // Audit entries are found by key (ADR 055).
  await migrateAuditKeysOnce();
}
