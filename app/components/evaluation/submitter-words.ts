import type { Submitter } from "../../../models/evaluation/submitters.ts";

/** Whoever may submit, named as the pages say it to those who may not. */
export type SubmitterName = Pick<Submitter, "name" | "role">;

const lower = (role: string) => role.charAt(0).toLowerCase() + role.slice(1);

/**
 * "Sam Taylor (school leader)", "Sam Taylor or Jo Bloggs (school leaders)", "Sam Taylor (school
 * leader) or Priya Shah (trust admin)": who may submit, with their roles, for a sentence.
 */
export function whoSubmits(submitters: SubmitterName[]): string {
  const roles = [...new Set(submitters.map((s) => s.role))];
  const names = submitters.map((s) => s.name);
  const or = (parts: string[]) =>
    parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} or ${parts.at(-1)}`;
  if (roles.length === 1)
    return `${or(names)} (${lower(roles[0])}${submitters.length > 1 ? "s" : ""})`;
  return or(submitters.map((s) => `${s.name} (${lower(s.role)})`));
}

const NOBODY =
  "Nobody at the school can submit this evaluation for validation yet: ask your trust's admin who should.";

/**
 * What the school's team hears about submitting when they may not submit themselves: who does,
 * once the team is ready; once every criterion is judged, that it is time to tell them; once
 * submitted, that they can submit the changes made since.
 */
export function submitterHint(
  submitters: SubmitterName[],
  state: "working" | "allJudged" | "submitted",
): string {
  if (!submitters.length)
    return state === "allJudged" ? `Every criterion is judged. ${NOBODY}` : NOBODY;
  const who = whoSubmits(submitters);
  const one = submitters.length === 1;
  if (state === "submitted")
    return `${who} can submit it again for validation, with the changes made since.`;
  if (state === "allJudged")
    return one
      ? `Every criterion is judged. ${who} submits the evaluation for validation — let them know it is ready.`
      : `Every criterion is judged. ${who} can submit the evaluation for validation — let one of them know it is ready.`;
  return `${who} ${one ? "submits" : "can submit"} the evaluation for validation when the team is ready.`;
}
