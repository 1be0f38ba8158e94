import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type FocusEvent,
  type ReactNode,
} from "react";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { combineSaveStates } from "./combined-save-state.ts";
import { withPageRoom } from "./page-room.ts";
import type { DocumentStatus, Room, RoomDocument } from "./room.ts";
import type { SaveState } from "./save-tracker.ts";
import { sessionHasEnded } from "./session-ended.ts";
import { usePresence, type Present } from "./use-presence.ts";

/**
 * A page's collaboration room, for React. It renders on the server too, as the page will look;
 * it opens its documents only in the browser, once the page's scripts run (effects), so the page
 * as served stays when they take over.
 *
 *   <CollabRoom me={me} presenceIn={documentName}>
 *     <WorkspaceBar canWrite … />          presence, save state, reconnecting, read-only notice
 *     …useRoomDocument(name)…              a document of the page, with what the server said
 *     …usePresenceFocus().focusProps(f)…   tells the others where this person is working
 *   </CollabRoom>
 *
 * Every document opened under it (and anywhere else on the page, see `pageRoom`) shares one
 * connection. `presenceIn` names the document whose presence the page shows (its main one).
 */

/** The person, as the server stamps them on presence (so our own entry matches what others see). */
export interface RoomMe {
  userId: string;
  name: string;
  colour: string;
  role: string;
  observing: boolean;
}

/** A document as a component sees it: null parts until it is open. */
export interface OpenDocument extends DocumentStatus {
  document: RoomDocument | null;
  doc: Y.Doc | null;
  awareness: Awareness | null;
}

interface FocusController {
  /** Where this person is working now (null: nowhere). */
  set(focus: unknown): void;
  /** Clears it unless another field takes the focus at once. */
  leave(): void;
}

interface RoomContextValue {
  me: RoomMe;
  presenceIn: string;
  presence: OpenDocument;
  focus: FocusController;
}

const RoomContext = createContext<RoomContextValue | null>(null);

const NOT_OPEN: DocumentStatus = {
  readOnly: null,
  refused: null,
  closedReason: null,
  synced: false,
};

function useRoomContext(): RoomContextValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error("useRoom… outside <CollabRoom>");
  return value;
}

/** A Yjs update as the page carries it (base64), back to bytes; works in Node and browsers. */
function stateBytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Opens `name` in the room of `userId` for as long as the component is mounted. With
 * `initialState` (the document as the page was served, see document-state.server.ts), the
 * content is there from the first render, on the server too: until the room's document is open
 * a read-only copy of that state stands in (no `document`, so nobody writes to it).
 */
export function useDocumentIn(
  userId: string,
  name: string | null,
  me?: RoomMe,
  initialState?: string | null,
): OpenDocument {
  const [document, setDocument] = useState<RoomDocument | null>(null);
  const identity = me ? JSON.stringify(me) : null;
  const served = useMemo(() => {
    if (!initialState) return null;
    const bytes = stateBytes(initialState);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    return { doc, bytes };
  }, [initialState]);
  useEffect(() => {
    if (!name) return;
    let openIn: Room | null = null;
    const stop = withPageRoom(userId, (room) => {
      openIn = room;
      const opened = room.open(name, served?.bytes);
      if (identity) {
        const who = JSON.parse(identity) as RoomMe;
        opened.awareness.setLocalStateField("user", {
          name: who.name,
          color: who.colour,
          userId: who.userId,
          role: who.role,
          observing: who.observing,
        });
      }
      setDocument(opened);
    });
    return () => {
      stop();
      setDocument(null);
      (openIn as Room | null)?.release(name);
    };
  }, [userId, name, identity, served]);
  const status = useSyncExternalStore(
    (onChange) => document?.subscribe(onChange) ?? (() => {}),
    () => document?.status() ?? NOT_OPEN,
    () => NOT_OPEN,
  );
  return useMemo(
    () =>
      document
        ? { ...status, document, doc: document.doc, awareness: document.awareness }
        : {
            ...NOT_OPEN,
            synced: served !== null,
            document: null,
            doc: served?.doc ?? null,
            awareness: null,
          },
    [status, document, served],
  );
}

