import type { CollabAccess } from "../../collab/access.ts";
import type { Actor } from "../../models/permissions/roles.ts";

/**
 * What every command is given: who is acting (already signed in) and the live documents it may
 * change as the server. Commands load what they need through models/permissions/loaders.ts,
 * decide, write MongoDB, audit, and change the live document; routes only parse and answer.
 */
export interface CommandContext {
  actor: Actor;
  collab: CollabAccess;
}
