import type { RecordEntry } from "../../../models/validation/record-state.ts";
import { useDocumentIn, type OpenDocument } from "../../collab/collab-room.tsx";
import { useDiscussion } from "../discussion/use-discussion.ts";
import { useLiveRecord } from "../validation/use-live-record.ts";

/**
 * The live documents the meeting page opens (browser only), all in the page's one room (one
 * socket, ADR 012): the meeting itself (minutes, whiteboard, agenda order, followed item), the
 * school's evaluation (read-only view: narrative, evidence summary, force-field, judgements),
 * the validation record (agreed judgements, outcome; written by the server) and the
 * evaluation's comment threads. Holding the threads here keeps them open while the person moves
 * from item to item.
 */
export function useMeetingRoom(props: {
  enabled: boolean;
  userId: string;
  meetingDocument: string;
  evaluationDocument: string;
  recordDocument: string;
  evaluationId: string;
  entries: RecordEntry[];
}): { meeting: OpenDocument; evaluation: OpenDocument; entries: RecordEntry[] } {
  const meeting = useDocumentIn(props.userId, props.enabled ? props.meetingDocument : null);
  const evaluation = useDocumentIn(props.userId, props.enabled ? props.evaluationDocument : null);
  useDiscussion(props.evaluationId, props.userId);
  const entries = useLiveRecord(
    props.enabled ? props.recordDocument : null,
    props.userId,
    props.entries,
  );
  return { meeting, evaluation, entries };
}
