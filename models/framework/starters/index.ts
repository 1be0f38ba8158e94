import type { FrameworkContent } from "../types.ts";
import { ofsted2025SelfEvaluation } from "./ofsted-2025.ts";
import {
  achievementStandard,
  behaviourAttendanceStandard,
  curriculumImplementationAward,
  inclusionExcellence,
  leadershipExcellenceStandard,
  personalDevelopmentMark,
} from "./quality-marks.ts";
import { trustSelfReview } from "./trust-self-review.ts";

/** Starter frameworks a trust can copy and adapt, in the order they are offered. */
export const STARTERS: { key: string; content: FrameworkContent }[] = [
  { key: "ofsted-2025-self-evaluation", content: ofsted2025SelfEvaluation },
  { key: "inclusion-excellence", content: inclusionExcellence },
  { key: "behaviour-attendance-standard", content: behaviourAttendanceStandard },
  { key: "curriculum-implementation-award", content: curriculumImplementationAward },
  { key: "personal-development-mark", content: personalDevelopmentMark },
  { key: "leadership-excellence-standard", content: leadershipExcellenceStandard },
  { key: "achievement-standard", content: achievementStandard },
  { key: "trust-self-review", content: trustSelfReview },
];

/** The starter with this key, or undefined. */
export function findStarter(key: string): { key: string; content: FrameworkContent } | undefined {
  return STARTERS.find((starter) => starter.key === key);
}
