import { useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useHydrated } from "../../utils/use-hydrated.ts";

/** The element a criterion's panel starts with (also the target of `#criterion-<id>` links). */
export const criterionAnchor = (criterionId: string) => `criterion-${criterionId}`;

/**
 * Which criteria of an area are open. One at a time by default: opening one closes the others,
 * and the address keeps it (`?area=…&criterion=…`), so a reload or a link (also an old
 * `#criterion-<id>` link) opens it; or all at once on demand. Until the page's scripts run
 * (`ready`), opening and closing cannot happen: the buttons say so by being disabled, rather than
 * taking a click and doing nothing.
 */
export function useOpenCriteria(areaId: string, criterionIds: string[]) {
  const [params, setParams] = useSearchParams();
  const ready = useHydrated();
  const idsKey = criterionIds.join(" ");
  const inArea = useCallback(
    (id: string | null) => id !== null && idsKey.split(" ").includes(id),
    [idsKey],
  );
  const wanted = params.get("criterion");
  const [open, setOpen] = useState<ReadonlySet<string>>(() =>
    inArea(wanted) ? new Set([wanted!]) : new Set(),
  );
  // Scroll to a criterion opened from elsewhere (a link, the address, the overview).
  const scrollTo = useRef<string | null>(inArea(wanted) ? wanted : null);

  // The address leads: another area, or another criterion named (links, back and forward).
  useEffect(() => {
    setOpen((current) => {
      // Opened in this area (expand all, say) stays open; another area starts closed.
      if (!inArea(wanted)) return [...current].every((id) => inArea(id)) ? current : new Set();
      return current.has(wanted!) ? current : new Set([wanted!]);
    });
    if (inArea(wanted)) scrollTo.current = wanted;
  }, [areaId, wanted, inArea]);

  // Links written before the address kept the criterion: `#criterion-<id>`.
  useEffect(() => {
    const match = /^#criterion-(.+)$/.exec(window.location.hash);
    if (!match || wanted || !inArea(match[1])) return;
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set("area", areaId);
        next.set("criterion", match[1]);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
    // Only once, on arrival.
  }, []);

  useEffect(() => {
    const id = scrollTo.current;
    if (!id || !open.has(id)) return;
    scrollTo.current = null;
    const element = document.getElementById(criterionAnchor(id));
    if (!element) return;
    const { top, bottom } = element.getBoundingClientRect();
    if (top < 0 || bottom > window.innerHeight) element.scrollIntoView({ block: "start" });
  }, [open]);

  const keepInAddress = useCallback(
    (criterionId: string | null) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set("area", areaId);
          if (criterionId) next.set("criterion", criterionId);
          else next.delete("criterion");
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams, areaId],
  );

  return {
    ready,
    isOpen: (id: string) => open.has(id),
    allOpen: criterionIds.length > 0 && criterionIds.every((id) => open.has(id)),
    noneOpen: !criterionIds.some((id) => open.has(id)),
    toggle(id: string) {
      if (open.has(id)) {
        setOpen(new Set([...open].filter((other) => other !== id)));
        if (wanted === id) keepInAddress(null);
      } else {
        setOpen(new Set([id]));
        scrollTo.current = id;
        keepInAddress(id);
      }
    },
    expandAll: () => setOpen(new Set(criterionIds)),
    collapseAll() {
      setOpen(new Set());
      if (wanted) keepInAddress(null);
    },
  };
}
