import type { CollabAccess } from "../../collab/access.ts";
import { documentName } from "../../collab/document-name.ts";
import { copyForRenewal } from "../../collab/shapes/renewal.ts";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import { diffVersions } from "../../models/framework/diff.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";

/**
 * Pre-fills a new evaluation from an earlier one of the same school (the next cycle starts from
 * the previous one): judgements, narrative, evidence notes, forces and actions of every
 * criterion the new one still has; criteria reworded since keep their text but wait for a fresh
 * judgement. `before` is the earlier evaluation's framework content (null: unknown, nothing is
 * treated as reworded); `now` the new evaluation's.
 */
export async function prefillFrom(
  collab: CollabAccess,
  fresh: Pick<Evaluation, "id" | "levelsByCriterion">,
  earlier: Pick<Evaluation, "id">,
  content: {
    before: FrameworkContent | null;
    now: FrameworkContent;
    /** Judgements agreed in validation, used in place of the school's own where there is one. */
    agreed?: Record<string, string>;
  },
): Promise<void> {
  const reworded = content.before
    ? diffVersions(content.before, content.now).reworded.map((c) => c.id)
    : [];
  const old = await collab.read(documentName("evaluation", earlier.id));
  try {
    // change() loads the new document first, so the copy lands on top of its seed.
    await collab.change(documentName("evaluation", fresh.id), (doc) => {
      copyForRenewal(old, doc, {
        levelsByCriterion: fresh.levelsByCriterion,
        freshJudgementOf: reworded,
        agreed: content.agreed,
      });
    });
  } finally {
    old.destroy();
  }
}
