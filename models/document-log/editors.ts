import { Schema } from "mongoose";
import { defineModel, op } from "../mongoose.ts";

/**
 * Who edited a live document, and when they last did: one small record per document and person,
 * stamped by the collaboration server when it accepts that person's update (the update log
 * itself stays anonymous, ADR 003). Enough for "edited by … since your last visit"; not a
 * history of who wrote what.
 */
interface EditorDoc {
  documentName: string;
  userId: string;
  editedAt: Date;
}

const editorSchema = new Schema<EditorDoc>(
  {
    documentName: { type: String, required: true },
    userId: { type: String, required: true },
    editedAt: { type: Date, required: true },
  },
  { collection: "document_editors" },
);
editorSchema.index({ documentName: 1, userId: 1 }, { unique: true });

export const DocumentEditorModel = defineModel<EditorDoc>("DocumentEditor", editorSchema);

/** Records that `userId` edited `documentName` at `at` (a later stamp never moves it back). */
export async function stampEditor(documentName: string, userId: string, at: Date): Promise<void> {
  const write = () =>
    DocumentEditorModel.updateOne(
      { documentName, userId },
      { $max: { editedAt: at } },
      { upsert: true },
    );
  try {
    await write();
  } catch (error) {
    // Two processes stamped the same person's first edit at once: the second is an update now.
    if ((error as { code?: number }).code !== 11000) throw error;
    await write();
  }
}

/** The people who edited the document after `since`, latest first. */
export async function editorsSince(
  documentName: string,
  since: Date,
): Promise<{ userId: string; editedAt: Date }[]> {
  const docs = await DocumentEditorModel.find({ documentName, editedAt: op({ $gt: since }) })
    .sort({ editedAt: -1 })
    .lean();
  return docs.map((d) => ({ userId: d.userId, editedAt: d.editedAt }));
}
