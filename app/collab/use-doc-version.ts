import { useCallback, useSyncExternalStore } from "react";
import type * as Y from "yjs";

interface Counter {
  version: number;
  listeners: Set<() => void>;
}

// One count per document, kept by one listener for the document's whole life: an update that
// arrives while no component listens (between a render and its effects) is still counted, so
// React sees the version moved when it subscribes and renders again.
const counters = new WeakMap<Y.Doc, Counter>();

function counterOf(doc: Y.Doc): Counter {
  const known = counters.get(doc);
  if (known) return known;
  const counter: Counter = { version: 0, listeners: new Set() };
  doc.on("update", () => {
    counter.version += 1;
    counter.listeners.forEach((listener) => listener());
  });
  counters.set(doc, counter);
  return counter;
}

// What an inactive hook (or the server) reports: no document followed.
const STILL = -1;

/**
 * A number that changes with every update of `doc` while `active`, to re-derive (memoise) views
 * from the document. Inactive, it stays still, and catches up when active again.
 */
export function useDocVersion(doc: Y.Doc | null, active = true): number {
  const counter = doc && active ? counterOf(doc) : null;
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!counter) return () => {};
      counter.listeners.add(onChange);
      return () => counter.listeners.delete(onChange);
    },
    [counter],
  );
  return useSyncExternalStore(
    subscribe,
    () => counter?.version ?? STILL,
    () => STILL,
  );
}
