import type { ReactNode } from "react";
import * as Y from "yjs";
import {
  MET_SCALE,
  areasOf,
  criteriaOf,
  levelsOf,
  ordered,
  type YItem,
} from "../../../collab/shapes/framework.ts";
import { higherLevelIssue } from "../../../models/framework/completeness.ts";
import type { AccreditationRule } from "../../../models/framework/types.ts";
import { useDesigner } from "./designer-context.ts";
import { LiveOption, NumberInput, PlainTextInput, SelectInput } from "./plain-fields.tsx";
import { describeRule } from "./rule-text.ts";
import { useYDeep, useYStructure } from "./use-y.ts";

type RuleType = AccreditationRule["type"];
type MinimumLevels = Extract<AccreditationRule, { type: "minimumLevels" }>;

const TYPE_LABELS: Record<RuleType, string> = {
  minimumLevels: "Every criterion at least a level (optionally with some at a higher level)",
  validatorJudgement: "The validator's overall judgement",
  none: "No award (self-evaluation only)",
};

/** A sensible first choice when switching to "at least a level": the middle of the scale. */
function defaultLevel(levels: [string, YItem][]): string {
  return levels[Math.floor((levels.length - 1) / 2)]?.[0] ?? "";
}

/** The rule in plain English, following level labels as they are typed. */
function RuleSentence({
  rule,
  usesMet,
}: {
  rule: AccreditationRule | undefined;
  usesMet: boolean;
}) {
  const { doc } = useDesigner();
  useYDeep(levelsOf(doc));
  const labelOf = (key: string) => {
    const label = levelsOf(doc).get(key)?.get("label");
    return label instanceof Y.Text ? label.toString() : undefined;
  };
  return (
    <p className="rule-sentence">
      <strong>In plain English: </strong>
      {describeRule(rule, labelOf, usesMet)}
    </p>
  );
}

/**
 * What publishing would refuse in the "higher level" part of a rule (a level that is not higher,
 * or more criteria than use the scale), following the scale and criteria as they change.
 */
function useHigherLevelIssue(rule: AccreditationRule) {
  const { doc } = useDesigner();
  useYDeep(levelsOf(doc));
  useYStructure(areasOf(doc));
  useYStructure(criteriaOf(doc));
  const levels = ordered(levelsOf(doc)).map(([key, level]) => ({
    key,
    label: String(level.get("label") ?? ""),
  }));
  const binary = new Set(
    [...areasOf(doc).entries()].filter(([, a]) => a.get("scaleKey") === MET_SCALE).map(([k]) => k),
  );
  const onScale = [...criteriaOf(doc).values()].filter(
    (c) => !binary.has(String(c.get("areaId"))),
  ).length;
  return higherLevelIssue(rule, levels, onScale);
}

/**
 * The "at least this many criteria at level" fields, with the check beside them: announced as it
 * appears, and read with the field it is about (aria-describedby), which is marked invalid meanwhile.
 */
function HigherLevelFields({
  idPrefix,
  rule,
  locked,
  levelOptions,
  update,
}: {
  idPrefix: string;
  rule: MinimumLevels & { atLeast: NonNullable<MinimumLevels["atLeast"]> };
  locked: boolean;
  levelOptions(placeholder: string, chosen: string): ReactNode;
  update(change: Partial<MinimumLevels>): void;
}) {
  const issue = useHigherLevelIssue(rule);
  const problemId = `${idPrefix}-higher-problem`;
  const about = (field: "level" | "count") => (issue?.field === field ? problemId : undefined);
  return (
    <>
      <div className="rule-at-least">
        <NumberInput
          id={`${idPrefix}-count`}
          label="At least this many criteria"
          value={rule.atLeast.count}
          min={1}
          max={999}
          readOnly={locked}
          describedBy={about("count")}
          invalid={issue?.field === "count"}
          onCommit={(count) => update({ atLeast: { level: rule.atLeast.level, count } })}
        />
        <SelectInput
          id={`${idPrefix}-higher`}
          label="at level"
          value={rule.atLeast.level}
          disabled={locked}
          describedBy={about("level")}
          invalid={issue?.field === "level"}
          onChange={(level) => update({ atLeast: { count: rule.atLeast.count, level } })}
        >
          {levelOptions("Choose a level", rule.atLeast.level)}
        </SelectInput>
      </div>
      <div aria-live="polite">
        {issue ? (
          <p className="field-error" id={problemId}>
            {issue.message.charAt(0).toUpperCase() + issue.message.slice(1)}
          </p>
        ) : null}
      </div>
    </>
  );
}

