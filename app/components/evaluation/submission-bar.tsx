/** Placeholder: submission, snapshots and history links are being built. */
export function SubmissionBar(_props: { evaluationId: string; status: string; canSubmit: boolean }) {
  return null;
}
