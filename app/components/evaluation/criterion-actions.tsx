import type { CriterionWorkspace } from "./criterion-panel.tsx";

/** Placeholder: being built. */
export function CriterionActions(_props: CriterionWorkspace) {
  return null;
}
