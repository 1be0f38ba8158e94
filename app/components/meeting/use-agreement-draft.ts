import { useRouteLoaderData } from "@remix-run/react";
import { useCallback, useContext, useEffect, useRef, useState } from "react";
import { keep, readKept } from "../../utils/use-kept-draft.ts";
import {
  draftToRestore,
  isEmptyDraft,
  isSpent,
  isTypingOverRecorded,
  parseLocalDraft,
  sameContent,
  type CurrentAgreement,
  type DraftContent,
  type LocalDraft,
} from "./agreement-draft.ts";
import { AgreementDraftsContext, learn } from "./use-agreement-drafts.ts";

export type DraftSaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  /** Not on the server: `keptHere` whether this browser kept it; `message` the server's reason. */
  | { kind: "notSaved"; keptHere: boolean; message: string | null };

/** How long typing pauses before the draft is sent. */
const PAUSE_MS = 700;

type Sent = { ok: true; updatedAt: string | null } | { ok: false; message: string | null };

/**
 * Plain fetch rather than a Remix fetcher: a fetcher whose request fails on the network hands
 * the error to the route's error boundary, which would replace the meeting (as in
 * use-discussion-post.ts). Here a failure only says the draft is kept in this browser.
 */
async function sendDraft(validationId: string, fields: Record<string, string>): Promise<Sent> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  let response: Response;
  try {
    response = await fetch(`/validations/${encodeURIComponent(validationId)}/agreement-draft`, {
      method: "POST",
      body,
      credentials: "same-origin",
      redirect: "manual",
    });
  } catch {
    return { ok: false, message: null };
  }
  const answer = (await response.json().catch(() => null)) as {
    draft?: { updatedAt: string } | null;
    formError?: string | null;
    fieldErrors?: Record<string, string>;
  } | null;
  if (response.ok) return { ok: true, updatedAt: answer?.draft?.updatedAt ?? null };
  const [, fieldMessage] = Object.entries(answer?.fieldErrors ?? {})[0] ?? [];
  return { ok: false, message: fieldMessage ?? answer?.formError ?? null };
}

/**
 * One agreement form's draft (level and rationale): restored when the form opens (the server's
 * copy, or this browser's where it is newer: agreement-draft.ts), kept in this browser at every
 * change and sent to the server once typing pauses (one request at a time, the newest last),
 * and dropped once the agreement is recorded (`clear`; the server clears its copy itself).
 * `initial` is what the form renders with before it is in the browser.
 */
