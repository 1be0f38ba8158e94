import { z } from "zod";
import type { FrameworkContent } from "./types.ts";

// The shape of a framework as exported and imported (JSON). Limits keep a file from being a
// denial of service; they are well above any real framework.
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "use lower-case letters, digits and hyphens (max 60)");
const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/**
 * How long each text of a framework may be, and how many of a criterion's lists: what a file
 * may import and what the designer may publish (completeness.ts), so a published version
 * always exports as a file that imports again.
 */
export const FRAMEWORK_LIMITS = {
  name: 200,
  description: 4000,
  scaleName: 100,
  levelLabel: 60,
  levelMeaning: 300,
  areaTitle: 200,
  areaSummary: 1000,
  statement: 1000,
  guidance: 2000,
  descriptor: 2000,
  evidence: 500,
  evidenceCount: 30,
  indicator: 300,
  indicatorCount: 20,
  areaCount: 40,
  criterionCount: 60,
  ruleCount: 500,
  tierName: 60,
  ruleNote: 500,
} as const;
const L = FRAMEWORK_LIMITS;
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #1f5fa8");

const rule = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("minimumLevels"),
    everyCriterionAtLeast: id,
    atLeast: z.object({ count: z.number().int().min(1).max(L.ruleCount), level: id }).optional(),
    binaryAreasMustBe: id.optional(),
  }),
  z.object({ type: z.literal("validatorJudgement") }),
  z.object({ type: z.literal("none"), note: text(L.ruleNote) }),
]);

const level = z.object({
  key: id,
  label: text(L.levelLabel),
  colour,
  meaning: text(L.levelMeaning),
});
const scale = z.object({
  key: id,
  name: text(L.scaleName),
  levels: z.array(level).min(2, "at least 2 levels").max(7, "at most 7 levels"),
});

const criterion = z.object({
  id,
  code: text(20),
  statement: text(L.statement),
  guidance: text(L.guidance).optional(),
  descriptors: z.record(id, text(L.descriptor)),
  evidenceExpectations: z.array(text(L.evidence)).max(L.evidenceCount),
  indicators: z
    .array(z.object({ id, text: text(L.indicator) }))
    .max(L.indicatorCount)
    .optional(),
});

const area = z.object({
  id,
  title: text(L.areaTitle),
  summary: text(L.areaSummary),
  scaleKey: id,
  appliesTo: z.enum(["earlyYears", "sixthForm"]).optional(),
  criteria: z.array(criterion).max(L.criterionCount),
});

export const frameworkContentSchema = z
  .object({
    name: text(L.name).min(1, "required"),
    description: text(L.description),
    kind: z.enum(["qualityMark", "schoolSelfEvaluation", "trustSelfReview"]),
    scales: z.array(scale).min(1).max(4),
    areas: z.array(area).max(L.areaCount),
    accreditationRule: rule,
    awardTiers: z
      .array(z.object({ id, name: text(L.tierName), rule }))
      .max(6)
      .optional(),
    validityMonths: z.number().int().min(1).max(120),
  })
  .superRefine((content, ctx) => {
    const scaleKeys = new Set(content.scales.map((s) => s.key));
    const ids = new Set<string>();
    content.areas.forEach((a, i) => {
      if (!scaleKeys.has(a.scaleKey))
        ctx.addIssue({
          code: "custom",
          path: ["areas", i, "scaleKey"],
          message: "names no scale of this framework",
        });
      a.criteria.forEach((c, j) => {
        if (ids.has(c.id))
          ctx.addIssue({
            code: "custom",
            path: ["areas", i, "criteria", j, "id"],
            message: "is used by another criterion",
          });
        ids.add(c.id);
      });
    });
  }) satisfies z.ZodType<FrameworkContent>;

export interface ImportError {
  /** Where in the file, e.g. "areas[1].criteria[0].statement". */
  path: string;
  message: string;
}

function formatPath(path: PropertyKey[]): string {
  return (
    path.reduce<string>(
      (out, part) =>
        typeof part === "number"
          ? `${out}[${part}]`
          : out
            ? `${out}.${String(part)}`
            : String(part),
      "",
    ) || "(file)"
  );
}

/** Parses an exported framework file: the content, or every problem with its path. */
export function parseFrameworkFile(
  json: string,
): { content: FrameworkContent; errors: null } | { content: null; errors: ImportError[] } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { content: null, errors: [{ path: "(file)", message: "is not valid JSON" }] };
  }
  // Exports wrap the content with a little metadata; accept both.
  const body =
    data && typeof data === "object" && "content" in data
      ? (data as { content: unknown }).content
      : data;
  const result = frameworkContentSchema.safeParse(body);
  if (result.success) return { content: result.data, errors: null };
  return {
    content: null,
    errors: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}
