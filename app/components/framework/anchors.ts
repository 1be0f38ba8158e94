import type { RefObject } from "react";
import { useCallback, useEffect, useRef } from "react";
import type * as Y from "yjs";
import { criteriaOf } from "../../../collab/shapes/framework.ts";

// Ids of elements that live inside a criterion's editor (hidden while it is collapsed).
const CRITERION_PREFIXES = ["criterion-", "descriptor-", "statement-", "guidance-", "evidence-"];

/** The criterion whose editor holds the element with this id, if any. */
export function criterionOfAnchor(doc: Y.Doc, anchor: string): string | null {
  // An indicator's id is its own, not its criterion's: find the criterion that holds it.
  if (anchor.startsWith("indicator-")) {
    const indicatorId = anchor.slice("indicator-".length);
    for (const [id, criterion] of criteriaOf(doc).entries()) {
      const indicators = criterion.get("indicators") as Y.Map<unknown> | undefined;
      if (indicators?.has(indicatorId)) return id;
    }
    return null;
  }
  let best: string | null = null;
  for (const prefix of CRITERION_PREFIXES) {
    if (!anchor.startsWith(prefix)) continue;
    const rest = anchor.slice(prefix.length);
    for (const id of criteriaOf(doc).keys()) {
      // Ids and level keys may both contain hyphens: the longest criterion id that fits wins.
      const fits = prefix === "descriptor-" ? rest.startsWith(`${id}-`) : rest === id;
      if (fits && (!best || id.length > best.length)) best = id;
    }
  }
  return best;
}

const isField = (element: Element) => element.matches("input, textarea, select");

/**
 * Whether a link to `element` is the designer's to follow: it is inside the designer, or in a
 * part of the page beside it marked `data-designer-anchor` (the publish panel).
 */
function isOurs(root: HTMLElement | null, element: Element): boolean {
  return Boolean(root?.contains(element)) || element.closest("[data-designer-anchor]") !== null;
}

/** What to focus for an anchor: the field itself, or the first field of a section. */
function focusTarget(element: HTMLElement): HTMLElement {
  if (isField(element)) return element;
  return (
    element.querySelector<HTMLElement>("[data-anchor-focus]") ??
    element.querySelector<HTMLElement>("input:not([type=hidden]), textarea, select") ??
    element.querySelector<HTMLElement>("button") ??
    element
  );
}

/**
 * Makes links to designer anchors (the publish panel's problems, "#descriptor-<criterion>-<level>")
 * land on the field to fix: opens the criterion holding it, scrolls it into view and focuses it.
 * Works for the URL's hash on arrival (once the draft has loaded) and for every later link.
 */
export function useRevealAnchors(
  root: RefObject<HTMLElement>,
  doc: Y.Doc | null,
  isExpanded: (id: string) => boolean,
  expand: (id: string) => void,
) {
  const pending = useRef<{ anchor: string; until: number } | null>(null);
  // The latest values, so listeners registered once never act on a stale render.
  const latest = useRef({ doc, isExpanded, expand });
  latest.current = { doc, isExpanded, expand };

  const tryReveal = useCallback(() => {
    const wanted = pending.current;
    const { doc, isExpanded, expand } = latest.current;
    if (!wanted || !doc) return;
    if (Date.now() > wanted.until) {
      pending.current = null;
      return;
    }
    const criterionId = criterionOfAnchor(doc, wanted.anchor);
    if (criterionId && !isExpanded(criterionId)) {
      expand(criterionId); // revealed on the next render
      return;
    }
    const element = document.getElementById(wanted.anchor);
    if (!element) return;
    pending.current = null;
    // Other anchors on the page (a skip link, say) keep the browser's behaviour.
    if (!isOurs(root.current, element)) return;
    // A field is brought to the middle; a section from its top, so its heading shows first.
    element.scrollIntoView({ block: isField(element) ? "center" : "start" });
    focusTarget(element).focus({ preventScroll: true });
    element.classList.add("anchor-flash");
    window.setTimeout(() => element.classList.remove("anchor-flash"), 1600);
  }, [root]);

  // After every render: the draft may just have loaded, or a criterion just opened.
  useEffect(() => {
    tryReveal();
  });

  useEffect(() => {
    const reveal = (anchor: string) => {
      if (!anchor) return;
      pending.current = { anchor, until: Date.now() + 10_000 };
      tryReveal();
    };
    const fromHash = () => reveal(decodeURIComponent(window.location.hash.slice(1)));
    // Links to the designer's anchors (the publish panel's problems) are followed here, without
    // a navigation: the router would otherwise treat the new hash as a new page and drop the
    // list of problems the person is working through. The address still shows the anchor.
    const onClick = (event: MouseEvent) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const href = (event.target as Element | null)
        ?.closest?.("a[href^='#']")
        ?.getAttribute("href");
      const anchor = href ? decodeURIComponent(href.slice(1)) : "";
      const { doc } = latest.current;
      const element = anchor ? document.getElementById(anchor) : null;
      const ours =
        (element && isOurs(root.current, element)) || (doc && criterionOfAnchor(doc, anchor));
      if (!ours) return;
      event.preventDefault();
      window.history.replaceState(window.history.state, "", `#${encodeURIComponent(anchor)}`);
      reveal(anchor);
    };
    // Once the person does something else, a jump still waiting (for a draft that has not
    // loaded, or an item someone removed) must not pull focus away later.
    const onInteract = () => {
      pending.current = null;
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    document.addEventListener("click", onClick);
    document.addEventListener("pointerdown", onInteract, true);
    document.addEventListener("keydown", onInteract, true);
    return () => {
      window.removeEventListener("hashchange", fromHash);
      document.removeEventListener("click", onClick);
      document.removeEventListener("pointerdown", onInteract, true);
      document.removeEventListener("keydown", onInteract, true);
    };
  }, [tryReveal]);
}
