import type { SaveState } from "./save-tracker.ts";

const TEXT: Record<SaveState, string> = {
  connecting: "Connecting…",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline: changes are kept on this device and saved when you reconnect",
};

/** Announced politely to screen readers; "Saved" only once the server confirmed it. */
export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <p className={`save-indicator save-${state}`} role="status" aria-live="polite">
      <span className="save-dot" aria-hidden="true" />
      {TEXT[state]}
    </p>
  );
}
