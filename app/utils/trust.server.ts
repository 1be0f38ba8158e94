import type { Action } from "../../models/permissions/can.ts";
import { loadTrustFor, loadTrustWhere } from "../../models/permissions/loaders.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { requireActor } from "./auth.server.ts";
import { orNotFound } from "./command.server.ts";

/**
 * The signed-in person and the trust whose frameworks and cycles they may `action`, or a 404:
 * trust-level pages look missing to everyone else.
 */
export async function requireTrustAccess(
  request: Request,
  resource: "framework" | "cycle",
  action: Action,
): Promise<{ actor: Actor; trustId: string }> {
  const actor = await requireActor(request);
  const { trustId } = await orNotFound(loadTrustFor(actor, resource, action));
  return { actor, trustId };
}

/** The signed-in person and the trust where they may `action` the trust itself (or a 404). */
export async function requireTrust(
  request: Request,
  action: Action,
): Promise<{ actor: Actor; trustId: string }> {
  const actor = await requireActor(request);
  const { trustId } = await orNotFound(loadTrustWhere(actor, action));
  return { actor, trustId };
}
