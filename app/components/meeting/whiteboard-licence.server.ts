// Server-only: what a page with the whiteboard says about tldraw's licence key.
import { can } from "../../../models/permissions/can.ts";
import type { Actor } from "../../../models/permissions/roles.ts";
import { publicEnv } from "../../utils/env.server.ts";

/**
 * tldraw's licence key (TLDRAW_LICENSE_KEY; null where the installation has none), and whether
 * to tell this person that it is missing: only those who administer the trust whose page it is,
 * who can have it set. Everyone else sees nothing about it.
 */
export function whiteboardLicence(actor: Actor, trustId: string) {
  const licenseKey = publicEnv().TLDRAW_LICENSE_KEY ?? null;
  return {
    licenseKey,
    sayKeyMissing: licenseKey === null && can(actor, "manage", { type: "trust", trustId }),
  };
}
