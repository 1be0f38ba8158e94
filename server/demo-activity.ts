// The demo trust's first cycle under way, so that each demo person finds something to do: the
// admin has distributed the framework to the four schools as the cycle "Self-evaluation
// 2026–27" (Riverside's evaluation joins it), three of them have judged themselves (the trust
// leader's Stack, Overlay and heat map compare four schools, not one), and Hillcrest has
// submitted and has a validator and a meeting (the demo validator's home lists it). Riverside's
// evaluation stays untouched for trying the self-evaluation from the start. Done through the
// same commands and live documents as a person would, so every page and projection agrees.
import type { CollabAccess } from "../collab/access.ts";
import { documentName } from "../collab/document-name.ts";
import { setJudgement } from "../collab/shapes/evaluation.ts";
import { listEvaluationsOfSchool, type Evaluation } from "../models/evaluation/evaluation.ts";
import type { FrameworkVersion } from "../models/framework/framework.ts";
import { loadActor } from "../models/membership/membership.ts";
import { toLondonLocal } from "../models/meeting/schedule.ts";
import type { Actor, Role } from "../models/permissions/roles.ts";
import type { School } from "../models/school/school.ts";
import { DEMO_EVALUATION_TITLE, DEMO_PEOPLE } from "../models/seed/demo.ts";
import { findUserByEmail } from "../models/user/user.ts";
import { assignValidators } from "./commands/assign-validators.ts";
import { distributeFramework } from "./commands/distribute-framework.ts";
import { scheduleMeeting } from "./commands/schedule-meeting.ts";
import { submitEvaluation } from "./commands/submit-evaluation.ts";

/** The demo schools by their place in the demo's list (models/seed/demo.ts). */
const HILLCREST = 1;

/**
 * How each school judged itself, by its place in the demo's list: a rank on its scale (0 the
 * lowest) for the area at `areaIndex`. Hillcrest is at the expected standard and strong in
 * inclusion, Oakfield needs support in most areas, Meadowbank is strong with exceptional
 * curriculum and teaching (a school to pair others with). Riverside (0) is left untouched.
 */
const JUDGED_AS: Record<number, (areaIndex: number) => number> = {
  [HILLCREST]: (area) => (area === 1 ? 3 : area === 4 ? 1 : 2),
  2: (area) => (area === 2 || area === 6 ? 2 : 1),
  3: (area) => (area === 2 ? 4 : 3),
};

/** The demo person with this role (at the school at `school` in the demo's list). */
async function demoActor(role: Role, school?: number): Promise<Actor> {
  const person = DEMO_PEOPLE.find((p) => p.role === role && p.school === school);
  const user = person && (await findUserByEmail(person.email));
  const actor = user && (await loadActor(user.id));
  if (!actor) throw new Error(`The demo's ${role} is missing`);
  return actor;
}

/** Judges every criterion of the evaluation, in its live document. */
async function judge(
  collab: CollabAccess,
  evaluation: Evaluation,
  rankIn: (areaIndex: number) => number,
  version: FrameworkVersion,
): Promise<void> {
  const areaOf = new Map(
    version.content.areas.flatMap((area, index) => area.criteria.map((c) => [c.id, index])),
  );
  await collab.change(documentName("evaluation", evaluation.id), (doc) => {
    for (const [criterionId, levels] of Object.entries(evaluation.levelsByCriterion)) {
      // A two-level criterion (met / not met, e.g. safeguarding) is met.
      const rank = levels.length === 2 ? 1 : rankIn(areaOf.get(criterionId) ?? 0);
      setJudgement(doc, criterionId, levels[Math.min(rank, levels.length - 1)]);
    }
  });
}

/** The first weekday `days` or more from `now` (a UK date, yyyy-mm-dd). */
function weekdayFrom(now: Date, days: number): string {
  const day = new Date(now.getTime() + days * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return toLondonLocal(day).slice(0, 10);
}

/** How long the schools have to evaluate themselves: about a term. */
const DUE_IN_DAYS = 70;

/**
 * Seeds the activity above for a newly created demo trust (`schools` in the demo's order,
 * Riverside first). Only the evaluations the distribution creates are judged: seeding again
 * changes nothing.
 */
export async function seedDemoActivity(
  collab: CollabAccess,
  schools: School[],
  version: FrameworkVersion,
  now = new Date(),
): Promise<void> {
  const admin = await demoActor("trustAdmin");
  const validator = await demoActor("validator");
  const distributed = await distributeFramework(
    { actor: admin, collab },
    {
      versionId: version.id,
      name: DEMO_EVALUATION_TITLE,
      dueDate: weekdayFrom(now, DUE_IN_DAYS),
      schoolId: schools.map((s) => s.id),
    },
  );
  for (const [index, school] of schools.entries()) {
    const rankIn = JUDGED_AS[index];
    if (!rankIn || !distributed.created.includes(school.name)) continue;
    const evaluation = (await listEvaluationsOfSchool(school.trustId, school.id)).find(
      (e) => e.cycleId === distributed.cycleId,
    );
    if (!evaluation) throw new Error(`The demo cycle has no evaluation for ${school.name}`);
    await judge(collab, evaluation, rankIn, version);
    if (index !== HILLCREST) continue;
    const head = await demoActor("schoolLeader", HILLCREST);
    await submitEvaluation({ actor: head, collab }, { evaluationId: evaluation.id });
    const validation = await assignValidators(
      { actor: admin, collab },
      { evaluationId: evaluation.id, validatorIds: [validator.userId] },
    );
    await scheduleMeeting(
      { actor: validator, collab },
      {
        validationId: validation.id,
        scheduledAt: `${weekdayFrom(now, 7)}T10:00`,
        videoLink: "https://meet.example.org/hillcrest-validation",
        durationMinutes: 90,
        // What a validator would look at first: where the school judged itself strongest and
        // where it needs attention (inclusion, attendance and behaviour).
        agendaCriterionIds: [1, 4].flatMap((area) =>
          (version.content.areas[area]?.criteria ?? []).map((c) => c.id),
        ),
      },
    );
  }
}
