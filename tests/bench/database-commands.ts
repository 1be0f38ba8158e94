/** Database commands by "command collection": how many, and their summed round-trip seconds. */
export type CommandTotals = Record<string, { count: number; seconds: number }>;

/** Reads `qm_database_command_seconds` (server/database/command-metrics.ts) from /metrics. */
export async function readCommandTotals(url: string, token: string): Promise<CommandTotals> {
  const response = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
  const text = await response.text();
  const totals: CommandTotals = {};
  const line = /^qm_database_command_seconds_(count|sum)\{([^}]*)\} (\S+)$/gm;
  for (const [, kind, labels, value] of text.matchAll(line)) {
    const label = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(labels)?.[1] ?? "";
    const key = `${label("command")} ${label("collection")}`.trim();
    const entry = (totals[key] ??= { count: 0, seconds: 0 });
    if (kind === "count") entry.count += Number(value);
    else entry.seconds += Number(value);
  }
  return totals;
}

/** Adds up several processes' totals. */
export function sumTotals(all: CommandTotals[]): CommandTotals {
  const sum: CommandTotals = {};
  for (const totals of all)
    for (const [key, { count, seconds }] of Object.entries(totals)) {
      const entry = (sum[key] ??= { count: 0, seconds: 0 });
      entry.count += count;
      entry.seconds += seconds;
    }
  return sum;
}

/** What happened between two readings, per edit and per second, busiest first. */
export function commandsBetween(
  before: CommandTotals,
  after: CommandTotals,
  edits: number,
  windowSeconds: number,
) {
  return Object.entries(after)
    .map(([key, { count, seconds }]) => {
      const n = count - (before[key]?.count ?? 0);
      const s = seconds - (before[key]?.seconds ?? 0);
      return {
        command: key,
        count: n,
        perSecond: n / windowSeconds,
        perEdit: edits > 0 ? n / edits : null,
        meanMs: n > 0 ? (s / n) * 1000 : null,
        secondsPerSecond: s / windowSeconds,
      };
    })
    .filter((c) => c.count > 0)
    .sort((a, b) => b.secondsPerSecond - a.secondsPerSecond);
}

/** How many commands of each kind were sent between two readings, and in all. */
export function commandCounts(before: CommandTotals, after: CommandTotals) {
  const byCommand: Record<string, number> = {};
  let total = 0;
  for (const [key, { count }] of Object.entries(after)) {
    const n = count - (before[key]?.count ?? 0);
    if (n > 0) byCommand[key] = n;
    total += n;
  }
  return { total, byCommand };
}
