import { formatMoment } from "../../../models/dates.ts";

interface Props {
  entries: number;
  sinceWholeCheck: number;
  /** When the whole log was last read and checked (ISO). */
  checkedAt: string;
  problems: { seq: number; problem: string; through?: number | null }[];
}

const describe = (p: Props["problems"][number]) =>
  p.through ? `entries ${p.seq} to ${p.through} ${p.problem}` : `entry ${p.seq} ${p.problem}`;

/** What the status box says: the finding, and when the log was read (one entry or many). */
export function auditStatusWords({ entries, sinceWholeCheck, checkedAt, problems }: Props) {
  const since =
    sinceWholeCheck === 0
      ? ""
      : sinceWholeCheck === 1
        ? "; the 1 entry added since was checked just now"
        : `; the ${sinceWholeCheck} entries added since were checked just now`;
  const finding =
    problems.length > 0
      ? `Verification failed: ${problems.map(describe).join("; ")}.`
      : entries === 1
        ? "Verified: the 1 entry is intact."
        : `Verified: all ${entries} entries are intact and in sequence.`;
  return {
    finding,
    when: `The whole log was last read and checked ${formatMoment(checkedAt)}${since}. It is read again every hour.`,
  };
}

/**
 * Whether the audit chain is intact: the last whole check's findings with what was appended
 * since (models/audit/check.ts), saying when the whole log was last read.
 */
export function AuditStatus(props: Props) {
  const { finding, when } = auditStatusWords(props);
  if (props.problems.length === 0)
    return (
      <div role="status" className="notice">
        <p>{finding}</p>
        <p className="muted">{when}</p>
      </div>
    );
  return (
    <div role="status" className="form-error">
      <p>{finding}</p>
      <p>{when}</p>
    </div>
  );
}
