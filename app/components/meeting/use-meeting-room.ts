import type { RecordEntry } from "../../../models/validation/record-state.ts";
import { useCollabSession, type CollabStatus } from "../../collab/use-collab-session.ts";
import { useDiscussion } from "../discussion/use-discussion.ts";
import { useLiveRecord } from "../validation/use-live-record.ts";

/**
 * The live documents the meeting page opens (browser only), in one place: the meeting itself
 * (minutes, whiteboard, agenda order, followed item), the school's evaluation (read-only view:
 * narrative, evidence summary, force-field, judgements) and the validation record (agreed
 * judgements, outcome; written by the server), and the evaluation's comment threads. The
 * threads are shared per page (use-discussion.ts): holding them here keeps their one socket
 * open while the person moves from item to item.
 */
export function useMeetingRoom(props: {
  enabled: boolean;
  userId: string;
  meetingDocument: string;
  evaluationDocument: string;
  recordDocument: string;
  evaluationId: string;
  entries: RecordEntry[];
}): { meeting: CollabStatus; evaluation: CollabStatus; entries: RecordEntry[] } {
  const meeting = useCollabSession(props.meetingDocument, props.userId, props.enabled);
  const evaluation = useCollabSession(props.evaluationDocument, props.userId, props.enabled);
  useDiscussion(props.evaluationId, props.userId);
  const entries = useLiveRecord(
    props.enabled ? props.recordDocument : null,
    props.userId,
    props.entries,
  );
  return { meeting, evaluation, entries };
}
