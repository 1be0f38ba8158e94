import { useLocation } from "@remix-run/react";
import { useSyncExternalStore } from "react";
import { sessionHasEnded, subscribeToSessionEnd } from "../collab/session-ended.ts";

/**
 * Says so, wherever the person is, when the server closed this page's live documents because
 * their session ended, and offers the way back. The editors are locked by then; whatever was
 * typed is kept in this browser and sent once the same person signs in again.
 */
export function SessionEndedNotice() {
  const ended = useSyncExternalStore(subscribeToSessionEnd, sessionHasEnded, () => false);
  const location = useLocation();
  if (!ended) return null;
  const back = `${location.pathname}${location.search}`;
  return (
    <div className="session-ended" role="alert">
      <p>
        <strong>Your session has ended.</strong> Changes here are no longer saved. Anything you
        typed is kept in this browser and saved once you sign in again.
      </p>
      {/* A full page load, so the whole page starts again as whoever signs in. */}
      <a className="button" href={`/sign-in?redirectTo=${encodeURIComponent(back)}`}>
        Sign in again
      </a>
    </div>
  );
}
