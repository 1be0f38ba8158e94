import { describe, expect, it } from "vitest";
import {
  draftToRestore,
  isTypingOverRecorded,
  parseLocalDraft,
  type LocalDraft,
  type ServerDraft,
} from "../../app/components/meeting/agreement-draft.ts";

const ME = "me";
const server = (over: Partial<ServerDraft> = {}): ServerDraft => ({
  level: "strong",
  rationale: "From the server",
  basedOn: 0,
  updatedAt: "2027-03-01T10:00:00.000Z",
  ...over,
});
const local = (over: Partial<LocalDraft> = {}): LocalDraft => ({
  level: "expected",
  rationale: "From this browser",
  basedOn: 0,
  at: "2027-03-01T10:05:00.000Z",
  base: "2027-03-01T10:00:00.000Z",
  saved: false,
  ...over,
});
const from = (r: ReturnType<typeof draftToRestore>) => r && `${r.from}: ${r.draft.rationale}`;

describe("which draft an agreement form opens with", () => {
  it("takes the server's on a device that kept nothing (another device)", () => {
    expect(from(draftToRestore(server(), null, undefined, ME))).toBe("server: From the server");
  });

  it("takes this browser's copy when the server has none and it never reached it (offline)", () => {
    expect(from(draftToRestore(null, local({ base: null }), undefined, ME))).toBe(
      "browser: From this browser",
    );
  });

  it("takes this browser's unsaved edits over the server copy they were typed on", () => {
    expect(from(draftToRestore(server(), local(), undefined, ME))).toBe(
      "browser: From this browser",
    );
  });

  it("takes the server's when this browser's copy is what it saved, or older than another device's", () => {
    const newer = server({ updatedAt: "2027-03-01T10:10:00.000Z", rationale: "Tablet" });
    expect(from(draftToRestore(newer, local({ saved: true }), undefined, ME))).toBe(
      "server: Tablet",
    );
    expect(from(draftToRestore(newer, local(), undefined, ME))).toBe("server: Tablet");
    // Both changed since: the later one.
    const older = server({ updatedAt: "2027-03-01T10:01:00.000Z", rationale: "Tablet" });
    expect(from(draftToRestore(older, local(), undefined, ME))).toBe("browser: From this browser");
  });

  it("does not bring back a copy the server had and has since let go (recorded or emptied elsewhere)", () => {
    expect(draftToRestore(null, local({ saved: true }), undefined, ME)).toBeNull();
  });

  it("drops drafts the person has since recorded, not those another validator's agreement overtook", () => {
    const mine = { agreedSeq: 3, agreedBy: ME };
    expect(draftToRestore(server(), local(), mine, ME)).toBeNull();
    expect(from(draftToRestore(server({ basedOn: 3 }), null, mine, ME))).toBe(
      "server: From the server",
    );
    const theirs = { agreedSeq: 3, agreedBy: "another validator" };
    expect(from(draftToRestore(server(), null, theirs, ME))).toBe("server: From the server");
  });

  it("reads a rationale kept on its own before drafts had a level", () => {
    expect(parseLocalDraft("Typed before the change")).toMatchObject({
      rationale: "Typed before the change",
      level: null,
      saved: false,
      base: null,
    });
    expect(parseLocalDraft("{not json")).toMatchObject({ rationale: "{not json" });
    expect(parseLocalDraft(null)).toBeNull();
  });
});

describe("typing kept over an agreement recorded on another device", () => {
  const recorded = { agreedSeq: 1, agreedBy: ME, level: "strong", rationale: "Recorded words" };

  it("keeps typing never saved, in other words than those recorded", () => {
    expect(isTypingOverRecorded(local(), recorded, ME)).toBe(true);
    expect(isTypingOverRecorded(local({ level: "strong" }), recorded, ME)).toBe(true);
  });

  it("lets go of the very words recorded, a copy the server had, or nothing typed", () => {
    const same = local({ level: "strong", rationale: " Recorded words " });
    expect(isTypingOverRecorded(same, recorded, ME)).toBe(false);
    expect(isTypingOverRecorded(local({ saved: true }), recorded, ME)).toBe(false);
    expect(isTypingOverRecorded(local({ level: null, rationale: "" }), recorded, ME)).toBe(false);
    expect(isTypingOverRecorded(null, recorded, ME)).toBe(false);
  });

  it("is not about typing over a later agreement, or another validator's", () => {
    expect(isTypingOverRecorded(local({ basedOn: 1 }), recorded, ME)).toBe(false);
    const theirs = { ...recorded, agreedBy: "another validator" };
    expect(isTypingOverRecorded(local(), theirs, ME)).toBe(false);
    expect(isTypingOverRecorded(local(), undefined, ME)).toBe(false);
  });
});
