import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { mongoose } from "../mongoose.ts";

/**
 * Evidence file contents, in MongoDB GridFS (bucket "evidence": collections evidence.files and
 * evidence.chunks). Only ./evidence.ts uses this: a stored file is always reached through its
 * evidence item, whose trust and evaluation decide who may read it.
 */
export const EVIDENCE_BUCKET = "evidence";

type ObjectId = InstanceType<typeof mongoose.Types.ObjectId>;

function bucket() {
  const db = mongoose.connection.db;
  if (!db) throw new Error("The database is not connected");
  return new mongoose.mongo.GridFSBucket(db, { bucketName: EVIDENCE_BUCKET });
}

/**
 * Writes a whole file under `fileId`. All or nothing: if any chunk fails to write, whatever
 * was written is removed before the error is rethrown.
 */
export async function putFile(
  fileId: ObjectId,
  bytes: Uint8Array,
  info: { fileName: string; contentType: string; metadata: Record<string, unknown> },
): Promise<void> {
  const store = bucket();
  const upload = store.openUploadStreamWithId(fileId, info.fileName, {
    metadata: { ...info.metadata, contentType: info.contentType },
  });
  try {
    upload.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await finished(upload);
  } catch (error) {
    await upload.abort().catch(() => {});
    await deleteFile(fileId);
    throw error;
  }
}

/** The file's bytes as a stream (errors if it does not exist). */
export function openFile(fileId: ObjectId): Readable {
  return bucket().openDownloadStream(fileId);
}

/** Removes the file and all its chunks; a file that is already gone is fine. */
export async function deleteFile(fileId: ObjectId): Promise<void> {
  try {
    await bucket().delete(fileId);
  } catch (error) {
    // The driver removes stray chunks first, then reports a missing entry: nothing is left.
    if (
      !(error instanceof mongoose.mongo.MongoRuntimeError) ||
      !/File not found/i.test(error.message)
    )
      throw error;
  }
}

/**
 * Copies a stored file under a new id (a criterion shared into a joint workspace keeps the file
 * as it was when shared, whatever later happens to the evidence item). Files are at most
 * MAX_EVIDENCE_BYTES, so the copy goes through memory.
 */
export async function copyFile(
  fromId: ObjectId,
  toId: ObjectId,
  info: { fileName: string; contentType: string; metadata: Record<string, unknown> },
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of openFile(fromId)) chunks.push(chunk as Buffer);
  await putFile(toId, new Uint8Array(Buffer.concat(chunks)), info);
}
