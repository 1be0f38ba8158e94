import { useEffect, useState } from "react";
import type { RecordEntry } from "../../../models/validation/record-state.ts";
import { readRecord } from "../../../collab/shapes/record.ts";
import { useCollabSession } from "../../collab/use-collab-session.ts";

/**
 * The validation record as everyone in the meeting sees it: the server-owned `record.<id>`
 * document (read-only for every client), falling back to what the page was rendered with.
 */
export function useLiveRecord(
  documentName: string | null,
  userId: string,
  initial: RecordEntry[],
): RecordEntry[] {
  const { session } = useCollabSession(documentName ?? "", userId, documentName !== null);
  const [entries, setEntries] = useState(initial);
  useEffect(() => setEntries(initial), [initial]);
  useEffect(() => {
    const doc = session?.doc;
    if (!doc) return;
    const read = () => {
      const live = readRecord(doc);
      if (live.length >= initial.length) setEntries(live);
    };
    read();
    doc.on("update", read);
    return () => doc.off("update", read);
  }, [session, initial]);
  return entries;
}