export function useAgreementDraft(props: {
  criterionId: string;
  userId: string;
  /** The agreement the form would correct (its sequence number; 0: none). */
  basedOn: number;
  agreed: CurrentAgreement | undefined;
}) {
  const { criterionId, userId } = props;
  const store = useContext(AgreementDraftsContext);
  const csrf = useRouteLoaderData<{ csrf: string }>("root")?.csrf ?? "";
  const field = `rationale-${criterionId}`;
  const form = useRef<HTMLFormElement>(null);
  const [initial] = useState(
    () => draftToRestore(store?.known.get(criterionId) ?? null, null, props.agreed, userId)?.draft,
  );
  const [state, setState] = useState<DraftSaveState>({ kind: "idle" });
  /** What another device did to the draft while this form's own typing was kept over it. */
  const [elsewhere, setElsewhere] = useState<DraftElsewhere | null>(null);
  const latest = useRef<DraftContent | null>(null);
  /** What the form held when it last matched the server's copy (null: empty, or not known). */
  const synced = useRef<DraftContent | null>(null);
  const sending = useRef<DraftContent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const failed = useRef(false);
  // Moves on when the agreement is recorded: answers to saves sent before then change nothing.
  const generation = useRef(0);
  const basedOn = useRef(props.basedOn);
  basedOn.current = props.basedOn;
  const agreedNow = useRef(props.agreed);
  agreedNow.current = props.agreed;

  const read = useCallback((): DraftContent | null => {
    if (!form.current) return latest.current;
    const data = new FormData(form.current);
    const level = data.get("level");
    return {
      level: typeof level === "string" && level !== "" ? level : null,
      rationale: String(data.get("rationale") ?? ""),
      basedOn: basedOn.current,
    };
  }, []);

  const keepHere = useCallback(
    (draft: LocalDraft | null) =>
      keep(userId, field, draft && !isEmptyDraft(draft) ? JSON.stringify(draft) : null),
    [userId, field],
  );

  const send = useCallback(async () => {
    if (!store || !latest.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const draft = latest.current;
    const at = generation.current;
    inFlight.current = true;
    sending.current = draft;
    setState({ kind: "saving" });
    const sent = await sendDraft(store.validationId, {
      csrf,
      criterionId,
      level: draft.level ?? "",
      rationale: draft.rationale,
      basedOn: String(draft.basedOn),
    });
    inFlight.current = false;
    sending.current = null;
    if (at !== generation.current) return;
    failed.current = !sent.ok;
    if (sent.ok) {
      learn(store, criterionId, sent.updatedAt ? { ...draft, updatedAt: sent.updatedAt } : null);
      if (sameContent(latest.current, draft)) {
        // This browser's copy is now the server's: the next page here knows it is not newer.
        const here = parseLocalDraft(readKept(userId, field));
        if (here && sent.updatedAt)
          keepHere({ ...here, basedOn: draft.basedOn, base: sent.updatedAt, saved: true });
        synced.current = draft;
        // Saved over the other device's draft: the server now has this one. (Emptied or
        // recorded there: still said, until the person types again.)
        setElsewhere((was) => (was === "newer" ? null : was));
        setState(sent.updatedAt ? { kind: "saved" } : { kind: "idle" });
      }
    } else {
      setState({
        kind: "notSaved",
        keptHere: readKept(userId, field) !== null,
        message: sent.message,
      });
    }
    if (again.current) {
      again.current = false;
      void send();
    }
  }, [store, csrf, criterionId, userId, field, keepHere]);

  /** The form changed (typing, a level picked): kept here at once, sent when typing pauses. */
  const changed = useCallback(() => {
    const draft = read();
    if (!draft) return;
    latest.current = draft;
    setElsewhere((was) => (was === "newer" ? was : null));
    const keptHere = keepHere({
      ...draft,
      at: new Date().toISOString(),
      base: store?.known.get(criterionId)?.updatedAt ?? null,
      saved: false,
    });
    if (!store) return;
    if (!keptHere && !isEmptyDraft(draft) && failed.current)
      setState({ kind: "notSaved", keptHere: false, message: null });
    else setState({ kind: "saving" });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void send();
    }, PAUSE_MS);
  }, [read, keepHere, store, criterionId, send]);

  /** The form is being sent to record the agreement: no save goes after it. */
  const beforeSubmit = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  /** The agreement is recorded: the form empties and the draft goes, here and on this page. */
  const clear = useCallback(() => {
    generation.current++;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    again.current = false;
    latest.current = null;
    synced.current = null;
    setElsewhere(null);
    keepHere(null);
    if (store) learn(store, criterionId, null);
    if (form.current) empty(form.current);
    setState({ kind: "idle" });
  }, [keepHere, store, criterionId]);

  // Once, as the form opens: the newest draft goes into it.
  const agreed = useRef(props.agreed);
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const now = read();
    // Typed or picked before the page's scripts ran: newer than any draft, it stays.
    if (now && !sameContent(now, initial ?? null)) {
      changed();
      return;
    }
    const here = parseLocalDraft(readKept(userId, field));
    const chosen = draftToRestore(
      store?.known.get(criterionId) ?? null,
      here,
      agreed.current,
      userId,
    );
    if (!chosen) {
      // Typed here, not saved, and the agreement recorded meanwhile on another device in other
      // words (this form opened as it arrived): kept, as a draft of its correction.
      if (here && isTypingOverRecorded(here, agreed.current, userId)) {
        fill(element, here);
        changed();
        setElsewhere("recorded");
        return;
      }
      // This browser's copy was recorded or emptied meanwhile: not worth keeping.
      if (here) keepHere(null);
      return;
    }
    const { draft, from } = chosen;
    fill(element, draft);
    latest.current = read();
    if (from === "server") {
      synced.current = latest.current;
      setState({ kind: "saved" });
    }
    // Typed here and never saved (offline, or the page closed first): the server catches up.
    else if (!here?.saved) changed();
    // Only as the form opens; later changes are the person's own.
  }, []);

  // A newer draft saved on another device, or the draft gone (emptied, or the agreement
  // recorded there), brought by a reload of the page's data: shown here only if this form holds
  // nothing of its own (what it last had from the server, nothing being saved); typing here not
  // yet saved is never replaced, and the form says what happened elsewhere.
  useEffect(() => {
    if (!store) return;
    const ownTyping = (now: DraftContent | null) =>
      timer.current !== null ||
      inFlight.current ||
      failed.current ||
      !sameContent(now, synced.current);
    const gone = (element: HTMLFormElement, vanished: DraftContent | undefined) => {
      const now = read();
      // Nothing here, or emptied here too (on its way): nothing to clear or to say.
      if (!now || isEmptyDraft(now) || (sending.current && isEmptyDraft(sending.current))) {
        setElsewhere(null);
        return;
      }
      if (!ownTyping(now)) {
        empty(element);
        latest.current = read();
        synced.current = null;
        keepHere(null);
        setElsewhere(null);
        setState({ kind: "idle" });
        return;
      }
      const typedOver = latest.current ?? now;
      const spent = (d: DraftContent) => isSpent(d, agreedNow.current, userId);
      // Typed over the agreement just recorded: saved again as a draft of its correction.
      if (spent(typedOver)) changed();
      // What went was what the agreement recorded (this typing may be rebased on it already).
      const recorded = spent(typedOver) || (vanished !== undefined && spent(vanished));
      setElsewhere(recorded ? "recorded" : "emptied");
    };
    const arrived = (id: string, vanished?: DraftContent) => {
      if (id !== criterionId) return;
      const newer = store.known.get(criterionId);
      const element = form.current;
      if (!element) return;
      if (!newer) {
        gone(element, vanished);
        return;
      }
      if (isSpent(newer, agreedNow.current, userId)) return;
      const now = read();
      if (sameContent(now, newer) || sameContent(sending.current, newer)) {
        setElsewhere(null);
        return;
      }
      if (ownTyping(now)) {
        setElsewhere("newer");
        return;
      }
      fill(element, newer);
      latest.current = read();
      synced.current = latest.current;
      const here = parseLocalDraft(readKept(userId, field));
      // This browser's copy (if any) is the server's again: not newer, so not sent back.
      if (here && latest.current)
        keepHere({ ...latest.current, at: newer.updatedAt, base: newer.updatedAt, saved: true });
      setElsewhere(null);
      setState({ kind: "saved" });
    };
    store.listeners.add(arrived);
    return () => {
      store.listeners.delete(arrived);
    };
  }, [store, criterionId, userId, field, read, keepHere, changed]);

  // Sent once typing pauses, or straight away if the form goes first (another item opened).
  useEffect(
    () => () => {
      if (!timer.current) return;
      clearTimeout(timer.current);
      timer.current = null;
      void send();
    },
    [send],
  );

  // Back online after a failed save: try again.
  useEffect(() => {
    const retry = () => {
      if (failed.current && latest.current) void send();
    };
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [send]);

  return { form, initial, state, elsewhere, changed, beforeSubmit, clear };
}

