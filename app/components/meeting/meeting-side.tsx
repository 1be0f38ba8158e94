import { lazy, Suspense, useCallback, useState, type KeyboardEvent } from "react";
import type { RoomDocument } from "../../collab/room.ts";
import { LoadingStatus } from "../loading-status.tsx";
import { MinutesEditor } from "./minutes-editor.tsx";
import { goTo, InPageLink, MEETING_SIDE_ID, useMinutesLinkFollowed } from "./minutes-link.tsx";
import type { MeetingMe } from "./types.ts";
import { MINUTES_FIELD } from "./whiteboard-shape.ts";

// tldraw (1.8 MB of script) is fetched when the whiteboard's tab first opens, not with the page.
const Whiteboard = lazy(() => import("./whiteboard.client.tsx"));

type Tab = "minutes" | "whiteboard";

const NOTES_HINT_ID = "meeting-notes-hint";

/**
 * The shared minutes (TipTap) and whiteboard (tldraw) beside the agenda item, as two tabs
 * (WAI-ARIA tabs: arrow keys move between them). The whiteboard is drawn the first time its
 * tab is opened, then kept, so switching back and forth loses nothing.
 */
export function MeetingSide(props: {
  /** The meeting document, open in the page's room (null while it opens). */
  document: RoomDocument | null;
  /** The server has answered whether this person may write. */
  ready: boolean;
  locked: boolean;
  me: MeetingMe;
  /** tldraw's licence key, and whether to tell this person it is missing (whiteboard-licence.server.ts). */
  whiteboard: { licenseKey: string | null; sayKeyMissing: boolean };
  /** The text tab's name ("Minutes"; a joint workspace's "Shared notes"). */
  notesLabel?: string;
  /** The XML fragment of the document the text lives in. */
  notesField?: string;
  /** Said above the text: what belongs there, and that everyone shares it (its description). */
  notesHint?: string;
  /** A link back to what the text is about, for phones, where it comes after it (meeting.css). */
  back?: { targetId: string; label: string };
}) {
  const notesLabel = props.notesLabel ?? "Minutes";
  const TABS = [
    { id: "minutes", label: notesLabel },
    { id: "whiteboard", label: "Whiteboard" },
  ] as const;
  const sideLabel = `${notesLabel} and whiteboard`;
  const [tab, setTab] = useState<Tab>("minutes");
  const [opened, setOpened] = useState<Set<Tab>>(() => new Set(["minutes"]));
  const choose = (next: Tab) => {
    setTab(next);
    setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
  };
  // "Go to the minutes" under the agenda item's heading shows them, whichever tab was open.
  useMinutesLinkFollowed(
    useCallback(() => {
      setTab("minutes");
      goTo(
        document.getElementById(MEETING_SIDE_ID),
        document.getElementById("meeting-tab-minutes"),
      );
    }, []),
  );
  const onKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const to =
      event.key === "ArrowRight"
        ? (index + 1) % TABS.length
        : event.key === "ArrowLeft"
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? TABS.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    choose(TABS[to].id);
    document.getElementById(`meeting-tab-${TABS[to].id}`)?.focus();
  };
  const { document: meeting, me } = props;
  const connecting = <LoadingStatus>Connecting…</LoadingStatus>;
  return (
    <section className="meeting-side" id={MEETING_SIDE_ID} aria-label={sideLabel}>
      {props.back ? (
        <p className="side-back">
          <InPageLink targetId={props.back.targetId}>{props.back.label}</InPageLink>
        </p>
      ) : null}
      <div role="tablist" aria-label={sideLabel} className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`meeting-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`meeting-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => choose(t.id)}
            onKeyDown={onKey}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="meeting-panel-minutes"
        aria-labelledby="meeting-tab-minutes"
        hidden={tab !== "minutes"}
        className="tab-panel meeting-minutes"
      >
        {props.notesHint ? (
          <p className="hint notes-hint" id={NOTES_HINT_ID}>
            {props.notesHint}
          </p>
        ) : null}
        <MinutesEditor
          document={meeting}
          field={props.notesField ?? MINUTES_FIELD}
          label={notesLabel}
          describedBy={props.notesHint ? NOTES_HINT_ID : undefined}
          locked={props.locked}
          me={me}
        />
      </div>
      <div
        role="tabpanel"
        id="meeting-panel-whiteboard"
        aria-labelledby="meeting-tab-whiteboard"
        hidden={tab !== "whiteboard"}
        className="tab-panel meeting-whiteboard"
      >
        {!opened.has("whiteboard") ? null : meeting && props.ready ? (
          <>
            <Suspense fallback={<LoadingStatus>Loading the whiteboard…</LoadingStatus>}>
              <Whiteboard
                document={meeting}
                readOnly={props.locked}
                user={{ userId: me.userId, name: me.name, colour: me.colour }}
                licenseKey={props.whiteboard.licenseKey}
              />
            </Suspense>
            {props.whiteboard.sayKeyMissing ? (
              <p className="hint">
                The small &ldquo;Get a license for production&rdquo; notice in the whiteboard&apos;s
                corner comes from tldraw, who make the whiteboard: this installation has no tldraw
                licence key yet (its administrator sets TLDRAW_LICENSE_KEY; see the README).
              </p>
            ) : null}
          </>
        ) : (
          connecting
        )}
      </div>
    </section>
  );
}
