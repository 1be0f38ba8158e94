import type { Criterion, FrameworkContent } from "./types.ts";

export interface CriterionChange {
  id: string;
  code: string;
  statement: string;
  /** For reworded criteria: the wording before. */
  before?: string;
}

/** What changes for an evaluation moving from one framework version to another. */
export interface VersionDiff {
  added: CriterionChange[];
  removed: CriterionChange[];
  reworded: CriterionChange[];
  unchanged: string[];
  scaleChanged: boolean;
}

function index(content: FrameworkContent): Map<string, { criterion: Criterion; scaleKey: string }> {
  const map = new Map<string, { criterion: Criterion; scaleKey: string }>();
  for (const area of content.areas)
    for (const c of area.criteria) map.set(c.id, { criterion: c, scaleKey: area.scaleKey });
  return map;
}

function levelsOf(content: FrameworkContent, scaleKey: string): string {
  return JSON.stringify(
    content.scales.find((s) => s.key === scaleKey)?.levels.map((l) => l.key) ?? [],
  );
}

/**
 * Compares two versions criterion by criterion (criteria keep their ids across versions).
 * A criterion is reworded when its statement or any descriptor changed, or its scale's levels.
 */
export function diffVersions(from: FrameworkContent, to: FrameworkContent): VersionDiff {
  const before = index(from);
  const after = index(to);
  const diff: VersionDiff = {
    added: [],
    removed: [],
    reworded: [],
    unchanged: [],
    scaleChanged: false,
  };
  for (const [id, { criterion, scaleKey }] of after) {
    const old = before.get(id);
    const change = { id, code: criterion.code, statement: criterion.statement };
    if (!old) {
      diff.added.push(change);
      continue;
    }
    const scaleDiffers = levelsOf(from, old.scaleKey) !== levelsOf(to, scaleKey);
    if (scaleDiffers) diff.scaleChanged = true;
    const reworded =
      scaleDiffers ||
      old.criterion.statement.trim() !== criterion.statement.trim() ||
      JSON.stringify(old.criterion.descriptors) !== JSON.stringify(criterion.descriptors);
    if (reworded) diff.reworded.push({ ...change, before: old.criterion.statement });
    else diff.unchanged.push(id);
  }
  for (const [id, { criterion }] of before) {
    if (!after.has(id))
      diff.removed.push({ id, code: criterion.code, statement: criterion.statement });
  }
  return diff;
}
