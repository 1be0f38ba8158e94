import type { LevelName, SnapshotSummary } from "./snapshot.ts";

/**
 * A judgement's level as pages and reports name it. A snapshot names its judgements as the
 * scale named their levels when it was taken (ADR 063): a framework version moved to since may
 * relabel a level or drop it, and what was submitted must still read as it was. Pure.
 */
export interface NamedLevel extends LevelName {
  key: string;
}

/** For a level no scale names any more, in a snapshot older than ADR 063: the muted ink. */
const UNNAMED_COLOUR = "#4a5561";

/** The names a snapshot kept with its judgements, by criterion (none in older snapshots). */
export function levelNamesIn(
  snapshot: Pick<SnapshotSummary, "judgements">,
): Map<string, NamedLevel> {
  return new Map(
    snapshot.judgements.flatMap((j) =>
      j.label !== undefined && j.colour !== undefined
        ? [[j.criterionId, { key: j.level, label: j.label, colour: j.colour }] as const]
        : [],
    ),
  );
}

/** The name a snapshot kept (`names`, from levelNamesIn) for a criterion judged at `key`. */
export function nameKeptFor(
  names: ReadonlyMap<string, NamedLevel>,
  criterionId: string,
  key: string | undefined,
): NamedLevel | undefined {
  const kept = names.get(criterionId);
  return kept && kept.key === key ? kept : undefined;
}

/**
 * A snapshot's judgement of a criterion at level `key`, named as the snapshot kept it. Where it
 * kept no name (taken before ADR 063), as the criterion's scale names the level now
 * (`levelsNow`), or by its key when the scale no longer has it: never as "not judged".
 */
export function levelAsTaken(
  names: ReadonlyMap<string, NamedLevel>,
  criterionId: string,
  key: string,
  levelsNow: readonly NamedLevel[],
): NamedLevel {
  const kept = nameKeptFor(names, criterionId, key);
  if (kept) return { key, label: kept.label, colour: kept.colour };
  const now = levelsNow.find((l) => l.key === key);
  return now
    ? { key, label: now.label, colour: now.colour }
    : { key, label: key, colour: UNNAMED_COLOUR };
}