/**
 * Controls for one accreditation rule (the framework's, or an award tier's). A rule is a plain
 * value: a change writes it whole (anything it does not show, such as binaryAreasMustBe, is kept).
 */
export function RuleEditor(props: {
  idPrefix: string;
  legend: string;
  rule: AccreditationRule | undefined;
  allowNone: boolean;
  usesMet: boolean;
  onChange(rule: AccreditationRule): void;
}) {
  const designer = useDesigner();
  const { idPrefix, rule, onChange } = props;
  const levels = ordered(levelsOf(designer.doc));
  const locked = designer.locked;
  const type: RuleType = rule?.type ?? "validatorJudgement";
  // Tiers are awards, so "no award" is offered only for the framework's own rule.
  const types = (Object.keys(TYPE_LABELS) as RuleType[]).filter(
    (t) => t !== "none" || props.allowNone || type === "none",
  );

  const choose = (next: RuleType) => {
    if (next === type) return;
    if (next === "minimumLevels")
      onChange({ type: "minimumLevels", everyCriterionAtLeast: defaultLevel(levels) });
    else if (next === "none") onChange({ type: "none", note: "" });
    else onChange({ type: "validatorJudgement" });
  };
  const update = (change: Partial<MinimumLevels>) => {
    if (rule?.type !== "minimumLevels") return;
    const next: MinimumLevels = { ...rule, ...change };
    if (change.atLeast === undefined && "atLeast" in change) delete next.atLeast;
    onChange(next);
  };
  const levelOptions = (placeholder: string, chosen: string) => (
    <>
      {levels.some(([key]) => key === chosen) ? null : <option value="">{placeholder}</option>}
      {levels.map(([key, level], i) => (
        <LiveOption
          key={key}
          value={key}
          label={level.get("label") as Y.Text | undefined}
          fallback={`Level ${i + 1}`}
        />
      ))}
    </>
  );

  return (
    <div className="rule-editor">
      <fieldset className="rule-types">
        <legend>{props.legend}</legend>
        {types.map((t) => (
          <label key={t} className="choice">
            <input
              type="radio"
              name={`${idPrefix}-type`}
              value={t}
              checked={type === t}
              disabled={locked}
              onChange={() => choose(t)}
            />
            <span>{TYPE_LABELS[t]}</span>
          </label>
        ))}
      </fieldset>

      {rule?.type === "minimumLevels" ? (
        <div className="rule-details">
          <SelectInput
            id={`${idPrefix}-floor`}
            label="Every criterion at least"
            value={rule.everyCriterionAtLeast}
            disabled={locked}
            onChange={(value) => update({ everyCriterionAtLeast: value })}
          >
            {levelOptions("Choose a level", rule.everyCriterionAtLeast)}
          </SelectInput>
          <label className="choice">
            <input
              type="checkbox"
              checked={Boolean(rule.atLeast)}
              disabled={locked}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                update({
                  atLeast: on
                    ? { count: 1, level: levels[levels.length - 1]?.[0] ?? "" }
                    : undefined,
                });
              }}
            />
            <span>And some criteria at a higher level</span>
          </label>
          {rule.atLeast ? (
            <HigherLevelFields
              idPrefix={idPrefix}
              rule={{ ...rule, atLeast: rule.atLeast }}
              locked={locked}
              levelOptions={levelOptions}
              update={update}
            />
          ) : null}
        </div>
      ) : null}

      {rule?.type === "none" ? (
        <PlainTextInput
          id={`${idPrefix}-note`}
          label="Note for schools"
          hint="For example: “Used for self-evaluation and trust review; no award is made.”"
          multiline
          value={rule.note ?? ""}
          readOnly={locked}
          onChange={(note) => onChange({ type: "none", note })}
        />
      ) : null}

      <RuleSentence rule={rule} usesMet={props.usesMet} />
    </div>
  );
}
