// The award functions the register, certificate, verification and renewal routes call (kept
// apart from models.server.ts so the feature can grow without touching the shared barrel), and
// the few steps those routes share. Server-only.
import type { CollabAccess } from "../collab/access.ts";
import { documentName } from "../collab/document-name.ts";
import { copyForRenewal } from "../collab/shapes/renewal.ts";
import {
  findAwardByCode,
  getAward,
  inRenewalWindow,
  listCurrentAwards,
  type Award,
} from "../models/award/award.ts";
import { longDate, renderCertificatePdf, type Certificate } from "../models/award/pdf.ts";
import type { Actor } from "../models/permissions/roles.ts";
import type { AwardStanding } from "./components/award/standing.ts";
import {
  can,
  diffVersions,
  findEvaluationById,
  getFrameworkVersion,
  getSchool,
  getTrust,
  latestVersionOf,
  listEvaluationsOfSchool,
  listSchools,
  recordAudit,
  startEvaluation,
} from "./models.server.ts";
import { todayInEngland } from "../models/dates.ts";
export { todayInEngland };

export { findAwardByCode, listCurrentAwards, longDate, renderCertificatePdf };
export { attachmentDisposition } from "../models/evidence/file-name.ts";
export type { Award, Certificate };

const sameMark = (a: Award, b: Award) =>
  a.schoolId === b.schoolId && a.frameworkId === b.frameworkId;
const newer = (a: Award, b: Award) =>
  a.startDate > b.startDate || (a.startDate === b.startDate && a.createdAt > b.createdAt);

/**
 * Where `award` stands on `today`, given the trust's current awards: superseded once a later
 * award for the same school and mark has started; otherwise expired after its expiry date, or
 * renewal due in the last 3 months (unless the next award is already granted).
 */
export function standingOf(award: Award, trustAwards: Award[], today: string): AwardStanding {
  if (award.superseded) return "superseded";
  const later = trustAwards.filter(
    (other) => other.id !== award.id && sameMark(other, award) && newer(other, award),
  );
  if (later.some((other) => other.startDate <= today)) return "superseded";
  if (award.expiryDate < today) return "expired";
  if (later.length === 0 && inRenewalWindow(award, today)) return "renewalDue";
  return "current";
}

/** The newest award of each school for each mark: the register's rows. */
export function latestPerSchoolAndMark(awards: Award[]): Award[] {
  const latest = new Map<string, Award>();
  for (const award of awards) {
    const key = `${award.schoolId}/${award.frameworkId}`;
    const held = latest.get(key);
    if (!held || newer(award, held)) latest.set(key, award);
  }
  return awards.filter((a) => latest.get(`${a.schoolId}/${a.frameworkId}`) === a);
}

/** The register: each school's latest award per mark, with the school's name and standing. */
export async function registerOf(trustId: string, today: string) {
  const [awards, schools] = await Promise.all([listCurrentAwards(trustId), listSchools(trustId)]);
  const names = new Map(schools.map((s) => [s.id, s.name]));
  return latestPerSchoolAndMark(awards).map((award) => ({
    award,
    schoolName: names.get(award.schoolId) ?? "",
    standing: standingOf(award, awards, today),
  }));
}

/**
 * The award if `actor` may read its school (the school's team, the trust's admins and leaders);
 * otherwise null, which routes answer with the same 404 as for a missing award.
 */
export async function findReadableAward(actor: Actor, awardId: string): Promise<Award | null> {
  for (const trustId of new Set(actor.grants.map((g) => g.trustId))) {
    const award = await getAward(trustId, awardId);
    if (award && can(actor, "read", { type: "school", trustId, schoolId: award.schoolId }))
      return award;
  }
  return null;
}

/** The school's leaders and the trust's admins may start the next cycle from an award. */
export function mayRenew(actor: Actor, award: Award): boolean {
  return (
    can(actor, "startEvaluation", {
      type: "school",
      trustId: award.trustId,
      schoolId: award.schoolId,
    }) || can(actor, "manage", { type: "trust", trustId: award.trustId })
  );
}

/** The certificate's facts and the award's standing today. */
export async function certificateOf(
  award: Award,
  origin: string,
  today: string,
): Promise<{ certificate: Certificate; standing: AwardStanding }> {
  const [trust, school, trustAwards] = await Promise.all([
    getTrust(award.trustId),
    getSchool(award.trustId, award.schoolId),
    listCurrentAwards(award.trustId),
  ]);
  const certificate: Certificate = {
    trustName: trust?.name ?? "",
    schoolName: school?.name ?? "",
    markName: award.frameworkName,
    tier: award.tier,
    startDate: award.startDate,
    expiryDate: award.expiryDate,
    code: award.code,
    verifyUrl: `${origin}/verify?code=${encodeURIComponent(award.code)}`,
    issuedAt: award.createdAt,
  };
  return { certificate, standing: standingOf(award, trustAwards, today) };
}

export class RenewalError extends Error {}

/**
 * Starts the next cycle from an award: a new evaluation of the school against the framework's
 * latest published version, pre-filled from the evaluation that earned the award. Pressing it
 * twice leads back to the renewal already under way rather than making a second one.
 */
export async function startRenewal(
  award: Award,
  actor: Actor,
  collab: CollabAccess,
): Promise<{ evaluationId: string; resumed: boolean }> {
  const [school, latest, previous] = await Promise.all([
    getSchool(award.trustId, award.schoolId),
    latestVersionOf(award.trustId, award.frameworkId),
    findEvaluationById(award.evaluationId),
  ]);
  if (!school || !latest)
    throw new RenewalError("This award's school or framework no longer exists.");
  const title = `${latest.content.name} renewal ${award.expiryDate.slice(0, 4)}`;
  const underWay = (await listEvaluationsOfSchool(award.trustId, award.schoolId)).find(
    (e) => e.frameworkId === award.frameworkId && e.title === title && e.status === "inProgress",
  );
  if (underWay) return { evaluationId: underWay.id, resumed: true };

  const evaluation = await startEvaluation(school, latest, { title, createdBy: actor.userId });
  if (previous && previous.trustId === award.trustId && previous.schoolId === award.schoolId) {
    const before = await getFrameworkVersion(award.trustId, previous.frameworkVersionId);
    const reworded = before
      ? diffVersions(before.content, latest.content).reworded.map((c) => c.id)
      : [];
    const old = await collab.read(documentName("evaluation", previous.id));
    try {
      // change() loads the new document first, so the copy lands on top of its seed.
      await collab.change(documentName("evaluation", evaluation.id), (doc) => {
        copyForRenewal(old, doc, {
          levelsByCriterion: evaluation.levelsByCriterion,
          freshJudgementOf: reworded,
        });
      });
    } finally {
      old.destroy();
    }
  }
  await recordAudit({
    trustId: award.trustId,
    actorId: actor.userId,
    action: "renewalStarted",
    subject: `evaluation:${evaluation.id}`,
    details: { award: award.code, from: previous?.id ?? null, frameworkVersion: latest.version },
  });
  return { evaluationId: evaluation.id, resumed: false };
}
