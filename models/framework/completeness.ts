import { FRAMEWORK_LIMITS as L } from "./schema.ts";
import type { AccreditationRule, FrameworkContent, Scale } from "./types.ts";

/** Something that stops a framework being published, with where to fix it. */
export interface Problem {
  message: string;
  /** Id of the element in the designer to jump to (used as `#anchor`). */
  anchor: string;
}

/** Which of the "higher level" fields a problem with that part of a rule is about. */
export type HigherLevelField = "level" | "count";

/**
 * What is wrong with the "and some criteria at a higher level" part of a rule, in words, and
 * which field it is about, or null: a level that is not above the one every criterion must reach
 * says nothing more, and asking for more criteria than the main scale is used by can never be
 * met. Shared with the designer, which shows it beside (and describes with it) the field.
 */
export function higherLevelIssue(
  rule: AccreditationRule,
  levels: { key: string; label: string }[],
  criteriaOnScale: number,
): { field: HigherLevelField; message: string } | null {
  if (rule.type !== "minimumLevels" || !rule.atLeast) return null;
  const floor = levels.findIndex((l) => l.key === rule.everyCriterionAtLeast);
  const higher = levels.findIndex((l) => l.key === rule.atLeast!.level);
  if (floor >= 0 && higher >= 0 && higher <= floor) {
    const label = levels[floor].label.trim() || `level ${floor + 1}`;
    return {
      field: "level",
      message: `the higher level must be above “${label}”, the level every criterion must reach.`,
    };
  }
  const { count } = rule.atLeast;
  if (!Number.isInteger(count)) return null;
  if (count > criteriaOnScale) {
    const have =
      criteriaOnScale === 0
        ? "no criteria use"
        : `only ${criteriaOnScale} ${criteriaOnScale === 1 ? "criterion uses" : "criteria use"}`;
    return {
      field: "count",
      message: `it asks for ${count} criteria at the higher level, but ${have} the scale, so no school could meet it.`,
    };
  }
  if (count > L.ruleCount)
    return {
      field: "count",
      message: `ask for at most ${L.ruleCount} criteria at the higher level.`,
    };
  return null;
}

/** The words of `higherLevelIssue`, or null. */
export function higherLevelProblem(
  rule: AccreditationRule,
  levels: { key: string; label: string }[],
  criteriaOnScale: number,
): string | null {
  return higherLevelIssue(rule, levels, criteriaOnScale)?.message ?? null;
}

function ruleProblems(
  rule: AccreditationRule,
  scale: Scale | undefined,
  criteriaOnScale: number,
  where: string,
  anchor: string,
): Problem[] {
  if (rule.type !== "minimumLevels") return [];
  const levels = scale?.levels.map((l) => l.key) ?? [];
  const problems: Problem[] = [];
  if (!levels.includes(rule.everyCriterionAtLeast)) {
    problems.push({ message: `${where}: choose the level every criterion must reach.`, anchor });
  }
  if (rule.atLeast) {
    if (!levels.includes(rule.atLeast.level))
      problems.push({
        message: `${where}: choose the higher level some criteria must reach.`,
        anchor,
      });
    if (!Number.isInteger(rule.atLeast.count) || rule.atLeast.count < 1) {
      problems.push({
        message: `${where}: the number of criteria must be a whole number of at least 1.`,
        anchor,
      });
    }
    const higher = higherLevelProblem(rule, scale?.levels ?? [], criteriaOnScale);
    if (higher) problems.push({ message: `${where}: ${higher}`, anchor });
  }
  return problems;
}

/** How many criteria are judged on the main scale (the ones a rule's higher level counts). */
function criteriaOnMainScale(content: FrameworkContent): number {
  const main = mainScale(content);
  return content.areas
    .filter((area) => area.scaleKey === main?.key)
    .reduce((sum, area) => sum + area.criteria.length, 0);
}

const count = (n: number) => n.toLocaleString("en-GB");

/** A text over its limit, said with its length so the person knows how much to cut. */
function tooLong(text: string | undefined, max: number, what: string, anchor: string): Problem[] {
  const length = text?.length ?? 0;
  if (length <= max) return [];
  return [
    { message: `${what} is ${count(length)} characters long: keep it to ${count(max)}.`, anchor },
  ];
}

