import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import type * as Y from "yjs";
import {
  attachedItemIds,
  evidenceAttachmentsOf,
  parseAttachmentKey,
} from "../../../collab/shapes/evidence.ts";
import { evidenceRoute, type EvidenceListData } from "./types.ts";

// Every criterion panel of the page shares one fetcher (by key) and so one list; a burst of
// refresh requests (each panel mounting, or one change seen by every panel) becomes one load.
const pendingLoads = new Map<string, ReturnType<typeof setTimeout>>();
const LOAD_DELAY_MS = 120;

function scheduleLoad(key: string, load: () => void) {
  const pending = pendingLoads.get(key);
  if (pending) clearTimeout(pending);
  pendingLoads.set(
    key,
    setTimeout(() => {
      pendingLoads.delete(key);
      load();
    }, LOAD_DELAY_MS),
  );
}

/**
 * The evaluation's evidence items (loaded from the evidence route), refreshed whenever the
 * attachments in the document change: someone uploaded, attached, detached or deleted.
 */
export function useEvidenceList(evaluationId: string, doc: Y.Doc | null) {
  const key = `evidence:${evaluationId}`;
  const fetcher = useFetcher<EvidenceListData>({ key });
  const { load } = fetcher;
  const refresh = useCallback(
    () => scheduleLoad(key, () => load(evidenceRoute(evaluationId))),
    [key, load, evaluationId],
  );

  useEffect(() => {
    refresh();
    if (!doc) return;
    const map = evidenceAttachmentsOf(doc);
    map.observe(refresh);
    return () => map.unobserve(refresh);
  }, [doc, refresh]);

  return {
    data: fetcher.data ?? null,
    loading: !fetcher.data,
    refresh,
  };
}

export interface Attachments {
  /** The ids of the items attached to this criterion. */
  attached: string[];
  /** For each item, how many criteria it is attached to. */
  uses: ReadonlyMap<string, number>;
}

const NONE: Attachments = { attached: [], uses: new Map() };

/** The items attached to one criterion, and how widely each item is used, live. */
export function useAttachments(doc: Y.Doc | null, criterionId: string): Attachments {
  const [state, setState] = useState<Attachments>(NONE);
  useEffect(() => {
    if (!doc) return;
    const map = evidenceAttachmentsOf(doc);
    const read = () => {
      const uses = new Map<string, number>();
      for (const key of map.keys()) {
        const parsed = parseAttachmentKey(key);
        if (parsed) uses.set(parsed.itemId, (uses.get(parsed.itemId) ?? 0) + 1);
      }
      setState({ attached: attachedItemIds(doc, criterionId), uses });
    };
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [doc, criterionId]);
  return state;
}
