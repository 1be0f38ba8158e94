/**
 * What a submission needs: something for the validator to review. An evaluation with no
 * criterion judged (on its scale) is refused, by the server and in the submit dialog alike, in
 * these words. Partly judged evaluations may be submitted (the dialog lists what is not judged).
 * The rule is about new submissions: a repeat of one already made (the same request again, over
 * the same latest submission) answers with the snapshot it made, whatever has been cleared since
 * (models/snapshot/submit.ts). Pure: the browser's dialog and the server's check share it.
 */
export function hasJudgementToSubmit(judgedCount: number): boolean {
  return judgedCount > 0;
}

export const NOTHING_JUDGED =
  "Judge at least one criterion before submitting: the validator reviews the judgements you submit, and there are none yet.";
