import { Schema, Types } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import { JUDGEMENT_SOURCES, type JudgementSource } from "../insight/types.ts";
import { defineModel, isObjectId, op } from "../mongoose.ts";
import { deleteReportFile } from "./report-file.ts";

/**
 * A PDF report someone asked for: what (kind and parameters), who asked, and how far it has got.
 * The PDF itself is a GridFS file (report-file.ts). Jobs belong to the person who asked and are
 * shown to nobody else; they expire after a day (FerretDB has no TTL indexes: expireReportJobs
 * runs when jobs are asked for and on a timer).
 */
export type ReportJobKind = "evaluation" | "validation" | "trust";
export type ReportJobStatus = "queued" | "running" | "done" | "failed";

export interface ReportJob {
  id: string;
  trustId: string;
  kind: ReportJobKind;
  /** The record the report is about: an evaluation, a validation, or a cycle. */
  subjectId: string;
  /** "now", or the submission snapshot's id (evaluation reports only). */
  version: string;
  /** The trust overview: whose judgement it counts (null for the other reports). */
  source: JudgementSource | null;
  requestedBy: string;
  status: ReportJobStatus;
  /** Where it has got, in words ("Laying out the pages"). */
  stage: string;
  /** 0 to 1, for a progress bar. */
  progress: number;
  fileName: string | null;
  fileId: string | null;
  size: number | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** How long a finished report can be downloaded, and how long a job may go without news. */
export const REPORT_JOB_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const REPORT_JOB_STALL_MS = 2 * 60 * 1000;

interface ReportJobDoc {
  trustId: Types.ObjectId;
  kind: ReportJobKind;
  subjectId: Types.ObjectId;
  version: string;
  /** Trust overviews asked for before reports carried it counted the latest (toJob). */
  source?: JudgementSource | null;
  requestedBy: Types.ObjectId;
  /** One job per identical request: person, report, parameters and the form's request id. */
  requestKey: string;
  status: ReportJobStatus;
  stage: string;
  progress: number;
  fileName: string | null;
  fileId: Types.ObjectId | null;
  size: number | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const reportJobSchema = new Schema<ReportJobDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, required: true, enum: ["evaluation", "validation", "trust"] },
  subjectId: { type: Schema.Types.ObjectId, required: true },
  version: { type: String, required: true, maxlength: 24 },
  source: { type: String, enum: [...JUDGEMENT_SOURCES, null], default: null },
  requestedBy: { type: Schema.Types.ObjectId, required: true },
  requestKey: { type: String, required: true, unique: true },
  status: {
    type: String,
    required: true,
    enum: ["queued", "running", "done", "failed"],
    default: "queued",
  },
  stage: { type: String, default: "Waiting to start" },
  progress: { type: Number, default: 0, min: 0, max: 1 },
  fileName: { type: String, default: null },
  fileId: { type: Schema.Types.ObjectId, default: null },
  size: { type: Number, default: null },
  error: { type: String, default: null },
  createdAt: { type: Date, default: () => new Date() },
  updatedAt: { type: Date, default: () => new Date() },
});
reportJobSchema.index({ requestedBy: 1, createdAt: -1 });
reportJobSchema.index({ createdAt: 1 });

export const ReportJobModel = defineModel<ReportJobDoc>("ReportJob", reportJobSchema);

type LeanJob = { _id: Types.ObjectId } & ReportJobDoc;

