import type { CriterionWorkspace } from "./criterion-panel.tsx";

/** Placeholder: comment threads are being built. */
export function CriterionDiscussion(_props: CriterionWorkspace) {
  return null;
}
