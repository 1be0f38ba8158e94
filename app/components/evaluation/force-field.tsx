import type { CriterionWorkspace } from "./criterion-panel.tsx";

/** Placeholder: being built. */
export function ForceField(_props: CriterionWorkspace) {
  return null;
}
