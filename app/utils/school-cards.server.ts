import { listEvaluationsOfSchools } from "../../models/evaluation/evaluation.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import type { School } from "../../models/school/school.ts";
import { awardsOfSchools, todayInEngland, type AwardRow } from "../award.server.ts";
import { can, schoolResource, workingOn } from "../school.server.ts";
import { evaluationCards, type EvaluationCard } from "./evaluation-cards.server.ts";
import { groupBy } from "./group-by.ts";

/** A school as Home lists it. */
export interface SchoolCard {
  id: string;
  name: string;
  canStart: boolean;
  /** Awards in force (current or due for renewal). */
  awards: AwardRow[];
  /** What the team is working on, not merely the newest record. */
  evaluations: EvaluationCard[];
}

/**
 * Home's card of each school the person may read (`schools`, from listReadableSchools). Read per
 * trust, never per school: a trust has 5 to 100+, and Home once sent a few reads for each. The
 * evaluations of all of them (two reads), the trust's awards (one), and what their cards show of
 * validations (evaluationCards): the same number of reads for 5 schools as for 100.
 */
export async function schoolCards(
  actor: Actor,
  schools: School[],
  now = new Date(),
): Promise<SchoolCard[]> {
  const [evaluations, awards] = await Promise.all([
    Promise.all(
      [...groupBy(schools, (s) => s.trustId)].map(([trustId, listed]) =>
        listEvaluationsOfSchools(
          trustId,
          listed.map((s) => s.id),
        ),
      ),
    ).then((lists) => lists.flat()),
    awardsOfSchools(actor, schools, todayInEngland(now)),
  ]);
  // Each school's, newest first, as its own list was read.
  const ofSchool = groupBy(evaluations, (e) => `${e.trustId}/${e.schoolId}`);
  const shown = schools.map((s) => workingOn(ofSchool.get(`${s.trustId}/${s.id}`) ?? []));
  const cards = await evaluationCards(actor, shown.flat(), now, schools);
  const cardOf = new Map(shown.flat().map((e, i) => [e, cards[i]]));
  return schools.map((school, i) => ({
    id: school.id,
    name: school.name,
    canStart: can(actor, "startEvaluation", schoolResource(school)),
    // What the school has achieved stays in view after the cycle moves on.
    awards: (awards.get(school.id) ?? []).filter(
      (a) => a.standing === "current" || a.standing === "renewalDue",
    ),
    evaluations: shown[i].map((e) => cardOf.get(e)!),
  }));
}
