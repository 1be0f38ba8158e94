import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { Present } from "./use-presence.ts";

function initials(name: string) {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
}

/** How many faces the phone's one-line row shows before it says "+N" for the rest. */
const FACES = 3;

/**
 * Who is on the page, and where. Wide screens list everyone by name; a phone shows one row of
 * faces (colleagues first, "+N" for the rest) on a button that opens the same list of names.
 */
export function PresenceList({
  present,
  describeFocus,
}: {
  present: Present[];
  describeFocus: (p: Present) => string | null;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const section = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // An open list closes when the person clicks or taps anywhere else.
  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (!section.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };

  const faces = [...present.filter((p) => !p.isMe), ...present.filter((p) => p.isMe)];
  const shown = faces.length > FACES ? faces.slice(0, FACES) : faces;
  const more = faces.length - shown.length;
  const count = present.length === 1 ? "1 person" : `${present.length} people`;

  return (
    <section
      ref={section}
      aria-label="People on this page"
      className={open ? "presence presence-open" : "presence"}
      onKeyDown={onKeyDown}
    >
      {/* Nobody is listed until the page's scripts have joined the document: no button yet. */}
      {present.length ? (
        <button
          ref={toggle}
          type="button"
          className="presence-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
        >
          <span className="presence-faces" aria-hidden="true">
            {shown.map((p) => (
              <span key={p.userId} className="avatar" style={{ backgroundColor: p.colour }}>
                {initials(p.name)}
              </span>
            ))}
            {more > 0 ? <span className="avatar presence-more">+{more}</span> : null}
          </span>
          <span className="visually-hidden">Who is here: {count}</span>
        </button>
      ) : null}
      <ul id={listId} className="presence-list">
        {present.map((p) => {
          // Role, "observing" and where they are, whichever are known: never a bare separator.
          const details = [p.role, p.observing ? "observing" : "", describeFocus(p) ?? ""].filter(
            Boolean,
          );
          const label = [`${p.name}${p.isMe ? " (you)" : ""}`, ...details].join(", ");
          return (
            <li key={p.userId} className="presence-person" title={label}>
              <span className="avatar" style={{ backgroundColor: p.colour }} aria-hidden="true">
                {initials(p.name)}
              </span>
              <span className="presence-text">
                <span className="presence-name">
                  {p.name}
                  {p.isMe ? " (you)" : ""}
                </span>
                {details.length ? (
                  <span className="presence-detail">{details.join(" · ")}</span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
