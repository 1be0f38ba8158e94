import { evaluationOfDocument, validationOfDocument } from "../models/document-records.ts";
import { frameworkSeed } from "../models/framework/framework.ts";
import { frameworkSeedUpdate } from "./shapes/framework.ts";
import { recordSeedUpdate } from "./shapes/record.ts";
import { listRecordEntries } from "../models/validation/record.ts";
import type { DocumentName } from "./document-name.ts";
import { evaluationSeedUpdate } from "./shapes/evaluation.ts";

/** The initial content of a document that has never been stored, or null for "start empty". */
export async function seedFor(name: DocumentName): Promise<Uint8Array | null> {
  switch (name.kind) {
    case "evaluation": {
      const evaluation = await evaluationOfDocument(name.id);
      if (!evaluation) throw new Error(`No evaluation ${name.id} to seed`);
      return evaluationSeedUpdate({
        evaluationId: evaluation.id,
        frameworkVersionId: evaluation.frameworkVersionId,
        criterionIds: Object.keys(evaluation.levelsByCriterion),
      });
    }
    case "record": {
      const validation = await validationOfDocument(name.id);
      if (!validation) throw new Error(`No validation ${name.id} to seed`);
      return recordSeedUpdate(await listRecordEntries(validation.trustId, validation.id));
    }
    case "framework": {
      const content = await frameworkSeed(name.id);
      if (!content) throw new Error(`No framework ${name.id} to seed`);
      return frameworkSeedUpdate(content);
    }
    default:
      return null;
  }
}
