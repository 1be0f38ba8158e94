import { useEffect, useState } from "react";
import * as Y from "yjs";

/** Any shared type (Y.Map, Y.Array, Y.Text…): only its deep observation is used. */
type Observable = Pick<Y.AbstractType<never>, "observeDeep" | "unobserveDeep">;

/**
 * Re-renders the component whenever `type` or anything inside it changes (observeDeep), and
 * returns a version number that grows with each change. Yjs types are mutable objects, so the
 * version is what tells React something moved.
 */
export function useYDeep(type: Observable | null | undefined): number {
  return useYChanges(type, false);
}

/**
 * Like useYDeep, but ignores changes of text inside `type`: items added, removed, reordered or
 * a choice changed re-render, typing does not (each text field follows its own Y.Text). This
 * keeps a 40-criterion framework from re-rendering whole on every keystroke.
 */
export function useYStructure(type: Observable | null | undefined): number {
  return useYChanges(type, true);
}

function useYChanges(type: Observable | null | undefined, ignoreText: boolean): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!type) return;
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (ignoreText && events.every((event) => event.target instanceof Y.Text)) return;
      setVersion((v) => v + 1);
    };
    type.observeDeep(onChange);
    // Something may have changed between the render and this subscription.
    setVersion((v) => v + 1);
    return () => type.unobserveDeep(onChange);
  }, [type, ignoreText]);
  return version;
}
