import { Suspense, useMemo } from "react";
import type { RoomDocument } from "../../collab/room.ts";
import { LazyRichTextEditor } from "../evaluation/lazy-rich-text-editor.tsx";
import { LoadingStatus } from "../loading-status.tsx";
import type { MeetingMe } from "./types.ts";

/**
 * A meeting's live minutes (ADR 022): the TipTap editor on one XML fragment of a document open
 * in the page's room, with carets and presence. The validation meeting's minutes are a
 * fragment of `meeting.<id>`; a joint workspace's notes and each of its meetings' minutes are
 * fragments of `workspace.<id>` (same writers). Browser only (it renders the editor).
 */
export function MinutesEditor(props: {
  /** The document, open in the page's room (null while it opens). */
  document: RoomDocument | null;
  field: string;
  label: string;
  /** The id of the hint saying what to write here, read with the editor's name. */
  describedBy?: string;
  locked: boolean;
  me: MeetingMe;
}) {
  const { document: open, me } = props;
  // One object per document: the editor is rebuilt only when the document changes.
  const provider = useMemo(
    () => (open ? { document: open.doc, awareness: open.awareness } : null),
    [open],
  );
  if (!provider) return <LoadingStatus>Connecting…</LoadingStatus>;
  return (
    <Suspense fallback={<LoadingStatus>Loading the editor…</LoadingStatus>}>
      <LazyRichTextEditor
        provider={provider}
        field={props.field}
        label={props.label}
        describedBy={props.describedBy}
        readOnly={props.locked}
        user={{
          name: me.name,
          color: me.colour,
          userId: me.userId,
          role: me.role,
          observing: me.observing,
        }}
      />
    </Suspense>
  );
}
