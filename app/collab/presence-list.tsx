import type { Present } from "./use-presence.ts";

function initials(name: string) {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
}

/** Who is on the page, and where. */
export function PresenceList({
  present,
  describeFocus,
}: {
  present: Present[];
  describeFocus: (p: Present) => string | null;
}) {
  return (
    <section aria-label="People on this page" className="presence">
      <ul className="presence-list">
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
