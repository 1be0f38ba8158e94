import { describe, expect, it } from "vitest";
import { combineSaveStates } from "../../app/collab/combined-save-state.ts";

describe("one save state for a page of several documents", () => {
  it("says Saved only when every document is saved", () => {
    expect(combineSaveStates(["saved", "saved"])).toBe("saved");
    expect(combineSaveStates(["saved", "saving"])).toBe("saving");
  });

  it("puts edits kept only on this device first, then edits on their way, then opening", () => {
    expect(combineSaveStates(["saving", "offline", "connecting"])).toBe("offline");
    expect(combineSaveStates(["connecting", "saving", "saved"])).toBe("saving");
    expect(combineSaveStates(["saved", "connecting"])).toBe("connecting");
  });

  it("is connecting while no document is open yet", () => {
    expect(combineSaveStates([])).toBe("connecting");
  });
});
