import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import {
  indicatorRatingsOf,
  judgementsOf,
  narrativeField,
  evidenceField,
  ratingKey,
} from "../../collab/shapes/evaluation.ts";
import { actionsOf, addAction, addForce } from "../../collab/shapes/plan.ts";
import { startEvaluation, type Evaluation } from "../../models/evaluation/evaluation.ts";
import { ensureStarterFramework, publishVersion } from "../../models/framework/framework.ts";
import { ofsted2025SelfEvaluation } from "../../models/framework/starters/ofsted-2025.ts";
import {
  behaviourAttendanceStandard,
  inclusionExcellence,
  personalDevelopmentMark,
} from "../../models/framework/starters/quality-marks.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { newRequestId } from "../../models/input.ts";
import { loadActor } from "../../models/membership/membership.ts";
import type { School } from "../../models/school/school.ts";
import type { User } from "../../models/user/user.ts";
import type { AppServer } from "../../server/app.ts";
import { agreeJudgement } from "../../server/commands/agree-judgement.ts";
import { assignValidators } from "../../server/commands/assign-validators.ts";
import { confirmJudgement } from "../../server/commands/confirm-judgement.ts";
import type { CommandContext } from "../../server/commands/context.ts";
import { createFramework } from "../../server/commands/create-framework.ts";
import { distributeFramework } from "../../server/commands/distribute-framework.ts";
import { addEvidenceLink } from "../../server/commands/evidence.ts";
import { inviteContributor, recordPerspective } from "../../server/commands/perspectives.ts";
import { recordOutcome } from "../../server/commands/record-outcome.ts";
import { recordProvisionalJudgement } from "../../server/commands/record-provisional-judgement.ts";
import { replyToThread } from "../../server/commands/reply-to-thread.ts";
import { scheduleMeeting } from "../../server/commands/schedule-meeting.ts";
import { startThread } from "../../server/commands/start-thread.ts";
import { submitEvaluation } from "../../server/commands/submit-evaluation.ts";
import {
  chooseMembers,
  createWorkspace,
  respondToInvitation,
} from "../../server/commands/workspace.ts";
import { addJointAction, addLibraryItem } from "../../server/commands/workspace-content.ts";
import { scheduleWorkspaceMeeting } from "../../server/commands/workspace-meeting.ts";
import { WorkspaceMeetingModel } from "../../models/workspace/meetings.ts";
import { toLondonLocal } from "../../models/meeting/schedule.ts";
import { buildSchool, buildTrust, buildUser } from "./factories.ts";

/**
 * A demo-like trust, made the way people make it (through the server's commands and live
 * documents), for tests that look at every page with real content: long names, judgements,
 * narrative, evidence, forces, actions, comments, a contributor's perspective, a submitted
 * quality mark under validation with a scheduled meeting and agreed judgements, an accredited
 * one with its award, a cycle, and a framework with two versions and a draft.
 */
