import { describe, expect, it } from "vitest";
import { auditStatusWords } from "../../app/components/audit/audit-status.tsx";

const checkedAt = "2027-01-16T08:05:00Z";

describe("the audit log's status box", () => {
  it("speaks of one entry as one, on a new installation's log", () => {
    const words = auditStatusWords({ entries: 1, sinceWholeCheck: 1, checkedAt, problems: [] });
    expect(words.finding).toBe("Verified: the 1 entry is intact.");
    expect(words.when).toBe(
      "The whole log was last read and checked 16 Jan 2027, 08:05; the 1 entry added since was checked just now. It is read again every hour.",
    );
  });

  it("speaks of many entries as many, and of none added since by leaving it out", () => {
    const words = auditStatusWords({ entries: 40, sinceWholeCheck: 3, checkedAt, problems: [] });
    expect(words.finding).toBe("Verified: all 40 entries are intact and in sequence.");
    expect(words.when).toContain("; the 3 entries added since were checked just now.");
    const none = auditStatusWords({ entries: 40, sinceWholeCheck: 0, checkedAt, problems: [] });
    expect(none.when).toBe(
      "The whole log was last read and checked 16 Jan 2027, 08:05. It is read again every hour.",
    );
  });

  it("names each problem, a run of missing entries as a range", () => {
    const words = auditStatusWords({
      entries: 40,
      sinceWholeCheck: 0,
      checkedAt,
      problems: [
        { seq: 7, problem: "altered" },
        { seq: 9, problem: "missing", through: 12 },
      ],
    });
    expect(words.finding).toBe("Verification failed: entry 7 altered; entries 9 to 12 missing.");
  });
});
