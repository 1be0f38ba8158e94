import { NotFoundError } from "../models/errors.ts";
import { can, type Resource } from "../models/permissions/can.ts";
import {
  loadEvaluationAccess,
  loadFramework,
  loadMeeting,
  loadValidation,
  loadWorkspace,
} from "../models/permissions/loaders.ts";
import type { Actor } from "../models/permissions/roles.ts";
import type { ReadMemo } from "../models/request-memo.ts";
import { clientsMayWrite, parseDocumentName, type DocumentName } from "./document-name.ts";

export interface DocumentAccess {
  resource: Resource;
  /** False: the person may read the document but not change it (a read-only connection). */
  write: boolean;
}

/**
 * The record a document belongs to, loaded the way the HTTP routes load it (and checked); an
 * evaluation's or a validation's record through `memo`, when given (ADR 049).
 */
async function load(actor: Actor, name: DocumentName, memo?: ReadMemo): Promise<Resource | null> {
  switch (name.kind) {
    case "evaluation":
      // The evaluation's record decides; its projection (what pages show) is not needed here.
      return loadEvaluationAccess(actor, "evaluation", name.id, memo);
    case "discussion":
      // A discussion belongs to the evaluation of the same id.
      return loadEvaluationAccess(actor, "discussion", name.id, memo);
    case "record":
      return (await loadValidation(actor, name.id, "read", memo)).resource;
    case "meeting":
      // A meeting's id is its validation's id.
      return (await loadMeeting(actor, name.id, "read", memo)).resource;
    case "framework":
      return (await loadFramework(actor, name.id)).resource;
    case "workspace":
      return (await loadWorkspace(actor, name.id)).resource;
    default:
      return null;
  }
}

/**
 * What `actor` may do with a document, with the same loaders and `can` the routes use: null
 * when they may not even read it, or when the name is malformed or names nothing (the caller
 * refuses all three alike). Asked when a document is opened and again when access changes;
 * `memo` shares the record's reading with other sockets asking at the same moment (ADR 049).
 */
export async function accessTo(
  actor: Actor,
  documentName: string,
  memo?: ReadMemo,
): Promise<DocumentAccess | null> {
  const name = parseDocumentName(documentName);
  if (!name) return null;
  try {
    const resource = await load(actor, name, memo);
    // A server-written document takes no update from any client: even people who may comment
    // do so through the commands, which stamp who they are.
    return resource
      ? { resource, write: clientsMayWrite(name.kind) && can(actor, "write", resource) }
      : null;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
