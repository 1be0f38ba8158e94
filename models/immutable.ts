import type { Schema } from "mongoose";

const QUERY_CHANGES = [
  "updateOne",
  "updateMany",
  "findOneAndUpdate",
  "replaceOne",
  "findOneAndReplace",
  "deleteOne",
  "deleteMany",
  "findOneAndDelete",
] as const;

/**
 * Makes a collection append-only through mongoose: every query, document and bulk path that
 * could change or remove a stored document throws `refusal()`. (Records of decisions, published
 * versions, snapshots and the audit log; anything done to the database directly is what the
 * audit chain's verification is for.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function makeAppendOnly(schema: Schema<any>, refusal: () => Error): void {
  const refuse = () => {
    throw refusal();
  };
  for (const operation of QUERY_CHANGES) schema.pre(operation, refuse);
  schema.pre(["updateOne", "deleteOne"], { document: true, query: false }, refuse);
  schema.pre("save", function (this: { isNew: boolean }) {
    if (!this.isNew) throw refusal();
  });
  schema.pre("bulkWrite", refuse);
}
