import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { can } from "../../models/permissions/can.ts";
import { ROLE_LABELS, type Actor, type Role } from "../../models/permissions/roles.ts";
import { CLOSE } from "../close-codes.ts";
import { colourFor, type CollabContext, type PresenceIdentity } from "../context.ts";
import { clientsMayWrite, parseDocumentName } from "../document-name.ts";
import { resourceOfDocument } from "../resources.ts";
import type { Resource } from "../../models/permissions/can.ts";

/** The role a person acts in for a resource: the most specific one they hold there. */
function roleFor(actor: Actor, resource: Resource): Role {
  const schoolId = "schoolId" in resource ? resource.schoolId : undefined;
  const atSchool = actor.grants.find((g) => schoolId && g.schoolId === schoolId);
  const inTrust = actor.grants.find((g) => g.trustId === resource.trustId && !g.schoolId);
  return (atSchool ?? inTrust ?? actor.grants[0]).role;
}

/**
 * Decides, for every document a socket asks for, whether this person may read it and whether
 * they may write it, with the same `can` the HTTP routes use (documents the server writes are
 * read-only for everyone). Malformed names, missing
 * documents and forbidden ones are refused with one and the same answer.
 */
export class AuthenticationExtension implements Extension {
  extensionName = "authentication";

  async onAuthenticate({
    documentName,
    context,
    connectionConfig,
  }: onAuthenticatePayload<CollabContext>) {
    const actor = context.actor;
    const name = parseDocumentName(documentName);
    const resource = actor && name ? await resourceOfDocument(name) : null;
    if (!actor || !name || !resource || !can(actor, "read", resource)) {
      throw { ...CLOSE.forbidden };
    }
    // A server-written document takes no update from any client: even people who may comment
    // do so through the commands, which stamp who they are.
    const readOnly = !clientsMayWrite(name.kind) || !can(actor, "write", resource);
    connectionConfig.readOnly = readOnly;
    const role = roleFor(actor, resource);
    const identity: PresenceIdentity = {
      userId: actor.userId,
      name: actor.name,
      role,
      roleLabel: ROLE_LABELS[role],
      colour: colourFor(actor.userId),
      readOnly,
    };
    return { identity };
  }
}
