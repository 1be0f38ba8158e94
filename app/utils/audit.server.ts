import { can } from "../models.server.ts";
import { notFound, requireActor } from "./auth.server.ts";

/** Trust admins only (everyone else gets a 404): the trust whose audit log they may see. */
export async function requireAuditAccess(request: Request) {
  const actor = await requireActor(request);
  const trustId = actor.grants.find(
    (g) => g.role === "trustAdmin" && can(actor, "manage", { type: "trust", trustId: g.trustId }),
  )?.trustId;
  if (!trustId) throw notFound();
  return { actor, trustId };
}
