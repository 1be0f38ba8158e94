import { expect } from "vitest";
import {
  DocumentSnapshotModel,
  DocumentStateModel,
} from "../../models/document-log/document-log.ts";

/** How many of a document's version rows still name a state (ADR 035: swept rows stay). */
export function rowsWithState(name: string): Promise<number> {
  return DocumentSnapshotModel.collection.countDocuments({ name, stateId: { $exists: true } });
}

/** Every state is named by a version row, and every row naming a state has it. */
export async function expectNoOrphans(): Promise<void> {
  const rows = await DocumentSnapshotModel.collection.find({}).toArray();
  const named = rows.flatMap((row) => (row.stateId ? [String(row.stateId)] : []));
  const states = (await DocumentStateModel.find({}).select({ _id: 1 }).lean()).map((s) =>
    String(s._id),
  );
  expect(states.sort()).toEqual(named.sort());
}
