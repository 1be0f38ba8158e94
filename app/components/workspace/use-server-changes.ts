import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import type * as Y from "yjs";
import { serverChangesOf } from "../../../collab/shapes/workspace.ts";

/**
 * Reloads the page's data whenever the server says it added something it keeps in MongoDB
 * (library items, joint actions, shared criteria): so everyone's open page shows it live.
 */
export function useServerChanges(doc: Y.Doc | null): void {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!doc) return;
    const changes = serverChangesOf(doc);
    const onChange = (_event: Y.YMapEvent<number>, transaction: Y.Transaction) => {
      if (!transaction.local) revalidate();
    };
    changes.observe(onChange);
    return () => changes.unobserve(onChange);
  }, [doc, revalidate]);
}