/** Puts a draft into the agreement form (and unfolds a correction's form to show it). */
function fill(element: HTMLFormElement, draft: DraftContent) {
  for (const input of element.querySelectorAll<HTMLInputElement>('input[name="level"]'))
    input.checked = input.value === draft.level;
  const text = element.querySelector<HTMLTextAreaElement>('textarea[name="rationale"]');
  if (text) text.value = draft.rationale;
  // A correction being drafted: its form is folded away until opened.
  const fold = element.closest("details");
  if (fold) fold.open = true;
}

/** Empties the agreement form (no level, no rationale). */
function empty(element: HTMLFormElement) {
  for (const input of element.querySelectorAll<HTMLInputElement>('input[name="level"]'))
    input.checked = false;
  const text = element.querySelector<HTMLTextAreaElement>('textarea[name="rationale"]');
  if (text) text.value = "";
}

/** What another device did to the draft while typing here was kept over it. */
export type DraftElsewhere = "newer" | "emptied" | "recorded";

/** Said beside the rationale when typing here was kept over a newer draft from another device. */
export const NEWER_ELSEWHERE =
  "A newer draft was saved on another device. What you have typed here is kept, and " +
  "replaces it once saved.";

/** Said beside the rationale when typing here was kept over what another device did. */
export const SAID_ELSEWHERE: Record<DraftElsewhere, string> = {
  newer: NEWER_ELSEWHERE,
  emptied:
    "This draft was emptied on another device. What you have typed here is kept, and saved " +
    "as your draft.",
  recorded:
    "This agreement was recorded on another device. What you have typed here is kept, as a " +
    "draft to correct it with.",
};

const WORDS: Record<DraftSaveState["kind"], string> = {
  idle: "",
  saving: "Saving draft…",
  saved: "Draft saved",
  notSaved: "Draft not saved",
};

/** The quiet line under the rationale saying where the draft is. */
export function draftStateText(state: DraftSaveState): string {
  if (state.kind !== "notSaved") return WORDS[state.kind];
  const where = state.keptHere ? " — kept in this browser" : "";
  return `${WORDS.notSaved}${where}${state.message ? `: ${state.message}` : ""}`;
}
