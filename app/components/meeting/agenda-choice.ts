/**
 * Which criteria the schedule form puts on the agenda, as the validator works through the
 * pre-review. The default is "where my provisional judgement differs from the school's"; it
 * follows each provisional judgement as it is saved (no reload), except for criteria the
 * validator ticked or unticked by hand, which keep their choice.
 */
export interface AgendaChoice {
  /** Ticked now. */
  chosen: ReadonlySet<string>;
  /** Ticked or unticked by hand: the default no longer moves them. */
  touched: ReadonlySet<string>;
  /** The default the choice last followed (criteria whose judgements differ). */
  differing: ReadonlySet<string>;
}

export function initialChoice(chosen: string[], differing: string[]): AgendaChoice {
  return { chosen: new Set(chosen), touched: new Set(), differing: new Set(differing) };
}

/** The validator ticked or unticked one criterion. */
export function toggle(choice: AgendaChoice, criterionId: string, on: boolean): AgendaChoice {
  const chosen = new Set(choice.chosen);
  if (on) chosen.add(criterionId);
  else chosen.delete(criterionId);
  return { ...choice, chosen, touched: new Set(choice.touched).add(criterionId) };
}

/**
 * The differences changed (a provisional judgement was saved): a criterion that now differs is
 * proposed, one that no longer differs is withdrawn, unless the validator decided it by hand.
 */
export function followDifferences(choice: AgendaChoice, differing: string[]): AgendaChoice {
  const now = new Set(differing);
  const chosen = new Set(choice.chosen);
  for (const id of new Set([...now, ...choice.differing])) {
    if (now.has(id) === choice.differing.has(id) || choice.touched.has(id)) continue;
    if (now.has(id)) chosen.add(id);
    else chosen.delete(id);
  }
  return { ...choice, chosen, differing: now };
}

/** The ticks differ from the agenda as saved: leaving now would lose them. */
export function agendaUnsaved(choice: AgendaChoice, saved: readonly string[]): boolean {
  return choice.chosen.size !== new Set(saved).size || saved.some((id) => !choice.chosen.has(id));
}
