import { useSyncExternalStore } from "react";
import { useRoomPresence, useRoomDocument, useRoom, useRoomSaveState } from "./collab-room.tsx";
import { PresenceList } from "./presence-list.tsx";
import { SaveIndicator } from "./save-indicator.tsx";
import { sessionHasEnded, subscribeToSessionEnd } from "./session-ended.ts";
import type { Present } from "./use-presence.ts";

/**
 * The bar at the top of every live page: who is here (and where they are working), whether
 * this person's edits are saved, that the connection is being re-made, and, when they may only
 * read, that they may only read.
 */
export function WorkspaceBar({
  canWrite,
  readOnlyNotice,
  describeFocus = () => null,
}: {
  /** May this person change the page's main document (as far as the page knows)? */
  canWrite: boolean;
  /** Said when they may not, e.g. "You are viewing this framework read only." */
  readOnlyNotice: string;
  /** Where someone is working, in words ("editing the evidence of 2.1"), or null. */
  describeFocus?: (person: Present) => string | null;
}) {
  const { presenceIn } = useRoom();
  const main = useRoomDocument(presenceIn);
  const present = useRoomPresence();
  const saveState = useRoomSaveState();
  const ended = useSyncExternalStore(subscribeToSessionEnd, sessionHasEnded, () => false);
  const notice = !canWrite
    ? readOnlyNotice
    : main.readOnly === true && !ended
      ? "This is read only for you at the moment."
      : null;
  return (
    <>
      <div className="workspace-bar">
        <PresenceList present={present} describeFocus={describeFocus} />
        {canWrite ? <SaveIndicator state={saveState} /> : null}
      </div>
      {main.closedReason ? (
        <p role="alert" className="form-error">
          {main.closedReason} Reconnecting…
        </p>
      ) : null}
      {notice ? (
        <p className="notice" role="note">
          {notice}
        </p>
      ) : null}
    </>
  );
}
