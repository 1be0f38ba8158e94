import type * as Y from "yjs";
import { saveDraftFingerprint } from "../models/framework/draft-fingerprint.ts";
import { contentFingerprint } from "../models/framework/same-content.ts";
import type { DocumentName } from "./document-name.ts";
import { readFramework } from "./shapes/framework.ts";

/**
 * After a framework draft is stored: records its content's fingerprint, which the frameworks
 * list compares with the newest published version's instead of loading the draft (ADR 069).
 * Written on every store (a framework is stored seldom: only its admins edit it), so a value
 * recorded by publishing meanwhile never outlives the draft's next store.
 */
export async function writeDraftFingerprint(name: DocumentName, doc: Y.Doc): Promise<void> {
  if (name.kind !== "framework") return;
  await saveDraftFingerprint(name.id, contentFingerprint(readFramework(doc)));
}
