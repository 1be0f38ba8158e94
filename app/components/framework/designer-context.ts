import { createContext, useContext } from "react";
import type * as Y from "yjs";

/** Where someone is working in the designer, kept in their awareness state as `focus`. */
export type DesignerFocus =
  | { section: "details" | "scale" | "rule" | "tiers" | "areas" }
  | { section: "area" | "criterion" | "tier"; id: string };

/** What every part of the designer needs: the document, whether it may change it, and helpers. */
export interface Designer {
  doc: Y.Doc;
  /** True until the server has said this person may write (and always for read-only people). */
  locked: boolean;
  /** Says something to screen reader users (polite live region). */
  announce(message: string): void;
  /** Tells the others where this person is working. */
  setFocus(focus: DesignerFocus | null): void;
  /** Criteria shown open (the others are one summary line each). */
  isExpanded(criterionId: string): boolean;
  setExpanded(criterionId: string, open: boolean): void;
  /** Other people working on an item (by item id), for small "who is here" marks. */
  peopleAt(id: string): { name: string; colour: string }[];
}

export const DesignerContext = createContext<Designer | null>(null);

export function useDesigner(): Designer {
  const designer = useContext(DesignerContext);
  if (!designer) throw new Error("useDesigner outside <FrameworkDesigner>");
  return designer;
}
