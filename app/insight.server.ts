// What the insight routes call: the trust-wide scope (oversight only), the views built from
// projections on each request, the school's own place, and the pairing command. Server-only.
export { loadInsightScope } from "../server/insight/scope.ts";
export {
  capacityOf,
  expertiseView,
  heatFiltersOf,
  heatMapView,
  overlayView,
  schoolPlaceView,
  stackView,
  trendsView,
} from "../server/insight/views.ts";
export { acceptPairing, AcceptPairingInput } from "../server/commands/accept-pairing.ts";
export { createWorkspaceFromPairing } from "../server/commands/workspace.ts";
export { listComparableSchools } from "../models/permissions/loaders.ts";
export { trustWhere } from "../models/permissions/can.ts";
export { reportOffer } from "./report.server.ts";
export { newRequestId } from "../models/input.ts";
