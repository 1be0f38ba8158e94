import { useEffect, useRef, useState } from "react";

/** What a notice says, and its one button ("Undo", "Put it back"); `n` tells each one apart. */
export interface Notice {
  message: string;
  action: string;
  n: number;
  /**
   * Its words and its button are already on screen where the person is working (a kept row's
   * own notice): then it is only said, to screen readers, never drawn over the page as well.
   */
  onScreenElsewhere?: boolean;
}

const TOAST_MS = 8000;

/**
 * A notice with one button, in a polite status region, for about eight seconds (longer while the
 * pointer or focus is on it, so nobody loses the button while reaching for it). One whose words
 * are on screen elsewhere is said in the same region, and not drawn.
 */
export function NoticeToast({
  notice,
  onAction,
  onDismiss,
}: {
  notice: Notice | null;
  onAction(): void;
  onDismiss(): void;
}) {
  const [held, setHeld] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // Timed per notice (its `n`), not per render of whoever shows it.
  const shown = notice?.n ?? null;
  useEffect(() => {
    if (shown === null || held) return;
    const timer = setTimeout(onDismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [shown, held, onDismiss]);
  useEffect(() => setHeld(false), [shown]);
  return (
    <div className="undo-toast-region" role="status">
      {notice?.onScreenElsewhere ? (
        <span key={notice.n} className="visually-hidden">
          {notice.message}
        </span>
      ) : notice ? (
        <div
          ref={box}
          key={notice.n}
          className="undo-toast"
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={(event) => {
            if (!box.current?.contains(event.relatedTarget as Node | null)) setHeld(false);
          }}
        >
          <span>{notice.message}</span>
          <button type="button" className="button-link" onClick={onAction}>
            {notice.action}
          </button>
        </div>
      ) : null}
    </div>
  );
}
