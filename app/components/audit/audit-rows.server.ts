// The audit log as people read it, for the page and the CSV (kept apart from models.server.ts so
// this feature does not touch the shared barrel). Server-only.
import type { ChainedEntry } from "../../../models/audit/chain.ts";
import { auditNames } from "../../../models/audit/names.ts";
import { auditSentence, auditSubject } from "../../../models/audit/sentences.ts";

export interface AuditRow {
  entry: ChainedEntry;
  /** e.g. "Helen Wright agreed 2.1 at Needs attention". */
  sentence: string;
  /** e.g. "Riverside Primary Academy · Self-evaluation 2026–27", or a person's name. */
  about: string;
  /** Who acted, by name ("System" when nobody did). */
  by: string;
}

export async function auditRows(trustId: string, entries: ChainedEntry[]): Promise<AuditRow[]> {
  const names = await auditNames(trustId, entries);
  return entries.map((entry) => ({
    entry,
    sentence: auditSentence(entry, names),
    about: auditSubject(entry, names),
    by: entry.actorId ? (names.people[entry.actorId] ?? "Someone no longer here") : "System",
  }));
}

/** What an entry records, as name and value pairs for the page (the CSV keeps the raw JSON). */
export function auditFacts(entry: ChainedEntry): [string, string][] {
  return [
    ["action", entry.action],
    ["subject", entry.subject],
    ...Object.entries(entry.details).map(([name, value]): [string, string] => [
      name,
      String(value ?? "none"),
    ]),
  ];
}
