import type { ReactNode } from "react";
import type { ActionView, ComparisonView, CriterionRef, ForceView, MoveView } from "./view.ts";

function Criterion({ criterion }: { criterion: CriterionRef }) {
  return (
    <>
      <span className="code">{criterion.code}</span> {criterion.statement}
    </>
  );
}

/** One kind of change: a heading with its count, then the changes (or "None"). */
function ChangeList<T>({
  id,
  title,
  items,
  render,
}: {
  id: string;
  title: string;
  items: T[];
  render: (item: T) => ReactNode;
}) {
  return (
    <section className="change-list" aria-labelledby={id}>
      <h5 id={id}>{`${title} (${items.length})`}</h5>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list">{items.map(render)}</ul>
      )}
    </section>
  );
}

function Move({ move }: { move: MoveView }) {
  return (
    <li>
      <Criterion criterion={move.criterion} />
      <div className="change-detail">{move.detail}</div>
    </li>
  );
}

function ForceItem({ force }: { force: ForceView }) {
  return (
    <li>
      <Criterion criterion={force.criterion} />
      <div className="change-detail">
        {`${force.side === "helping" ? "Helping" : "Hindering"}, strength ${force.strength}: `}
        {force.text || <span className="muted">(no text)</span>}
      </div>
    </li>
  );
}

function ActionItem({ action }: { action: ActionView }) {
  return (
    <li>
      <Criterion criterion={action.criterion} />
      <div className="change-detail">
        {action.what || <span className="muted">(no description)</span>}
      </div>
    </li>
  );
}

/** What changed from one moment of the evaluation to another, as lists with counts. */
export function ComparisonResult({ comparison: c }: { comparison: ComparisonView }) {
  const move = (m: MoveView) => <Move key={m.criterion.id} move={m} />;
  const force = (f: ForceView) => <ForceItem key={f.id} force={f} />;
  const action = (a: ActionView) => <ActionItem key={a.id} action={a} />;
  return (
    <section className="comparison" aria-labelledby="comparison-heading">
      <h3 id="comparison-heading">{`From “${c.from}” to “${c.to}”`}</h3>
      <div className="comparison-groups">
        <section aria-labelledby="judgement-changes">
          <h4 id="judgement-changes">Judgements</h4>
          <ChangeList id="moved-up" title="Moved up" items={c.judgements.movedUp} render={move} />
          <ChangeList
            id="moved-down"
            title="Moved down"
            items={c.judgements.movedDown}
            render={move}
          />
          <ChangeList
            id="newly-judged"
            title="Newly judged"
            items={c.judgements.newlyJudged}
            render={move}
          />
          <ChangeList id="cleared" title="Cleared" items={c.judgements.cleared} render={move} />
          {c.judgements.notInFramework.length > 0 ? (
            <ChangeList
              id="not-in-framework"
              title={c.judgements.notInFrameworkTitle}
              items={c.judgements.notInFramework}
              render={move}
            />
          ) : null}
          <p className="muted">{`${c.judgements.unchanged} ${c.judgements.unchanged === 1 ? "judgement" : "judgements"} unchanged.`}</p>
        </section>
        <section aria-labelledby="force-changes">
          <h4 id="force-changes">Force-field</h4>
          <ChangeList
            id="forces-added"
            title="Forces added"
            items={c.forces.added}
            render={force}
          />
          <ChangeList
            id="forces-removed"
            title="Forces removed"
            items={c.forces.removed}
            render={force}
          />
        </section>
        <section aria-labelledby="action-changes">
          <h4 id="action-changes">Actions</h4>
          <ChangeList
            id="actions-completed"
            title="Actions completed"
            items={c.actions.completed}
            render={action}
          />
          <ChangeList
            id="actions-added"
            title="Actions added"
            items={c.actions.added}
            render={action}
          />
          <ChangeList
            id="actions-dropped"
            title="Actions dropped"
            items={c.actions.dropped}
            render={action}
          />
          <ChangeList
            id="actions-removed"
            title="Actions removed from the plan"
            items={c.actions.removed}
            render={action}
          />
        </section>
      </div>
    </section>
  );
}
