import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { defineModel, isObjectId } from "../mongoose.ts";
import { applicableAreas, criteriaOf, scaleOf } from "../framework/applicable.ts";
import type { FrameworkVersion } from "../framework/framework.ts";
import type { School } from "../school/school.ts";
import type { EvaluationProjection } from "./projection.ts";

export type EvaluationStatus = "inProgress" | "submitted" | "validated" | "accredited";

export interface Evaluation {
  id: string;
  trustId: string;
  schoolId: string;
  frameworkVersionId: string;
  title: string;
  status: EvaluationStatus;
  /** Areas of the framework that apply to this school, in order. */
  areaIds: string[];
  /** For each included criterion, the level keys of its scale (lowest first). */
  levelsByCriterion: Record<string, string[]>;
  validatorIds: string[];
  createdBy: string;
  createdAt: Date;
  projection: EvaluationProjection;
}

interface EvaluationDoc {
  trustId: Types.ObjectId;
  schoolId: Types.ObjectId;
  frameworkVersionId: Types.ObjectId;
  title: string;
  status: EvaluationStatus;
  areaIds: string[];
  // Stored as a list: criterion ids are data and must not become field names.
  criteria: { criterionId: string; levels: string[] }[];
  validatorIds: Types.ObjectId[];
  createdBy: Types.ObjectId;
  createdAt: Date;
  projection: EvaluationProjection;
}

const evaluationSchema = new Schema<EvaluationDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  schoolId: { type: Schema.Types.ObjectId, required: true, index: true },
  frameworkVersionId: { type: Schema.Types.ObjectId, required: true },
  title: { type: String, required: true, trim: true, maxlength: 200 },
  status: {
    type: String,
    enum: ["inProgress", "submitted", "validated", "accredited"],
    default: "inProgress",
  },
  areaIds: { type: [String], default: [] },
  criteria: [{ _id: false, criterionId: String, levels: [String] }],
  validatorIds: { type: [Schema.Types.ObjectId], default: [] },
  createdBy: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, default: () => new Date() },
  projection: {
    judgements: [{ _id: false, criterionId: String, level: String }],
    judgedCount: { type: Number, default: 0 },
    criteriaCount: { type: Number, default: 0 },
    updatedAt: { type: Date, default: () => new Date() },
  },
});

export const EvaluationModel = defineModel<EvaluationDoc>("Evaluation", evaluationSchema);

type LeanEvaluation = { _id: Types.ObjectId } & EvaluationDoc;

function toEvaluation(doc: LeanEvaluation): Evaluation {
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    schoolId: doc.schoolId.toString(),
    frameworkVersionId: doc.frameworkVersionId.toString(),
    title: doc.title,
    status: doc.status,
    areaIds: doc.areaIds,
    levelsByCriterion: Object.fromEntries(doc.criteria.map((c) => [c.criterionId, c.levels])),
    validatorIds: doc.validatorIds.map(String),
    createdBy: doc.createdBy.toString(),
    createdAt: doc.createdAt,
    projection: {
      judgements: doc.projection?.judgements ?? [],
      judgedCount: doc.projection?.judgedCount ?? 0,
      criteriaCount: doc.projection?.criteriaCount ?? doc.criteria.length,
      updatedAt: doc.projection?.updatedAt ?? doc.createdAt,
    },
  };
}

/** Starts an evaluation of a school against a published framework version. */
export async function startEvaluation(
  school: School,
  version: FrameworkVersion,
  input: { title: string; createdBy: string },
): Promise<Evaluation> {
  if (version.trustId !== school.trustId) throw new Error("Framework of another trust");
  const areas = applicableAreas(version.content, school);
  const criteria = areas.flatMap((area) =>
    area.criteria.map((c) => ({
      criterionId: c.id,
      levels: scaleOf(version.content, area).levels.map((l) => l.key),
    })),
  );
  const doc = await EvaluationModel.create({
    trustId: school.trustId,
    schoolId: school.id,
    frameworkVersionId: version.id,
    title: input.title,
    areaIds: areas.map((a) => a.id),
    criteria,
    createdBy: input.createdBy,
    projection: { judgements: [], judgedCount: 0, criteriaCount: criteriaOf(areas).length },
  });
  return toEvaluation(doc.toObject());
}

/**
 * Finds an evaluation by id alone. The caller must check `can(actor, ..., evaluation)` before
 * revealing anything: the collab server and the evaluation page only know the id.
 */
export async function findEvaluationById(evaluationId: string): Promise<Evaluation | null> {
  if (!isObjectId(evaluationId)) return null;
  const doc = await EvaluationModel.findById(evaluationId).lean();
  return doc ? toEvaluation(doc) : null;
}

export async function listEvaluationsOfSchool(
  trustId: string,
  schoolId: string,
): Promise<Evaluation[]> {
  const docs = await EvaluationModel.find({ trustId, schoolId }).sort({ createdAt: -1 }).lean();
  return docs.map(toEvaluation);
}

export async function saveProjection(
  trustId: string,
  evaluationId: string,
  projection: EvaluationProjection,
): Promise<void> {
  await EvaluationModel.updateOne({ _id: evaluationId, trustId }, { $set: { projection } });
}
