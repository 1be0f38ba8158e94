/** The shapes the meeting components receive from the meeting route's loader (plain JSON). */
export interface LevelOption {
  key: string;
  label: string;
}

export interface CriterionRow {
  id: string;
  code: string;
  statement: string;
  areaId: string;
  areaTitle: string;
  levels: LevelOption[];
  schoolJudgement: string | null;
}

export interface AgendaItem extends CriterionRow {
  descriptors: Record<string, string>;
  evidence: { id: string; title: string; kind: string; url: string | null }[];
}

export interface Provisional {
  validatorId: string;
  criterionId: string;
  level: string;
}

export const labelOf = (levels: LevelOption[], key: string | null | undefined) =>
  levels.find((l) => l.key === key)?.label ?? "Not judged";
