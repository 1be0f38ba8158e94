/**
 * What an agreed judgement still waits for, naming who confirms it (the school's leaders,
 * models/permissions/can.ts "confirm"), so school staff and observers know it is not theirs to
 * do and whom to ask: "awaiting confirmation by Sam Taylor, the school leader".
 */
export function awaitingConfirmation(input: {
  /** The user ids of whoever may confirm. */
  confirmers: string[];
  names: Record<string, string>;
  /** The person reading: may they confirm it themselves? */
  mayConfirm: boolean;
}): string {
  if (input.mayConfirm) return "awaiting your confirmation";
  const named = input.confirmers.map((id) => input.names[id]).filter(Boolean);
  if (named.length === 0) return "awaiting confirmation by the school leader";
  if (named.length === 1) return `awaiting confirmation by ${named[0]}, the school leader`;
  const list = `${named.slice(0, -1).join(", ")} or ${named[named.length - 1]}`;
  return `awaiting confirmation by ${list}, the school's leaders`;
}

/**
 * What an agreement the school had not confirmed when the outcome was recorded says from then
 * on: confirming is over (ADR 068), so it no longer waits for anyone.
 */
export const NOT_CONFIRMED_BEFORE_OUTCOME = "not confirmed before the outcome was recorded";
