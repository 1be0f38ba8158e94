import { useFetchers, useNavigation, useRevalidator } from "@remix-run/react";
import { createContext, useEffect, useRef } from "react";
import type { ServerDraft } from "./agreement-draft.ts";

/**
 * The meeting page's drafts of agreements: what the server has of each criterion's draft, as
 * last known on this page (loaded with it, then from each save), so a form opened again (another
 * item, then back) starts from the newest, not from what the page loaded.
 */
export interface AgreementDrafts {
  validationId: string;
  known: Map<string, ServerDraft | null>;
  /** When this page learnt each of `known` (this device's clock, ms). */
  learnt: Map<string, number>;
  /** When this page last asked for its data again, coming back into view (ms; 0: never). */
  askedAt: number;
  /**
   * Told of a criterion whose newer draft a reload of the page's data brought, or whose draft
   * it no longer has (emptied or recorded on another device: `vanished`, the draft it had).
   */
  listeners: Set<(criterionId: string, vanished?: ServerDraft) => void>;
}

/** What this page now knows the server has of a criterion's draft (null: none). */
export function learn(drafts: AgreementDrafts, criterionId: string, draft: ServerDraft | null) {
  drafts.known.set(criterionId, draft);
  drafts.learnt.set(criterionId, Date.now());
}

export const AgreementDraftsContext = createContext<AgreementDrafts | null>(null);

/**
 * The page's drafts (kept across its renders); a reload of the page's data brings newer ones,
 * and the open forms are told of them (useAgreementDraft decides whether they may show them).
 */
export function useAgreementDrafts(
  validationId: string,
  loaded: Record<string, ServerDraft>,
): AgreementDrafts {
  const store = useRef<AgreementDrafts | null>(null);
  const seen = useRef<Record<string, ServerDraft> | null>(null);
  /** Criteria to tell the forms of, with the draft that vanished (if it did). */
  const arrived = useRef(new Map<string, ServerDraft | undefined>());
  if (!store.current || store.current.validationId !== validationId) {
    const now = Date.now();
    store.current = {
      validationId,
      known: new Map(Object.entries(loaded)),
      learnt: new Map(Object.keys(loaded).map((criterionId) => [criterionId, now])),
      askedAt: 0,
      listeners: new Set(),
    };
  } else if (seen.current !== loaded) {
    const drafts = store.current;
    for (const [criterionId, draft] of Object.entries(loaded)) {
      const known = drafts.known.get(criterionId);
      if (!known || Date.parse(known.updatedAt) < Date.parse(draft.updatedAt)) {
        learn(drafts, criterionId, draft);
        arrived.current.set(criterionId, undefined);
      }
    }
    // A draft the server no longer has: emptied or recorded on another device. Only one this
    // page knew before it asked again (coming back into view): one it learnt since (its own
    // save answered meanwhile) may be newer than what the server read.
    for (const [criterionId, known] of drafts.known) {
      if (!known || criterionId in loaded) continue;
      if ((drafts.learnt.get(criterionId) ?? Infinity) >= drafts.askedAt) continue;
      learn(drafts, criterionId, null);
      arrived.current.set(criterionId, known);
    }
  }
  seen.current = loaded;
  const drafts = store.current;
  useEffect(() => {
    for (const [criterionId, vanished] of arrived.current)
      for (const listener of drafts.listeners) listener(criterionId, vanished);
    arrived.current.clear();
  }, [drafts, loaded]);
  return drafts;
}

/** Reloads at most this often as the page comes back into view (focus and visibility both fire). */
const RETURN_GAP_MS = 2000;

/**
 * Reloads the page's data when it comes back into view (another tab, another app, the device
 * woken), so a draft saved, emptied or recorded meanwhile on another device reaches this page's
 * forms (`drafts` notes when it asked). Not while a form of the page is being sent: its answer
 * reloads the data anyway (use-server-changes.ts).
 */
export function useRevalidateOnReturn(enabled: boolean, drafts: AgreementDrafts): void {
  const { revalidate, state } = useRevalidator();
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const busy = useRef(false);
  busy.current =
    state !== "idle" ||
    navigation.state !== "idle" ||
    fetchers.some((f) => f.state === "submitting");
  const last = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const back = () => {
      if (document.visibilityState !== "visible" || busy.current) return;
      if (Date.now() - last.current < RETURN_GAP_MS) return;
      last.current = Date.now();
      drafts.askedAt = last.current;
      revalidate();
    };
    document.addEventListener("visibilitychange", back);
    window.addEventListener("focus", back);
    return () => {
      document.removeEventListener("visibilitychange", back);
      window.removeEventListener("focus", back);
    };
  }, [enabled, revalidate, drafts]);
}
