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

/**
 * Whether the audit chain is intact: the last whole check's findings with what was appended
 * since (models/audit/check.ts), saying when the whole log was last read.
 */
export function AuditStatus({ entries, sinceWholeCheck, checkedAt, problems }: Props) {
  const when = `The whole log was last read and checked ${formatMoment(checkedAt)}${
    sinceWholeCheck > 0
      ? `; ${sinceWholeCheck === 1 ? "the 1 entry added since was" : `the ${sinceWholeCheck} entries added since were`} checked just now`
      : ""
  }. It is read again every hour.`;
  if (problems.length === 0)
    return (
      <div role="status" className="notice">
        <p>{`Verified: all ${entries} entries are intact and in sequence.`}</p>
        <p className="muted">{when}</p>
      </div>
    );
  return (
    <div role="status" className="form-error">
      <p>{`Verification failed: ${problems.map(describe).join("; ")}.`}</p>
      <p>{when}</p>
    </div>
  );
}
