import { Form, Link } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { choiceSearch } from "../../../models/insight/query.ts";
import { JUDGEMENT_SOURCE_LABELS, type JudgementSource } from "../../../models/insight/types.ts";

/** What the loader of every trust-wide insight page returns about the choice made in its URL. */
export interface ChoiceData {
  /** Each published framework with its cycles, newest first. */
  frameworks: { id: string; name: string; cycles: { id: string; name: string }[] }[];
  cycles: { id: string; name: string }[];
  frameworkId: string | null;
  cycleId: string;
  cycleName: string | null;
  source: JudgementSource;
  frameworkName: string | null;
  version: number | null;
}

export const INSIGHT_VIEWS = [
  { key: "hub", path: "/insight", label: "Overview" },
  { key: "stack", path: "/insight/stack", label: "Stack" },
  { key: "heat-map", path: "/insight/heat-map", label: "Heat map" },
  { key: "overlay", path: "/insight/overlay", label: "Overlay" },
  { key: "trends", path: "/insight/trends", label: "Trends" },
  { key: "expertise", path: "/insight/expertise", label: "Centres of expertise" },
] as const;

export type InsightViewKey = (typeof INSIGHT_VIEWS)[number]["key"];

/** The cycle in words: a cycle's name, or each school's newest evaluation. */
export function scopeInWords(choice: ChoiceData): string {
  if (!choice.frameworkName) return "No framework published yet";
  const cycle = choice.cycleName ?? "each school's newest evaluation";
  return `${choice.frameworkName} (version ${choice.version}) · ${cycle} · ${JUDGEMENT_SOURCE_LABELS[choice.source]}`;
}

/**
 * The top of every trust-wide insight page: the views (links keep the choice), and the choice
 * itself as a plain GET form: framework, cycle and whose judgement counts, all in the URL.
 */
export function InsightHeader({
  choice,
  view,
  extra,
}: {
  choice: ChoiceData;
  view: InsightViewKey;
  /** Hidden fields the view keeps when the choice changes (e.g. the area drilled into). */
  extra?: Record<string, string>;
}) {
  return (
    <div className="insight-header">
      <nav aria-label="Insight views">
        <ul className="insight-tabs">
          {INSIGHT_VIEWS.map((v) => (
            <li key={v.key}>
              <Link
                to={`${v.path}${choiceSearch(choice)}`}
                aria-current={v.key === view ? "page" : undefined}
              >
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {choice.frameworks.length ? (
        // A new choice (Show, the browser's Back) starts the form afresh from it.
        <ChoiceForm
          key={`${choice.frameworkId}/${choice.cycleId}/${choice.source}`}
          choice={choice}
          view={view}
          extra={extra}
        />
      ) : null}
      <p className="muted insight-scope">{scopeInWords(choice)}</p>
    </div>
  );
}

/**
 * The choice as a GET form. The Cycle select lists the chosen framework's cycles as soon as a
 * framework is chosen, starting at its newest; without scripts, Show sends the form and the
 * server falls back to the new framework's newest cycle (server/insight/scope.ts).
 */
function ChoiceForm({
  choice,
  view,
  extra,
}: {
  choice: ChoiceData;
  view: InsightViewKey;
  extra?: Record<string, string>;
}) {
  const id = useId();
  const here = INSIGHT_VIEWS.find((v) => v.key === view)!;
  const frameworkSelect = useRef<HTMLSelectElement>(null);
  const [frameworkId, setFrameworkId] = useState(choice.frameworkId ?? "");
  // A framework chosen before the page's scripts ran is the select's, not yet the state's.
  useEffect(() => {
    if (frameworkSelect.current) setFrameworkId(frameworkSelect.current.value);
  }, []);
  const sameFramework = frameworkId === (choice.frameworkId ?? "");
  const cycles = sameFramework
    ? choice.cycles
    : (choice.frameworks.find((f) => f.id === frameworkId)?.cycles ?? []);
  return (
    <Form method="get" action={here.path} className="insight-choice">
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor={`${id}-framework`}>Framework</label>
        <select
          ref={frameworkSelect}
          id={`${id}-framework`}
          name="framework"
          defaultValue={choice.frameworkId ?? ""}
          onChange={(event) => setFrameworkId(event.target.value)}
        >
          {choice.frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-cycle`}>Cycle</label>
        {/* Keyed by framework: another framework's list starts at its newest cycle. */}
        <select
          key={frameworkId}
          id={`${id}-cycle`}
          name="cycle"
          defaultValue={sameFramework ? choice.cycleId : (cycles[0]?.id ?? "")}
        >
          {cycles.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value="">Each school&apos;s newest evaluation</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-source`}>Whose judgement counts</label>
        <select id={`${id}-source`} name="source" defaultValue={choice.source}>
          {(Object.keys(JUDGEMENT_SOURCE_LABELS) as JudgementSource[]).map((s) => (
            <option key={s} value={s}>
              {JUDGEMENT_SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Show
      </button>
    </Form>
  );
}

/** What every view says when the trust has nothing to draw yet. */
export function NoFramework() {
  return (
    <p className="empty-state">
      Nothing to show yet: the trust has not published a framework. When a framework is published
      and schools start their evaluations, where each school stands appears here.
    </p>
  );
}

/** A level's colour beside its label: the label says it, the colour only helps. */
export function LevelMark({ label, colour }: { label: string; colour: string }) {
  return (
    <span className="level-mark">
      <span className="swatch" style={{ background: colour }} aria-hidden="true" /> {label}
    </span>
  );
}
