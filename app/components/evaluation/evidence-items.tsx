import type { CriterionWorkspace } from "./criterion-panel.tsx";

/** Placeholder: being built. */
export function EvidenceItems(_props: CriterionWorkspace) {
  return null;
}