export async function buildDemoWorld(server: AppServer) {
  const trust = await buildTrust("Riverside Learning Trust");
  const school = await buildSchool(trust, { name: "Riverside Primary Academy", urn: "140001" });
  const otherSchool = await buildSchool(trust, {
    name: "Hillcrest Church of England Voluntary Aided Primary School",
    urn: "140002",
  });
  const people = {
    trustAdmin: await buildUser("trustAdmin", trust, undefined, "Priya Shah"),
    trustLeader: await buildUser("trustLeader", trust, undefined, "David Okafor"),
    validator: await buildUser("validator", trust, undefined, "Helen Wright"),
    schoolLeader: await buildUser("schoolLeader", trust, school, "Sam Taylor"),
    staff: await buildUser("schoolStaff", trust, school, "Alex Morgan"),
    staff2: await buildUser("schoolStaff", trust, school, "Chris Evans"),
    contributor: await buildUser("schoolLeader", trust, otherSchool, "Jordan Lee"),
  };
  const ctx = async (user: User): Promise<CommandContext> => ({
    actor: (await loadActor(user.id))!,
    collab: server.collab,
  });
  const [admin, leader, staff, validator, contributor] = await Promise.all([
    ctx(people.trustAdmin),
    ctx(people.schoolLeader),
    ctx(people.staff),
    ctx(people.validator),
    ctx(people.contributor),
  ]);

  // The school's self-evaluation, well under way.
  const ofsted = await ensureStarterFramework(
    trust.id,
    "ofsted-2025-self-evaluation",
    ofsted2025SelfEvaluation,
  );
  const evaluation = await startEvaluation(school, ofsted, {
    title: "Self-evaluation 2026–27",
    createdBy: people.schoolLeader.id,
  });
  await fill(server, evaluation, ofsted2025SelfEvaluation, people, 7);
  const criteria = Object.keys(evaluation.levelsByCriterion);
  await addEvidenceLink(staff, {
    evaluationId: evaluation.id,
    url: "https://riverside.example/policies/safeguarding/2026/child-protection-and-safeguarding-policy-version-4-approved-by-governors.pdf",
    title: "Child protection and safeguarding policy (approved by governors, September 2026)",
    criterionId: criteria[0],
  });
  const thread = await startThread(staff, {
    evaluationId: evaluation.id,
    requestId: newRequestId(),
    criterionId: criteria[0],
    anchor: null,
    quote: "",
    body: "Should we cite the attendance figures for disadvantaged pupils here as well?",
  });
  await replyToThread(leader, {
    evaluationId: evaluation.id,
    threadId: thread.threadId,
    requestId: newRequestId(),
    body: "Yes: the autumn term figures, with the comparison to last year.",
  });
  await inviteContributor(leader, {
    evaluationId: evaluation.id,
    userId: people.contributor.id,
    perspective: "executiveLeader",
  });
  await recordPerspective(contributor, {
    evaluationId: evaluation.id,
    judgements: Object.fromEntries(
      criteria.slice(0, 5).map((id) => [id, evaluation.levelsByCriterion[id].at(-1)!]),
    ),
  });
  // The trust has since published a second version, so the school may move to it.
  const v2: FrameworkContent = structuredClone(ofsted.content);
  v2.areas[0].criteria[0].statement += " (reworded for 2027)";
  await publishVersion(trust.id, ofsted.frameworkId, v2);

  // A quality mark, submitted and under validation, its meeting scheduled.
  const underValidation = await qualityMark(
    server,
    school,
    "inclusion-excellence",
    inclusionExcellence,
    people,
  );
  await submitEvaluation(leader, { evaluationId: underValidation.id, basedOn: "none" });
  const validation = await assignValidators(admin, {
    evaluationId: underValidation.id,
    validatorIds: [people.validator.id],
  });
  const markCriteria = Object.keys(underValidation.levelsByCriterion);
  for (const criterionId of markCriteria.slice(0, 4)) {
    await recordProvisionalJudgement(validator, {
      validationId: validation.id,
      criterionId,
      level: underValidation.levelsByCriterion[criterionId][1],
    });
  }
  await scheduleMeeting(validator, {
    validationId: validation.id,
    scheduledAt: londonLocal(new Date(Date.now() + 2 * 24 * 3600_000)),
    videoLink: "https://meet.example.org/riverside-inclusion-excellence-validation",
    agendaCriterionIds: markCriteria.slice(0, 4),
  });
  for (const criterionId of markCriteria.slice(0, 2)) {
    await agreeJudgement(validator, {
      validationId: validation.id,
      criterionId,
      level: underValidation.levelsByCriterion[criterionId][1],
      rationale: "Seen in the pupils' books, the provision maps and the parents' survey.",
      basedOn: "0",
    });
  }
  await confirmJudgement(leader, {
    validationId: validation.id,
    criterionId: markCriteria[0],
    agreedSeq: "1",
  });
  await server.collab.change(documentName("meeting", validation.id), (doc) =>
    doc
      .getXmlFragment("minutes")
      .insert(0, [paragraph("Present: Sam Taylor, Alex Morgan, Helen Wright (validator).")]),
  );

  // Another quality mark, accredited: its award and certificate.
  const accredited = await qualityMark(
    server,
    school,
    "behaviour-attendance-standard",
    behaviourAttendanceStandard,
    people,
  );
  await submitEvaluation(leader, { evaluationId: accredited.id, basedOn: "none" });
  const accreditation = await assignValidators(admin, {
    evaluationId: accredited.id,
    validatorIds: [people.validator.id],
  });
  const { award } = await recordOutcome(validator, {
    validationId: accreditation.id,
    result: "accredited",
    startDate: new Date().toISOString().slice(0, 10),
    reason: "Strong, consistent evidence across every area seen in the meeting.",
    basedOn: "0",
  });

  // A cycle distributing a quality mark to both schools, and a draft framework in the designer.
  const mark = await ensureStarterFramework(
    trust.id,
    "personal-development-mark",
    personalDevelopmentMark,
  );
  const distribution = await distributeFramework(admin, {
    versionId: mark.id,
    name: "Personal development mark 2026–27",
    dueDate: new Date(Date.now() + 90 * 24 * 3600_000).toISOString().slice(0, 10),
    schoolId: [school.id, otherSchool.id],
  });
  const draft = await createFramework(admin, {
    starter: "inclusion-excellence",
    requestId: newRequestId(),
  });

  // A joint workspace: Riverside invited Hillcrest (Jordan Lee accepted), with members, a
  // library item and a joint action.
  const { workspace } = await createWorkspace(leader, {
    leadSchoolId: school.id,
    title: "Reading together",
    purpose: "A shared approach to early reading.",
    schoolIds: [otherSchool.id],
    requestId: newRequestId(),
  });
  await respondToInvitation(contributor, {
    workspaceId: workspace.id,
    schoolId: otherSchool.id,
    answer: "accept",
  });
  await chooseMembers(leader, {
    workspaceId: workspace.id,
    schoolId: school.id,
    memberIds: [people.schoolLeader.id, people.staff.id],
  });
  await addLibraryItem(staff, {
    workspaceId: workspace.id,
    title: "Phonics sequence",
    description: "Our daily phonics plan for Reception.",
    url: "https://example.org/phonics",
  });
  await addJointAction(leader, {
    workspaceId: workspace.id,
    title: "Swap reading-for-pleasure plans",
    ownerId: people.staff.id,
    dueDate: "2027-03-01",
  });

  // Its meetings: one last week (its minutes kept), one next week. No form takes a time already
  // passed: the first is scheduled for tomorrow, then time passes (its start moves back).
  const meetings = [];
  for (const [title, days] of [
    ["Where we each start", -7],
    ["Phonics review", 7],
  ] as const) {
    const { meeting } = await scheduleWorkspaceMeeting(staff, {
      workspaceId: workspace.id,
      title,
      scheduledAt: toLondonLocal(new Date(Date.now() + Math.max(days, 1) * 24 * 3600_000)),
      durationMinutes: "60",
      videoLink: "https://meet.example.org/reading-together",
      agenda: "Where each school is\nDecodable books\nNext steps",
      requestId: newRequestId(),
    });
    if (days < 0)
      await WorkspaceMeetingModel.updateOne(
        { _id: meeting.id },
        { $set: { scheduledAt: new Date(Date.now() + days * 24 * 3600_000) } },
      );
    meetings.push(meeting.id);
  }

  return {
    workspaceId: workspace.id,
    workspaceMeetingIds: meetings,
    trust,
    school,
    otherSchool,
    people,
    evaluation,
    underValidation,
    validation,
    accredited,
    award: award!,
    cycleId: distribution.cycleId,
    markVersionId: mark.id,
    frameworkId: ofsted.frameworkId,
    draftFrameworkId: draft.id,
  };
}

