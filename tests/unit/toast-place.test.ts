import { describe, expect, it } from "vitest";
import { toastPlace } from "../../app/components/evaluation/toast-place.ts";

// Where the page's notices go against what has the focus (toast-stack.tsx draws them there).

const view = { top: 0, bottom: 844 };
/** The notices across a phone's width, 60 px tall. */
const stack = { left: 16, right: 374, height: 60 };

/** A box whose sides are getters on its prototype, as a DOMRect's are. */
class Rect {
  #top: number;
  #bottom: number;
  constructor(top: number, bottom: number) {
    this.#top = top;
    this.#bottom = bottom;
  }
  get top() {
    return this.#top;
  }
  get bottom() {
    return this.#bottom;
  }
  get left() {
    return 40;
  }
  get right() {
    return 350;
  }
}

describe("where the notices go", () => {
  it("stays at the foot with nothing focused, or the focus above it", () => {
    expect(toastPlace(null, stack, view, 16)).toBe("bottom");
    expect(toastPlace(new Rect(300, 344), stack, view, 16)).toBe("bottom");
    // Just clear of it: the foot's notices start at 844 − 16 − 60 = 768.
    expect(toastPlace(new Rect(700, 768), stack, view, 16)).toBe("bottom");
  });

  it("goes to the top when the focus is under the foot", () => {
    expect(toastPlace(new Rect(800, 844), stack, view, 16)).toBe("top");
    expect(toastPlace(new Rect(760, 790), stack, view, 16)).toBe("top");
  });

  it("stays at the foot when the focus is beside it, not under it", () => {
    const narrow = { left: 400, right: 800, height: 60 };
    expect(toastPlace(new Rect(800, 844), narrow, { top: 0, bottom: 844 }, 16)).toBe("bottom");
  });

  it("takes the end that covers less of a focus taller than the screen", () => {
    // The field runs from above the screen to 820: its visible part is under both ends, more of
    // it under the top's notices (all 60 px) than the foot's (52 px).
    expect(toastPlace(new Rect(-500, 820), stack, view, 16)).toBe("bottom");
    // From 30 to below the screen: 46 px under the top's, all 60 under the foot's.
    expect(toastPlace(new Rect(30, 2000), stack, view, 16)).toBe("top");
  });

  it("keeps to the part of the screen that shows (above a phone's keyboard)", () => {
    // The keyboard takes the screen from 500 down: the field just above it is under the foot.
    const aboveKeyboard = { top: 0, bottom: 500 };
    expect(toastPlace(new Rect(450, 495), stack, aboveKeyboard, 16)).toBe("top");
    expect(toastPlace(new Rect(200, 240), stack, aboveKeyboard, 16)).toBe("bottom");
  });
});