function toJob(doc: LeanJob): ReportJob {
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    kind: doc.kind,
    subjectId: doc.subjectId.toString(),
    version: doc.version,
    source: doc.source ?? (doc.kind === "trust" ? "latest" : null),
    requestedBy: doc.requestedBy.toString(),
    status: doc.status,
    stage: doc.stage,
    progress: doc.progress,
    fileName: doc.fileName ?? null,
    fileId: doc.fileId?.toString() ?? null,
    size: doc.size ?? null,
    error: doc.error ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export interface NewReportJob {
  trustId: string;
  kind: ReportJobKind;
  subjectId: string;
  version: string;
  /** The trust overview: whose judgement it counts. */
  source?: JudgementSource | null;
  requestedBy: string;
  /** Made when the form was shown: the same form sent twice asks for one report. */
  requestId: string;
}

/**
 * Records the request once: the same person sending the same form for the same report (a
 * double-click, a retry, parallel requests) gets the one job that exists (`created: false`).
 */
export async function requestReportJob(
  input: NewReportJob,
): Promise<{ job: ReportJob; created: boolean }> {
  const requestKey = [
    input.requestedBy,
    input.kind,
    input.subjectId,
    input.version,
    // Part of what was asked for (a trust overview counting another basis is another report).
    ...(input.source ? [input.source] : []),
    input.requestId,
  ].join(":");
  try {
    const [doc] = await ReportJobModel.create([
      {
        trustId: input.trustId,
        kind: input.kind,
        subjectId: input.subjectId,
        version: input.version,
        source: input.source ?? null,
        requestedBy: input.requestedBy,
        requestKey,
      },
    ]);
    return { job: toJob(doc.toObject()), created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const doc = await ReportJobModel.findOne({ requestKey }).lean();
    if (!doc) throw error;
    return { job: toJob(doc), created: false };
  }
}

/**
 * One of this person's jobs, or null (someone else's job is simply not there). A job that was
 * running but has had no news for a while (its server stopped) reads as failed, and an expired
 * one as gone.
 */
export async function getReportJobOf(
  userId: string,
  jobId: string,
  now = new Date(),
): Promise<ReportJob | null> {
  if (!isObjectId(userId) || !isObjectId(jobId)) return null;
  const doc = await ReportJobModel.findOne({ _id: jobId, requestedBy: userId }).lean();
  if (!doc) return null;
  const job = toJob(doc);
  if (now.getTime() - job.createdAt.getTime() > REPORT_JOB_LIFETIME_MS) return null;
  return asSeen(job, now);
}

function asSeen(job: ReportJob, now: Date): ReportJob {
  const stalled =
    (job.status === "queued" || job.status === "running") &&
    now.getTime() - job.updatedAt.getTime() > REPORT_JOB_STALL_MS;
  return stalled
    ? {
        ...job,
        status: "failed",
        error: "The report was interrupted (the server restarted). Ask for it again.",
      }
    : job;
}

/** This person's reports of the last day, newest first. */
export async function listReportJobsOf(userId: string, now = new Date()): Promise<ReportJob[]> {
  if (!isObjectId(userId)) return [];
  const since = new Date(now.getTime() - REPORT_JOB_LIFETIME_MS);
  const docs = await ReportJobModel.find({ requestedBy: userId, createdAt: op({ $gt: since }) })
    .sort({ createdAt: -1 })
    .limit(50)
    .lean();
  return docs.map((d) => asSeen(toJob(d), now));
}

/** Where a job has got. Only the process that created the job writes it (runner.ts). */
export async function updateReportJob(
  jobId: string,
  change: Partial<
    Pick<ReportJob, "status" | "stage" | "progress" | "fileName" | "size" | "error">
  > & { fileId?: string },
): Promise<void> {
  const { fileId, ...rest } = change;
  await ReportJobModel.updateOne(
    { _id: jobId },
    {
      $set: {
        ...rest,
        ...(fileId ? { fileId: new Types.ObjectId(fileId) } : {}),
        updatedAt: new Date(),
      },
    },
  );
}

/** Removes jobs (and their PDFs) older than a day. Returns how many went. */
export async function expireReportJobs(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - REPORT_JOB_LIFETIME_MS);
  const old = await ReportJobModel.find({ createdAt: op({ $lt: before }) }, { fileId: 1 }).lean();
  for (const job of old) {
    if (job.fileId) await deleteReportFile(job.fileId.toString());
    await ReportJobModel.deleteOne({ _id: job._id });
  }
  return old.length;
}