/** Every text within the limits a framework file may hold (schema.ts), each list within its count. */
function limitProblems(content: FrameworkContent): Problem[] {
  const problems = [
    ...tooLong(content.name, L.name, "The framework's name", "framework-name"),
    ...tooLong(content.description, L.description, "The description", "framework-description"),
  ];
  for (const scale of content.scales) {
    problems.push(...tooLong(scale.name, L.scaleName, "The scale's name", "scale-name"));
    for (const [i, level] of scale.levels.entries()) {
      const anchor = `level-${level.key}`;
      problems.push(...tooLong(level.label, L.levelLabel, `Level ${i + 1}'s label`, anchor));
      problems.push(...tooLong(level.meaning, L.levelMeaning, `Level ${i + 1}'s meaning`, anchor));
    }
  }
  if (content.areas.length > L.areaCount)
    problems.push({
      message: `The framework has ${content.areas.length} areas: keep it to ${L.areaCount}.`,
      anchor: "areas",
    });
  content.areas.forEach((area, a) => {
    const areaName = `Area ${a + 1}`;
    if (area.criteria.length > L.criterionCount)
      problems.push({
        message: `${areaName} has ${area.criteria.length} criteria: keep it to ${L.criterionCount}.`,
        anchor: `area-${area.id}`,
      });
    problems.push(
      ...tooLong(area.title, L.areaTitle, `${areaName}'s title`, `area-title-${area.id}`),
      ...tooLong(area.summary, L.areaSummary, `${areaName}'s summary`, `area-summary-${area.id}`),
    );
    area.criteria.forEach((criterion, c) => {
      const name = `Criterion ${a + 1}.${c + 1}`;
      const id = criterion.id;
      problems.push(
        ...tooLong(criterion.statement, L.statement, `${name}'s statement`, `statement-${id}`),
        ...tooLong(criterion.guidance, L.guidance, `${name}'s guidance`, `guidance-${id}`),
      );
      for (const [level, descriptor] of Object.entries(criterion.descriptors)) {
        const anchor = `descriptor-${id}-${level}`;
        problems.push(...tooLong(descriptor, L.descriptor, `${name}'s descriptor`, anchor));
      }
      const evidence = criterion.evidenceExpectations;
      if (evidence.length > L.evidenceCount)
        problems.push({
          message: `${name} expects ${evidence.length} kinds of evidence: keep it to ${L.evidenceCount}, one per line.`,
          anchor: `evidence-${id}`,
        });
      for (const line of evidence)
        problems.push(
          ...tooLong(line, L.evidence, `A line of ${name}'s evidence`, `evidence-${id}`),
        );
      const indicators = criterion.indicators ?? [];
      if (indicators.length > L.indicatorCount)
        problems.push({
          message: `${name} has ${indicators.length} indicators: keep it to ${L.indicatorCount}.`,
          anchor: `criterion-${id}`,
        });
      for (const indicator of indicators)
        problems.push(
          ...tooLong(indicator.text, L.indicator, `An indicator of ${name}`, `criterion-${id}`),
        );
    });
  });
  for (const tier of content.awardTiers ?? [])
    problems.push(...tooLong(tier.name, L.tierName, "An award tier's name", `tier-${tier.id}`));
  const rule = content.accreditationRule;
  if (rule.type === "none")
    problems.push(...tooLong(rule.note, L.ruleNote, "The note on the rule", "rule"));
  return problems;
}

/** Folds a name for telling two apart: "Secure " and "secure" are the same name to a reader. */
export const sameNameKey = (name: string) =>
  name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Two levels with one label, two areas with one title, or two award tiers with one name cannot be
 * told apart: in the rule, on the judgement buttons, in the heat map, on the certificate. Each
 * repeat is named with the first that has it.
 */
function duplicateProblems(content: FrameworkContent): Problem[] {
  const levels = content.scales.flatMap((scale) =>
    repeatsIn(scale.levels, (level) => level.label).map(({ item, at, first }) => ({
      message: `Level ${at + 1} of the scale is labelled “${item.label.trim()}”, like level ${first + 1}: give each level its own label.`,
      anchor: `level-${item.key}`,
    })),
  );
  const areas = repeatsIn(content.areas, (area) => area.title).map(({ item, at, first }) => ({
    message: `Area ${at + 1} is titled “${item.title.trim()}”, like area ${first + 1}: give each area its own title.`,
    anchor: `area-title-${item.id}`,
  }));
  const tiers = repeatsIn(content.awardTiers ?? [], (tier) => tier.name).map(
    ({ item, at, first }) => ({
      message: `Award tier ${at + 1} is named “${item.name.trim()}”, like tier ${first + 1}: give each tier its own name.`,
      anchor: `tier-name-${item.id}`,
    }),
  );
  return [...levels, ...areas, ...tiers];
}

