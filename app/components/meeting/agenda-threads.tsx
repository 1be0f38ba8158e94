import type { ReactNode } from "react";
import type { Criterion } from "../../../models/framework/types.ts";
import type { DiscussionAbilities } from "../../../models/permissions/can.ts";
import { useCollabSession } from "../../collab/use-collab-session.ts";
import { CriterionDiscussion } from "../evaluation/criterion-discussion.tsx";
import type { MeetingMe } from "./live-meeting.tsx";
import type { AgendaItem } from "./types.ts";

/**
 * The comment threads of each agenda item, from the evaluation's discussion (browser only).
 * The evaluation itself is opened once for the page, read-only in effect, so that threads
 * anchored to a passage of the school's narrative can show where they point.
 */
export function useAgendaThreads(
  evaluationDocument: string,
  evaluationId: string,
  me: MeetingMe,
  discussion: DiscussionAbilities,
): (item: AgendaItem) => ReactNode {
  const { session } = useCollabSession(evaluationDocument, me.userId);
  const provider = session?.provider ?? null;
  return (item) => {
    // The discussion reads only the criterion's id and code.
    const criterion = {
      id: item.id,
      code: item.code,
      statement: item.statement,
      descriptors: item.descriptors,
      evidenceExpectations: [],
    } satisfies Criterion;
    return (
      <CriterionDiscussion
        evaluationId={evaluationId}
        criterion={criterion}
        levels={[]}
        provider={provider}
        readOnly
        me={me}
        discussion={discussion}
      />
    );
  };
}
