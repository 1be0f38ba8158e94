import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { can, roleAt } from "../../models/permissions/can.ts";
import { ROLE_LABELS } from "../../models/permissions/roles.ts";
import { CLOSE } from "../close-codes.ts";
import { colourFor, type CollabContext, type PresenceIdentity } from "../context.ts";
import { parseDocumentName } from "../document-name.ts";
import { readableResourceOf } from "../resources.ts";

/**
 * Decides, for every document a socket asks for, whether this person may read it and whether
 * they may write it, with the same `can` the HTTP routes use. Malformed names, missing
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
    const resource = actor && name ? await readableResourceOf(actor, name) : null;
    if (!actor || !resource) throw { ...CLOSE.forbidden };
    const readOnly = !can(actor, "write", resource);
    connectionConfig.readOnly = readOnly;
    const role = roleAt(actor, resource) ?? actor.grants[0].role;
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
