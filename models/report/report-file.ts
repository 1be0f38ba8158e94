import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { mongoose } from "../mongoose.ts";

/**
 * Finished report PDFs, in GridFS (bucket "reports"). Reached only through a report job, whose
 * owner is the only person who may download it (report-job.ts).
 */
const REPORT_BUCKET = "reports";

function bucket() {
  const db = mongoose.connection.db;
  if (!db) throw new Error("The database is not connected");
  return new mongoose.mongo.GridFSBucket(db, { bucketName: REPORT_BUCKET });
}

/** Stores a PDF and returns its file id. */
export async function putReportFile(
  bytes: Uint8Array,
  fileName: string,
  metadata: { jobId: string },
): Promise<string> {
  const upload = bucket().openUploadStream(fileName, {
    metadata: { ...metadata, contentType: "application/pdf" },
  });
  upload.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  await finished(upload);
  return upload.id.toString();
}

export function openReportFile(fileId: string): Readable {
  return bucket().openDownloadStream(new mongoose.Types.ObjectId(fileId));
}

/** Removes a PDF; one that is already gone is fine. */
export async function deleteReportFile(fileId: string): Promise<void> {
  try {
    await bucket().delete(new mongoose.Types.ObjectId(fileId));
  } catch (error) {
    if (
      !(error instanceof mongoose.mongo.MongoRuntimeError) ||
      !/File not found/i.test(error.message)
    )
      throw error;
  }
}
