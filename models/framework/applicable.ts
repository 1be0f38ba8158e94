import type { School } from "../school/school.ts";
import type { Area, Criterion, FrameworkContent, Scale, ScaleLevel } from "./types.ts";

/** Whether an area applies to a school: early years and sixth form only where it has them. */
export function areaAppliesTo(
  area: Area,
  school: Pick<School, "hasEarlyYears" | "hasSixthForm">,
): boolean {
  return (
    !area.appliesTo ||
    (area.appliesTo === "earlyYears" && school.hasEarlyYears) ||
    (area.appliesTo === "sixthForm" && school.hasSixthForm)
  );
}

/** The areas that apply to a school. */
export function applicableAreas(content: FrameworkContent, school: School): Area[] {
  return content.areas.filter((area) => areaAppliesTo(area, school));
}

export function criteriaOf(areas: Area[]): Criterion[] {
  return areas.flatMap((area) => area.criteria);
}

export function scaleOf(content: FrameworkContent, area: Area): Scale {
  const scale = content.scales.find((s) => s.key === area.scaleKey);
  if (!scale) throw new Error(`Area ${area.id} names unknown scale ${area.scaleKey}`);
  return scale;
}

/** Each criterion's scale levels (lowest first), by criterion id, for the areas in `content`. */
export function levelsOfCriteria(content: FrameworkContent): Record<string, ScaleLevel[]> {
  return Object.fromEntries(
    content.areas.flatMap((area) => {
      const { levels } = scaleOf(content, area);
      return area.criteria.map((c) => [c.id, levels]);
    }),
  );
}
