import { useFetchers, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { serverChangesOf } from "../../../collab/shapes/workspace.ts";

/**
 * Reloads the page's data whenever the server says it added something it keeps in MongoDB
 * (a workspace's library items, joint actions, shared criteria; an evaluation's status): so
 * everyone's open page shows it live.
 */
export function useServerChanges(doc: Y.Doc | null): void {
  const { revalidate } = useRevalidator();
  // While this page's own form is being sent, its answer reloads the data anyway; a reload
  // started meanwhile would make Remix drop that answer's redirect (and what it confirms).
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const sending =
    navigation.state === "submitting" || fetchers.some((f) => f.state === "submitting");
  const busy = useRef(sending);
  busy.current = sending;
  useEffect(() => {
    if (!doc) return;
    const changes = serverChangesOf(doc);
    const onChange = (_event: Y.YMapEvent<number>, transaction: Y.Transaction) => {
      if (!transaction.local && !busy.current) revalidate();
    };
    changes.observe(onChange);
    return () => changes.unobserve(onChange);
  }, [doc, revalidate]);
}
