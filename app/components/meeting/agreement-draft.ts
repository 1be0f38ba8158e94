/**
 * The validator's draft of an agreement (level and rationale, not yet recorded), as the meeting
 * page keeps it in two places: on the server (models/validation/agreement-draft.ts), so it
 * follows them to another device, and in this browser (use-kept-draft.ts), so nothing is lost
 * while the server cannot be reached. Pure: which of the two a page opens with.
 */

export interface DraftContent {
  level: string | null;
  rationale: string;
  /** The agreement of this criterion it was typed over (its sequence number; 0: none yet). */
  basedOn: number;
}

/** The server's copy, as the meeting page's loader and the save answer give it. */
export interface ServerDraft extends DraftContent {
  /** When the server saved it (ISO). */
  updatedAt: string;
}

/** This browser's copy. */
export interface LocalDraft extends DraftContent {
  /** When it was typed here (ISO, this device's clock). */
  at: string;
  /**
   * The server's copy this browser knew when it was typed, or that the server then saved it as
   * (its `updatedAt`); null when it knew none.
   */
  base: string | null;
  /** The server has exactly this copy. */
  saved: boolean;
}

/** The agreement a criterion has now, as far as a draft cares. */
export interface CurrentAgreement {
  agreedSeq: number;
  agreedBy: string;
  /** What was agreed, where known: a copy of these very words is the agreement, not typing. */
  level?: string;
  rationale?: string;
}

export const isEmptyDraft = (d: Pick<DraftContent, "level" | "rationale">) =>
  d.level === null && d.rationale === "";

/**
 * A draft the person has since recorded (an agreement of theirs newer than the one it was typed
 * over): spent, even where a late save or a browser's copy outlived the clearing.
 */
export function isSpent(draft: DraftContent, agreed: CurrentAgreement | undefined, me: string) {
  return agreed !== undefined && agreed.agreedBy === me && agreed.agreedSeq > draft.basedOn;
}

/**
 * This browser's copy is typing never saved, over an agreement the person has since recorded
 * elsewhere (another device) in other words: not what was recorded, so it is not spent but kept,
 * as a draft of a correction. A copy of the very words recorded is the agreement itself.
 */
export function isTypingOverRecorded(
  local: LocalDraft | null,
  agreed: CurrentAgreement | undefined,
  me: string,
): boolean {
  if (!local || local.saved || isEmptyDraft(local) || !isSpent(local, agreed, me)) return false;
  const recorded =
    local.level === (agreed?.level ?? null) &&
    local.rationale.trim() === (agreed?.rationale ?? "").trim();
  return !recorded;
}

/**
 * What the agreement form opens with, and from where: the server's draft, unless this browser's
 * copy is newer (typed here and not saved, over the server's copy it knew, or later than a copy
 * saved meanwhile from another device), or the server has none and this browser's copy never
 * reached it (typed offline). A copy the server had and no longer has was recorded or emptied
 * elsewhere: it is not brought back.
 */
export function draftToRestore(
  server: ServerDraft | null,
  local: LocalDraft | null,
  agreed: CurrentAgreement | undefined,
  me: string,
): { draft: DraftContent; from: "server" | "browser" } | null {
  const fromServer = server && !isSpent(server, agreed, me) ? server : null;
  const fromHere = local && !isSpent(local, agreed, me) ? local : null;
  const serverWins = fromServer && { draft: contentOf(fromServer), from: "server" as const };
  const browserWins = fromHere && { draft: contentOf(fromHere), from: "browser" as const };
  if (!fromHere || fromHere.saved) return serverWins;
  if (!fromServer || fromHere.base === fromServer.updatedAt) return browserWins;
  // Changed in both places since: the later wins.
  return Date.parse(fromHere.at) > Date.parse(fromServer.updatedAt) ? browserWins : serverWins;
}

const contentOf = (d: DraftContent): DraftContent => ({
  level: d.level,
  rationale: d.rationale,
  basedOn: d.basedOn,
});

export const sameContent = (a: DraftContent | null, b: DraftContent | null) =>
  (a?.level ?? null) === (b?.level ?? null) && (a?.rationale ?? "") === (b?.rationale ?? "");

/**
 * This browser's copy as stored: the draft as JSON, or (kept before drafts had a level) the
 * rationale alone, which reached no server.
 */
export function parseLocalDraft(stored: string | null): LocalDraft | null {
  if (!stored) return null;
  try {
    const d = JSON.parse(stored) as Partial<LocalDraft> | null;
    if (d && typeof d === "object" && typeof d.rationale === "string" && typeof d.at === "string")
      return {
        level: typeof d.level === "string" ? d.level : null,
        rationale: d.rationale,
        basedOn: typeof d.basedOn === "number" ? d.basedOn : 0,
        at: d.at,
        base: typeof d.base === "string" ? d.base : null,
        saved: d.saved === true,
      };
  } catch {
    // Not JSON: a rationale kept on its own.
  }
  return {
    level: null,
    rationale: stored,
    basedOn: 0,
    at: new Date(0).toISOString(),
    base: null,
    saved: false,
  };
}
