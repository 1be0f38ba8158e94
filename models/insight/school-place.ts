import { scaleOf } from "../framework/applicable.ts";
import type { FrameworkContent } from "../framework/types.ts";
import { areaLevel } from "./area-level.ts";
import {
  judgementsOf,
  type AreaApplies,
  type InsightEvaluation,
  type JudgementSource,
  type LevelView,
} from "./types.ts";
import { notApplicableHere } from "./words.ts";

/** Fewer schools than this at a level are not counted out loud: the cell could identify them. */
export const ANONYMITY_THRESHOLD = 3;

export interface PlaceBar {
  level: LevelView;
  /** How many schools of the trust sit here, or null when fewer than the threshold do. */
  count: number | null;
  /** This school sits here. */
  mine: boolean;
}

export interface AreaPlace {
  areaId: string;
  title: string;
  bars: PlaceBar[];
  /** This school's level in the area (null: not judged yet, or the area does not apply). */
  myLevel: LevelView | null;
  /** Schools counted in the trust's distribution (itself included): those the area applies to. */
  schools: number;
  /**
   * Null where the area applies to this school; else why it is not compared, said instead of
   * the distribution (no bars): "Not compared: this area is only for schools with a sixth form."
   */
  notApplicable: string | null;
}

/**
 * A school's own place in the trust: per area, the trust's distribution of levels with the other
 * schools anonymous — counts only, no names, and any count below ANONYMITY_THRESHOLD (other than
 * zero) withheld, so no cell can single out a school. The whole distribution is withheld when the
 * trust has fewer schools than the threshold, and when a single count is withheld the next
 * smallest is too, so it cannot be worked out by subtraction from the total. An area that does
 * not apply to a school (`applies`: a sixth form it does not have) counts it nowhere: for this
 * school it is not compared at all, for the others it is left out of the distribution.
 */
export function schoolPlaceOf(
  content: FrameworkContent,
  evaluations: InsightEvaluation[],
  schoolId: string,
  source: JudgementSource,
  applies?: AreaApplies,
): AreaPlace[] {
  return content.areas.map((area) => {
    if (applies && !applies(schoolId, area))
      return {
        areaId: area.id,
        title: area.title,
        bars: [],
        myLevel: null,
        schools: 0,
        notApplicable: notApplicableHere(area.appliesTo),
      };
    const scale = scaleOf(content, area);
    const inArea = applies ? evaluations.filter((e) => applies(e.schoolId, area)) : evaluations;
    const placed = inArea.map((e) => ({
      schoolId: e.schoolId,
      level: areaLevel(area, scale, judgementsOf(e, source)).level,
    }));
    const mine = placed.find((p) => p.schoolId === schoolId)?.level ?? null;
    const enough = placed.length >= ANONYMITY_THRESHOLD;
    const bars = scale.levels.map((l) => {
      const count = placed.filter((p) => p.level === l.key).length;
      const shown = enough && (count === 0 || count >= ANONYMITY_THRESHOLD) ? count : null;
      return {
        level: { key: l.key, label: l.label, colour: l.colour },
        count: shown,
        mine: mine === l.key,
      };
    });
    withholdComplement(
      bars,
      scale.levels.map((l) => placed.filter((p) => p.level === l.key).length),
    );
    const level = scale.levels.find((l) => l.key === mine);
    return {
      areaId: area.id,
      title: area.title,
      bars,
      myLevel: level ? { key: level.key, label: level.label, colour: level.colour } : null,
      schools: placed.length,
      notApplicable: null,
    };
  });
}

/** Complementary suppression: one withheld count alone could be derived from the others. */
function withholdComplement(bars: PlaceBar[], counts: number[]): void {
  const withheld = bars.filter((b, i) => b.count === null && counts[i] > 0);
  if (withheld.length !== 1) return;
  let smallest = -1;
  bars.forEach((b, i) => {
    if (b.count !== null && b.count > 0 && (smallest < 0 || b.count < bars[smallest].count!))
      smallest = i;
  });
  if (smallest >= 0) bars[smallest].count = null;
}
