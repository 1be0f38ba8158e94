import { useEffect, type MouseEvent } from "react";

// On a phone the minutes come after the whole agenda item, a long way down: a link right under
// the item's heading goes to them in one tap, with the minutes' tab chosen if the whiteboard's
// was open, and one above them goes back (meeting.css hides both where the minutes sit beside
// the item).

/** The id of the minutes and whiteboard's box (and of its stand-in while the page loads). */
export const MEETING_SIDE_ID = "meeting-side";
const SHOW_MINUTES = "meeting:show-minutes";

/**
 * Scrolls `target` to the top of the screen (just under the live bar: meeting.css) and puts the
 * keyboard on `focus`. In place of following the link's `#fragment`, which the router would
 * undo: it keys every fragment of a page alike and restores the scroll of the last one.
 */
export function goTo(target: HTMLElement | null, focus: HTMLElement | null = target) {
  target?.scrollIntoView({ block: "start" });
  focus?.focus({ preventScroll: true });
}

/** A link within the meeting page that goes to `targetId` (see goTo). */
export function InPageLink(props: {
  targetId: string;
  onFollow?: () => void;
  children: React.ReactNode;
}) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (props.onFollow) props.onFollow();
    else goTo(document.getElementById(props.targetId));
  };
  return (
    <a href={`#${props.targetId}`} onClick={follow}>
      {props.children}
    </a>
  );
}

/** "Go to the minutes": the minutes' box asks to be shown (useMinutesLinkFollowed). */
export function MinutesLink() {
  return (
    <p className="to-minutes">
      <InPageLink
        targetId={MEETING_SIDE_ID}
        onFollow={() => window.dispatchEvent(new Event(SHOW_MINUTES))}
      >
        Go to the minutes
      </InPageLink>
    </p>
  );
}

/** Calls `show` whenever a MinutesLink on the page is followed. */
export function useMinutesLinkFollowed(show: () => void) {
  useEffect(() => {
    window.addEventListener(SHOW_MINUTES, show);
    return () => window.removeEventListener(SHOW_MINUTES, show);
  }, [show]);
}
