import { NotFoundError, ForbiddenError } from "../models/errors.ts";
import {
  loadDiscussion,
  loadEvaluation,
  loadFramework,
  loadMeeting,
  loadValidation,
} from "../models/permissions/loaders.ts";
import type { Resource } from "../models/permissions/can.ts";
import type { Actor } from "../models/permissions/roles.ts";
import type { DocumentKind, DocumentName } from "./document-name.ts";

/** Each document kind's resource, through the same loaders the HTTP routes use. */
const LOADERS: Record<DocumentKind, ((actor: Actor, id: string) => Promise<Resource>) | null> = {
  evaluation: async (actor, id) => (await loadEvaluation(actor, id)).resource,
  discussion: async (actor, id) => (await loadDiscussion(actor, id)).resource,
  // A record and a meeting share their validation's id.
  record: async (actor, id) => (await loadValidation(actor, id)).resource,
  meeting: async (actor, id) => (await loadMeeting(actor, id)).resource,
  framework: async (actor, id) => (await loadFramework(actor, id)).resource,
  // Not served yet.
  workspace: null,
};

/**
 * The resource a document belongs to, as `actor` may read it, or null when there is none, it
 * is not theirs to read, or its kind is not served: the caller refuses all three alike.
 */
export async function readableResourceOf(
  actor: Actor,
  name: DocumentName,
): Promise<Resource | null> {
  const load = LOADERS[name.kind];
  if (!load) return null;
  try {
    return await load(actor, name.id);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return null;
    throw error;
  }
}