export function CollabRoom({
  me,
  presenceIn,
  presenceState,
  children,
}: {
  me: RoomMe;
  presenceIn: string;
  /** The main document's state as the page was served (base64), if the loader sent it. */
  presenceState?: string | null;
  children: ReactNode;
}) {
  const presence = useDocumentIn(me.userId, presenceIn, me, presenceState);
  const awareness = useRef<Awareness | null>(null);
  awareness.current = presence.awareness;
  const focus = useMemo<FocusController>(() => {
    let last = "null";
    let leaving: ReturnType<typeof setTimeout> | null = null;
    const set = (value: unknown) => {
      if (leaving) clearTimeout(leaving);
      leaving = null;
      const key = JSON.stringify(value ?? null);
      // Focus events are many; the others hear only changes.
      if (key === last || !awareness.current) return;
      last = key;
      awareness.current.setLocalStateField("focus", value ?? null);
    };
    return {
      set,
      leave() {
        if (leaving) clearTimeout(leaving);
        leaving = setTimeout(() => set(null), 0);
      },
    };
  }, []);
  const meKey = JSON.stringify(me);
  const value = useMemo(
    () => ({ me: JSON.parse(meKey) as RoomMe, presenceIn, presence, focus }),
    // `me` is compared by content: pages build it afresh on each render.
    [meKey, presenceIn, presence, focus],
  );
  return <RoomContext.Provider value={value}>{children}</RoomContext.Provider>;
}

/** The person and the page's room (null until the page runs in the browser). */
export function useRoom(): { me: RoomMe; room: Room | null; presenceIn: string } {
  const { me, presenceIn } = useRoomContext();
  const [room, setRoom] = useState<Room | null>(null);
  useEffect(() => withPageRoom(me.userId, setRoom), [me.userId]);
  return { me, room, presenceIn };
}

/** A document of the page, opened in its room while the component is mounted. */
export function useRoomDocument(name: string | null): OpenDocument {
  const { me, presenceIn, presence } = useRoomContext();
  const opened = useDocumentIn(me.userId, name === presenceIn ? null : name, me);
  return name === presenceIn ? presence : opened;
}

/** One save state for every document of the page ("Saved" only when all are saved). */
export function useRoomSaveState(): SaveState {
  const { room } = useRoom();
  return useSyncExternalStore(
    (onChange) => room?.subscribe(onChange) ?? (() => {}),
    () =>
      room
        ? combineSaveStates(
            room
              .documents()
              .filter((d) => !d.status().refused)
              .map((d) => d.save().state),
          )
        : "connecting",
    () => "connecting",
  );
}

/** Everyone on the page (from its main document), the person first. */
export function useRoomPresence(): Present[] {
  return usePresence(useRoomContext().presence);
}

/** The page's presence (its main document's awareness), null until that document is open. */
export function usePresenceAwareness(): Awareness | null {
  return useRoomContext().presence.awareness;
}

// Focus events bubble from the field outwards, so an area inside another (a factor inside its
// force-field) hears the event first; it marks it here and the areas around it say nothing more.
const placedFocus = new WeakSet<Event>();

/**
 * Where this person is working, for the others' presence lists. `focusProps(focus)` goes on
 * the element around a field (or a group of them): focus anywhere inside says so (the innermost
 * such element, when they nest), and leaving it for somewhere that says nothing clears it, so
 * presence never points at a field left behind.
 */
export function usePresenceFocus(): {
  setFocus(focus: unknown): void;
  /** Focus left a field: clears where this person works unless another field says otherwise. */
  leaveFocus(): void;
  focusProps(focus: unknown): {
    onFocus(event: FocusEvent<HTMLElement>): void;
    onBlur(event: FocusEvent<HTMLElement>): void;
  };
} {
  const { focus } = useRoomContext();
  const focusProps = useCallback(
    (value: unknown) => ({
      onFocus: (event: FocusEvent<HTMLElement>) => {
        if (placedFocus.has(event.nativeEvent)) return;
        placedFocus.add(event.nativeEvent);
        focus.set(value);
      },
      onBlur: (event: FocusEvent<HTMLElement>) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focus.leave();
      },
    }),
    [focus],
  );
  return { setFocus: focus.set, leaveFocus: focus.leave, focusProps };
}

/**
 * Warns before leaving the page while some edit is not yet confirmed durable. Not once the
 * session has ended: then leaving (to sign in again) is the way to get those edits saved, and
 * the browser's local copy keeps them meanwhile.
 */
export function useWarnBeforeLeaving(): void {
  const { room } = useRoom();
  useEffect(() => {
    if (!room) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (sessionHasEnded() || !room.documents().some((d) => d.save().unsavedEdits)) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [room]);
}
