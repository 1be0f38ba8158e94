import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Rich-text editors take their turn to be created, one per browser task, in the order they
 * asked. Creating one (TipTap's extensions, schema and view) costs 100–150 ms of main thread on
 * a cold page load; created together, a criterion's editors made one long task, so the first of
 * them (the narrative) waited for the others and nothing answered a click meanwhile (issue 12,
 * bench:open). Browser only: nothing here runs during server rendering.
 */
const waiting: Array<() => void> = [];
let busy = false;

function next(): void {
  const start = waiting.shift();
  busy = start !== undefined;
  start?.();
}

/**
 * `mayCreate` turns true when it is this editor's turn (at once if no other is being created);
 * call `created()` once the editor exists, which hands the turn on after the browser has had a
 * task boundary (to paint, or to take the person's input).
 */
export function useEditorTurn(): { mayCreate: boolean; created(): void } {
  const [mayCreate, setMayCreate] = useState(false);
  const finished = useRef(false);
  const holding = useRef(false);
  useEffect(() => {
    let mounted = true;
    const start = () => {
      // Gone, or its editor already made (a remount): the turn passes on.
      if (!mounted || finished.current) return void setTimeout(next, 0);
      holding.current = true;
      setMayCreate(true);
    };
    waiting.push(start);
    if (!busy) next();
    return () => {
      mounted = false;
      const index = waiting.indexOf(start);
      if (index >= 0) waiting.splice(index, 1);
      // Unmounted while holding the turn, before its editor was made: hand it on.
      if (holding.current && !finished.current) {
        holding.current = false;
        setTimeout(next, 0);
      }
    };
  }, []);
  const created = useCallback(() => {
    if (finished.current) return;
    finished.current = true;
    if (!holding.current) return;
    holding.current = false;
    setTimeout(next, 0);
  }, []);
  return { mayCreate, created };
}