/** Each item whose name (folded: sameNameKey) an earlier one already has, with both places. */
function repeatsIn<T>(items: readonly T[], nameOf: (item: T) => string) {
  const seen = new Map<string, number>();
  const repeats: { item: T; at: number; first: number }[] = [];
  items.forEach((item, at) => {
    const key = sameNameKey(nameOf(item));
    if (!key) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, at);
    else repeats.push({ item, at, first });
  });
  return repeats;
}

/** The main scale: the one most areas use (a Met / Not met scale is a helper, not the main one). */
export function mainScale(content: FrameworkContent): Scale | undefined {
  return content.scales.find((s) => s.levels.length > 2) ?? content.scales[0];
}

/**
 * Everything that must be true before a framework can be published: a name, a scale of 2–7
 * labelled levels, areas with criteria, a descriptor for every level of every criterion, no blank
 * indicator, and a stated accreditation rule (self-evaluations and trust reviews may state that there is none).
 */
export function completenessProblems(content: FrameworkContent): Problem[] {
  const problems: Problem[] = [];
  if (!content.name.trim())
    problems.push({ message: "Give the framework a name.", anchor: "framework-name" });
  if (!(content.validityMonths >= 1 && content.validityMonths <= 120)) {
    problems.push({
      message: "Set how long an award lasts: 1 to 120 months.",
      anchor: "framework-validity",
    });
  }
  for (const scale of content.scales) {
    if (scale.levels.length < 2 || scale.levels.length > 7) {
      problems.push({ message: `The scale “${scale.name}” needs 2 to 7 levels.`, anchor: "scale" });
    }
    scale.levels.forEach((level, i) => {
      if (!level.label.trim())
        problems.push({
          message: `Level ${i + 1} of the scale needs a label.`,
          anchor: `level-${level.key}`,
        });
    });
  }
  problems.push(...duplicateProblems(content));
  if (content.areas.length === 0)
    problems.push({ message: "Add at least one area.", anchor: "areas" });
  content.areas.forEach((area, a) => {
    const areaName = area.title.trim() || `Area ${a + 1}`;
    if (!area.title.trim())
      problems.push({ message: `Area ${a + 1} needs a title.`, anchor: `area-${area.id}` });
    if (area.criteria.length === 0)
      problems.push({
        message: `${areaName} needs at least one criterion.`,
        anchor: `area-${area.id}`,
      });
    const scale = content.scales.find((s) => s.key === area.scaleKey);
    area.criteria.forEach((criterion, c) => {
      const name = `${areaName}, criterion ${a + 1}.${c + 1}`;
      if (!criterion.statement.trim())
        problems.push({
          message: `${name} needs a statement.`,
          anchor: `criterion-${criterion.id}`,
        });
      (criterion.indicators ?? []).forEach((indicator, i) => {
        if (!indicator.text.trim())
          problems.push({
            message: `${name}: indicator ${i + 1} is blank. Write it, or remove it.`,
            anchor: `indicator-${indicator.id}`,
          });
      });
      for (const level of scale?.levels ?? []) {
        if (!criterion.descriptors[level.key]?.trim()) {
          problems.push({
            message: `${name}: describe what “${level.label || "this level"}” looks like.`,
            anchor: `descriptor-${criterion.id}-${level.key}`,
          });
        }
      }
    });
  });
  const rule = content.accreditationRule;
  if (rule.type === "none" && content.kind === "qualityMark") {
    problems.push({
      message: "State the accreditation rule: a quality mark needs one.",
      anchor: "rule",
    });
  }
  const onScale = criteriaOnMainScale(content);
  problems.push(...ruleProblems(rule, mainScale(content), onScale, "Accreditation rule", "rule"));
  for (const tier of content.awardTiers ?? []) {
    if (!tier.name.trim())
      problems.push({ message: "Every award tier needs a name.", anchor: `tier-${tier.id}` });
    problems.push(
      ...ruleProblems(
        tier.rule,
        mainScale(content),
        onScale,
        `Tier “${tier.name || "unnamed"}”`,
        `tier-${tier.id}`,
      ),
    );
  }
  problems.push(...limitProblems(content));
  return problems;
}
