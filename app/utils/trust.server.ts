import type { Action } from "../../models/permissions/can.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { can } from "../models.server.ts";
import { notFound, requireActor } from "./auth.server.ts";

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
  const trustId = actor.grants
    .map((g) => g.trustId)
    .find((id) => can(actor, action, { type: resource, trustId: id }));
  if (!trustId) throw notFound();
  return { actor, trustId };
}
