import type { Criterion, ScaleLevel } from "../../../models/framework/types.ts";
import type { NamedLevel } from "../../../models/snapshot/level-names.ts";

/** The shapes the meeting components receive from the meeting routes' loaders (plain JSON). */
export interface LevelOption {
  key: string;
  label: string;
}

/** One row of the validator's pre-review. */
export interface CriterionRow {
  id: string;
  code: string;
  statement: string;
  areaId: string;
  areaTitle: string;
  levels: LevelOption[];
  /** What the validator reviews: as last submitted (live when never submitted). */
  schoolJudgement: string | null;
  /** Its label: as the scale named it when submitted (ADR 063; null: not judged). */
  schoolJudgementLabel: string | null;
  /** The school's judgement now. */
  liveJudgement: string | null;
}

/** A criterion as the meeting shows it when it is the item in focus. */
export interface MeetingCriterion {
  criterion: Criterion;
  areaId: string;
  areaTitle: string;
  levels: ScaleLevel[];
  /** From the evaluation's projection; the page prefers the live document's. */
  schoolJudgement: string | null;
  /** As the school last submitted it (null: not judged then, or never submitted). */
  submittedJudgement: string | null;
  /** That level as the scale named it when submitted (ADR 063). */
  submittedLevel: NamedLevel | null;
  /**
   * The criterion's levels and descriptors in the framework version the submission was made
   * against, where the evaluation has moved to another since (`versionNow`); null where they are
   * the same version, it was never submitted, or the criterion was not in that version.
   */
  asSubmitted: {
    version: number;
    versionNow: number;
    levels: ScaleLevel[];
    descriptors: Record<string, string>;
  } | null;
}

export interface Provisional {
  validatorId: string;
  criterionId: string;
  level: string;
}

export const labelOf = (levels: LevelOption[], key: string | null | undefined) =>
  levels.find((l) => l.key === key)?.label ?? "Not judged";

/** Who is in the meeting page, as the server knows them. */
export interface MeetingMe {
  userId: string;
  name: string;
  colour: string;
  role: string;
  observing: boolean;
}
