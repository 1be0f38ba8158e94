import mongoose, { type Model, type Schema } from "mongoose";

// Filters built from user input must never smuggle operators ({ $ne: ... }) into a query,
// and a query on a field the schema does not know is a bug, not an empty result.
mongoose.set("strictQuery", "throw");
mongoose.set("sanitizeFilter", true);

/** Write concern for decisions and audit records: acknowledged by a majority, journaled. */
export const DECISION_WRITE = { w: "majority" as const, j: true };

/**
 * Registers a model once: Remix's dev rebuilds and the server load these modules more than
 * once in a process, and mongoose refuses to compile a model twice.
 */
export function defineModel<T>(name: string, schema: Schema<T>): Model<T> {
  return (mongoose.models[name] as Model<T> | undefined) ?? mongoose.model<T>(name, schema);
}

/** True when `id` is a well-formed ObjectId string (24 hex characters). */
export function isObjectId(id: unknown): id is string {
  return typeof id === "string" && /^[0-9a-f]{24}$/.test(id);
}

/**
 * Marks an operator object written by our own code (never by user input) as allowed under
 * `sanitizeFilter`, e.g. `{ _id: op({ $in: ids }) }`.
 */
export function op<T extends object>(operator: T): T {
  return mongoose.trusted(operator) as T;
}

/**
 * A record read by `_id` alone, kept only if it belongs to `trustId` (null otherwise, exactly as
 * for a missing one). Read by `_id` alone because the embedded FerretDB (v1) looks `_id` up in
 * SQLite but answers a filter with any other field beside it by reading and unpacking every
 * record of the collection in Go (ADR 020): `ofTrust(await M.findOne({ _id }).lean(), trustId)`.
 */
export function ofTrust<D extends { trustId: unknown }>(doc: D | null, trustId: string): D | null {
  return doc && String(doc.trustId) === trustId ? doc : null;
}

export { mongoose };

/**
 * Drops an index an earlier version of the schema made, if the collection still has one that
 * `matches` (a start-up migration: harmless when it is gone). Two processes starting together
 * both see it; the one that finds it already dropped (IndexNotFound) carries on.
 */
export async function dropOldIndex(
  collection: mongoose.mongo.Collection,
  name: string,
  matches: (index: { name?: string; unique?: boolean }) => boolean = () => true,
): Promise<void> {
  const indexes = await collection.indexes().catch(() => []);
  if (!indexes.some((index) => index.name === name && matches(index))) return;
  await collection.dropIndex(name).catch((error: { code?: number }) => {
    if (error.code !== 27) throw error;
  });
}
