/**
 * Plain types of a framework: what a trust judges its schools against.
 * Shared by models/, collab/ and app/ (types only, no I/O).
 */

/** One place on a scale, lowest first. `key` is stable and stored in judgements. */
export interface ScaleLevel {
  key: string;
  label: string;
  /** A CSS colour with at least 4.5:1 contrast against white text. */
  colour: string;
  /** One line: what being at this level means. */
  meaning: string;
}

export interface Scale {
  key: string;
  name: string;
  /** Ordered lowest to highest. */
  levels: ScaleLevel[];
}

export interface Indicator {
  id: string;
  text: string;
}

export interface Criterion {
  /** Stable id, unique within the framework (e.g. "incl-2"); used in document field names. */
  id: string;
  /** A short human code shown beside the statement (e.g. "2.1"). */
  code: string;
  /** A statement of good practice. */
  statement: string;
  guidance?: string;
  /** What each level of the area's scale looks like for this criterion, keyed by level key. */
  descriptors: Record<string, string>;
  /** What would show it: each a short line. */
  evidenceExpectations: string[];
  indicators?: Indicator[];
}

/** Which schools an area applies to; absent means every school. */
export type AreaApplicability = "earlyYears" | "sixthForm";

export interface Area {
  id: string;
  title: string;
  summary: string;
  /** Key of the scale (in the framework's `scales`) this area is judged on. */
  scaleKey: string;
  appliesTo?: AreaApplicability;
  criteria: Criterion[];
}

export type FrameworkKind = "qualityMark" | "schoolSelfEvaluation" | "trustSelfReview";

/** The accreditation rule, stated in a form the server can evaluate. */
export type AccreditationRule =
  | {
      type: "minimumLevels";
      /** Every criterion at least this level (key of the main scale). */
      everyCriterionAtLeast: string;
      /** And at least `count` criteria at or above `level`. */
      atLeast?: { count: number; level: string };
      /** Met/Not-met areas must all be at this level (e.g. "met"). */
      binaryAreasMustBe?: string;
    }
  | { type: "validatorJudgement" }
  | { type: "none"; note: string };

/** An award tier (e.g. Bronze, Silver, Gold), listed lowest first, each with its own rule. */
export interface AwardTier {
  id: string;
  name: string;
  rule: AccreditationRule;
}

export interface FrameworkContent {
  name: string;
  description: string;
  kind: FrameworkKind;
  scales: Scale[];
  areas: Area[];
  accreditationRule: AccreditationRule;
  /** Optional tiers, lowest first; the highest tier whose rule is met is awarded. */
  awardTiers?: AwardTier[];
  /** How long an award lasts, in months (quality marks: usually 36). */
  validityMonths: number;
}
