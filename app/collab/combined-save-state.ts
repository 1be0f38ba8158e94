import type { SaveState } from "./save-tracker.ts";

// Most pressing first: edits kept only on this device, then edits on their way, then a
// document still opening; "Saved" only when every document says so.
const PRECEDENCE: SaveState[] = ["offline", "saving", "connecting", "saved"];

/**
 * What one save indicator says for a page of several documents (refused documents left out by
 * the caller). No document yet is "connecting".
 */
export function combineSaveStates(states: SaveState[]): SaveState {
  if (states.length === 0) return "connecting";
  return PRECEDENCE.find((state) => states.includes(state)) ?? "saved";
}
