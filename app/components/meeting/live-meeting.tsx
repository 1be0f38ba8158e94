import type { ReactNode } from "react";
import {
  useCollabSession,
  useSaveState,
  useWarnBeforeLeaving,
} from "../../collab/use-collab-session.ts";
import { usePresence } from "../../collab/use-presence.ts";
import { PresenceList } from "../evaluation/presence-list.tsx";
import RichTextEditor from "../evaluation/rich-text-editor.client.tsx";
import { SaveIndicator } from "../evaluation/save-indicator.tsx";
import Whiteboard from "./whiteboard.client.tsx";
import { MINUTES_FIELD } from "./whiteboard-shape.ts";

export interface MeetingMe {
  userId: string;
  name: string;
  colour: string;
  role: string;
  observing: boolean;
}

/**
 * The live part of the meeting (browser only): who is here, the shared minutes and the
 * whiteboard, all in the `meeting.<validationId>` document. The server decides who may write;
 * until it has answered, nobody types, and observers never do.
 */
export function LiveMeeting(props: {
  documentName: string;
  me: MeetingMe;
  canWrite: boolean;
  children?: ReactNode;
}) {
  const { me } = props;
  const { session, readOnly, refused, closedReason } = useCollabSession(
    props.documentName,
    me.userId,
  );
  const saveState = useSaveState(session);
  useWarnBeforeLeaving(session);
  const present = usePresence(session?.provider ?? null);
  const locked = !props.canWrite || readOnly !== false;
  if (refused) {
    return (
      <p role="alert" className="form-error">
        This meeting could not be opened: you do not have access to it.
      </p>
    );
  }
  const provider = session?.provider ?? null;
  return (
    <>
      <div className="workspace-bar">
        <PresenceList present={present} describeFocus={() => null} />
        {props.canWrite ? <SaveIndicator state={saveState} /> : null}
      </div>
      {closedReason ? (
        <p role="alert" className="form-error">
          {closedReason} Reconnecting…
        </p>
      ) : null}
      {me.observing ? (
        <p className="notice" role="note">
          You are observing this meeting: others see you here, and nothing you do changes it.
        </p>
      ) : null}
      {props.children}
      <section aria-labelledby="minutes-heading" className="meeting-minutes">
        <h2 id="minutes-heading">Minutes</h2>
        {provider ? (
          <RichTextEditor
            provider={provider}
            field={MINUTES_FIELD}
            label="Minutes"
            readOnly={locked}
            user={{
              name: me.name,
              color: me.colour,
              userId: me.userId,
              role: me.role,
              observing: me.observing,
            }}
          />
        ) : (
          <p className="editor-loading" role="status">
            Connecting…
          </p>
        )}
      </section>
      <section aria-labelledby="whiteboard-heading" className="meeting-whiteboard">
        <h2 id="whiteboard-heading">Whiteboard</h2>
        {provider && readOnly !== null ? (
          <Whiteboard
            provider={provider}
            readOnly={locked}
            user={{ userId: me.userId, name: me.name, colour: me.colour }}
          />
        ) : (
          <p className="editor-loading" role="status">
            Connecting…
          </p>
        )}
      </section>
    </>
  );
}
