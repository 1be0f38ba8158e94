import { EvaluationModel, startEvaluation } from "../../models/evaluation/evaluation.ts";
import { saveProjection } from "../../models/evaluation/projection-store.ts";
import { emptyActionCounts } from "../../models/evaluation/projection.ts";
import type { EvaluationStatus, Evaluation } from "../../models/evaluation/evaluation.ts";
import type { School } from "../../models/school/school.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import { appendRecordEntry } from "../../models/validation/record.ts";
import {
  buildAward,
  buildSchool,
  buildStarterFramework,
  buildTrust,
  buildUser,
  buildValidation,
} from "./factories.ts";

const DAY = 24 * 3600_000;

/** `days` from `now` as the day it is (YYYY-MM-DD, UTC: the awards' dates need not be exact). */
const dayFrom = (now: Date, days: number) =>
  new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

/**
 * A trust of `count` schools, each with what a trust's Home shows of it (Home once read each
 * school apart): an accredited evaluation with its validation, outcome and award (every other
 * school also an earlier, superseded award); at every other school a submitted evaluation being
 * validated with its meeting booked; at every third a submitted one nobody validates yet. The
 * pattern repeats every six schools, so five schools already hold every kind.
 */
export async function buildTrustOfSchools(count: number) {
  const now = new Date();
  const trust = await buildTrust();
  const people = {
    trustAdmin: await buildUser("trustAdmin", trust, undefined, "Priya Admin"),
    trustLeader: await buildUser("trustLeader", trust, undefined, "David Leader"),
    validator: await buildUser("validator", trust, undefined, "Helen Validator"),
  };
  const version = await buildStarterFramework(trust);
  const schools: School[] = [];
  for (let i = 0; i < count; i++) {
    schools.push(await buildSchool(trust, { name: `School ${String(i).padStart(3, "0")}` }));
  }
  const headOfFirst = await buildUser("schoolLeader", trust, schools[0], "Sam Head");
  const criteria = (e: Evaluation) => Object.keys(e.levelsByCriterion);

  /** An evaluation of `school` in `status`, worked in `daysAgo` days ago. */
  async function evaluation(school: School, title: string, status: EvaluationStatus, daysAgo = 1) {
    const started = await startEvaluation(school, version, {
      title,
      createdBy: people.trustAdmin.id,
    });
    const total = criteria(started).length;
    await saveProjection(trust.id, started.id, {
      judgements: [],
      judgedCount: Math.min(total, 3),
      criteriaCount: total,
      updatedAt: now,
      lastActivityAt: new Date(now.getTime() - daysAgo * DAY),
      forceTotals: { helping: 0, hindering: 0 },
      forcesByCriterion: [],
      actionCounts: emptyActionCounts(),
      actions: [],
    });
    if (status !== "inProgress")
      await EvaluationModel.updateOne({ _id: started.id, trustId: trust.id }, { $set: { status } });
    return { ...started, status };
  }

  for (const [i, school] of schools.entries()) {
    const accredited = await evaluation(school, `Inclusion mark ${i}`, "accredited", 300);
    const validation = await buildValidation(
      accredited,
      [people.validator.id],
      people.trustAdmin.id,
    );
    await appendRecordEntry(
      trust.id,
      validation.id,
      {
        kind: "outcome",
        result: "accredited",
        tier: null,
        startDate: dayFrom(now, -200),
        expiryDate: dayFrom(now, 900),
        mustImprove: "",
        conditions: "",
        reviewDate: null,
        reason: "",
        by: people.validator.id,
      },
      `outcome ${validation.id}`,
    );
    const award = (startDays: number, expiryDays: number) =>
      buildAward({
        trustId: trust.id,
        schoolId: school.id,
        evaluationId: accredited.id,
        validationId: validation.id,
        frameworkId: accredited.frameworkId,
        frameworkName: "Inclusion Excellence",
        tier: null,
        startDate: dayFrom(now, startDays),
        expiryDate: dayFrom(now, expiryDays),
      });
    // A corrected outcome: the earlier award is superseded by the later one.
    if (i % 2 === 0) await award(-400, 700);
    // Every third school's award is in its renewal window.
    await award(-200, i % 3 === 0 ? 30 : 900);

    if (i % 2 === 1) {
      const submitted = await evaluation(school, `Self-evaluation ${i}`, "submitted");
      const beingValidated = await buildValidation(
        submitted,
        [people.validator.id],
        people.trustAdmin.id,
      );
      await saveMeetingSchedule(
        beingValidated,
        {
          scheduledAt: new Date(now.getTime() + (i + 2) * DAY),
          videoLink: "https://meet.example.org/validation",
          agendaCriterionIds: [],
        },
        criteria(submitted),
        people.validator.id,
      );
    }
    if (i % 3 === 2) await evaluation(school, `Behaviour standard ${i}`, "submitted", 2);
  }
  return { trust, schools, people: { ...people, headOfFirst } };
}

export type TrustOfSchools = Awaited<ReturnType<typeof buildTrustOfSchools>>;
