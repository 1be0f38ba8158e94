import { useEffect, useState } from "react";
import type { RecordEntry } from "../../../models/validation/record-state.ts";
import { readRecord } from "../../../collab/shapes/record.ts";
import { useDocumentIn } from "../../collab/collab-room.tsx";

/**
 * The validation record as everyone in the meeting sees it: the server-owned `record.<id>`
 * document (read-only for every client, opened in the page's room), falling back to what the
 * page was rendered with.
 */
export function useLiveRecord(
  documentName: string | null,
  userId: string,
  initial: RecordEntry[],
): RecordEntry[] {
  const { doc } = useDocumentIn(userId, documentName);
  const [entries, setEntries] = useState(initial);
  useEffect(() => setEntries(initial), [initial]);
  useEffect(() => {
    if (!doc) return;
    const read = () => {
      const live = readRecord(doc);
      if (live.length >= initial.length) setEntries(live);
    };
    read();
    doc.on("update", read);
    return () => doc.off("update", read);
  }, [doc, initial]);
  return entries;
}