export type DemoWorld = Awaited<ReturnType<typeof buildDemoWorld>>;

async function qualityMark(
  server: AppServer,
  school: School,
  key: string,
  content: FrameworkContent,
  people: { schoolLeader: User; staff: User; staff2: User },
): Promise<Evaluation> {
  const version = await ensureStarterFramework(school.trustId, key, content);
  const evaluation = await startEvaluation(school, version, {
    title: `${content.name} 2026–27`,
    createdBy: people.schoolLeader.id,
  });
  await fill(server, evaluation, content, people, Infinity);
  return evaluation;
}

/** Judges the first `count` criteria (second-highest level), with narrative, evidence, RAG, forces and actions. */
async function fill(
  server: AppServer,
  evaluation: Evaluation,
  content: FrameworkContent,
  people: { staff: User; staff2: User },
  count: number,
) {
  const criteria = content.areas
    .filter((area) => evaluation.areaIds.includes(area.id))
    .flatMap((area) => area.criteria)
    .filter((c) => evaluation.levelsByCriterion[c.id]);
  await server.collab.change(documentName("evaluation", evaluation.id), (doc) => {
    criteria.slice(0, count).forEach((criterion, index) => {
      const levels = evaluation.levelsByCriterion[criterion.id];
      judgementsOf(doc).set(criterion.id, levels[Math.max(0, levels.length - 2)]);
      if (index >= 3) return;
      doc
        .getXmlFragment(narrativeField(criterion.id))
        .insert(0, [
          paragraph(
            "Pupils' needs are identified early through the termly pupil progress meetings, " +
              "and the provision map (https://riverside.example/send/provision-map-2026-27) " +
              "is reviewed by the SENCo with class teachers every half term.",
          ),
        ]);
      doc
        .getXmlFragment(evidenceField(criterion.id))
        .insert(0, [paragraph("Learning walks, book looks and the pupil voice survey.")]);
      for (const [i, indicator] of (criterion.indicators ?? []).entries())
        indicatorRatingsOf(doc).set(
          ratingKey(criterion.id, indicator.id),
          (["green", "amber", "red"] as const)[i % 3],
        );
      addForce(doc, criterion.id, "helping", "Experienced SENCo with protected time", 4);
      addForce(doc, criterion.id, "hindering", "Staff turnover in upper key stage 2", 3);
      const actionId = addAction(
        doc,
        criterion.id,
        "Train every teaching assistant in the new phonics programme before the spring term",
      );
      const action = actionsOf(doc).get(actionId)!;
      action.set("ownerId", index % 2 ? people.staff2.id : people.staff.id);
      action.set("due", index === 0 ? "2026-01-15" : "2027-03-31");
      action.set("status", index === 1 ? "inProgress" : "notStarted");
    });
  });
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** A moment as the `datetime-local` value a person in the UK would type. */
function londonLocal(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:00`;
}
