// The award functions the register, certificate, verification and renewal routes call (kept
// apart from models.server.ts so the feature can grow without touching the shared barrel), and
// the few steps those routes share. Server-only.
import {
  findAwardByCode,
  inRenewalWindow,
  listAwardsOfEvaluation,
  listAwardsOfSchool,
  listAwardsOfTrust,
  listCurrentAwards,
  type Award,
} from "../models/award/award.ts";
import { can } from "../models/permissions/can.ts";
import { awardResource } from "../models/permissions/loaders.ts";
import type { Actor } from "../models/permissions/roles.ts";
import { longDate, renderCertificatePdf, type Certificate } from "../models/award/pdf.ts";
import type { AwardStanding } from "./components/award/standing.ts";
import { getSchool, getTrust, listSchools } from "./models.server.ts";

export { can };
export { awardResource };
export { loadAward, trustResource } from "../models/permissions/loaders.ts";
export { previewRenewal } from "../server/commands/renewal-plan.ts";
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
    frameworkVersion: award.frameworkVersion,
    tier: award.tier,
    startDate: award.startDate,
    expiryDate: award.expiryDate,
    code: award.code,
    verifyUrl: `${origin}/verify?code=${encodeURIComponent(award.code)}`,
    issuedAt: award.createdAt,
  };
  return { certificate, standing: standingOf(award, trustAwards, today) };
}

/** An award as a school's page or an evaluation's notice lists it. */
export interface AwardRow {
  id: string;
  markName: string;
  tier: string | null;
  startDate: string;
  startLabel: string;
  expiryDate: string;
  expiryLabel: string;
  standing: AwardStanding;
  canRenew: boolean;
}

async function rowsOf(actor: Actor, awards: Award[], today: string): Promise<AwardRow[]> {
  const readable = awards.filter((a) => can(actor, "read", awardResource(a)));
  if (readable.length === 0) return [];
  return rowsAmong(actor, readable, await listCurrentAwards(readable[0].trustId), today);
}

/** The rows of `readable` (awards the person may read), standing among the trust's current awards. */
function rowsAmong(
  actor: Actor,
  readable: Award[],
  trustAwards: Award[],
  today: string,
): AwardRow[] {
  return readable.map((award) => {
    const standing = standingOf(award, trustAwards, today);
    return {
      id: award.id,
      markName: award.frameworkName,
      tier: award.tier,
      startDate: award.startDate,
      startLabel: longDate(award.startDate),
      expiryDate: award.expiryDate,
      expiryLabel: longDate(award.expiryDate),
      standing,
      canRenew:
        can(actor, "renew", awardResource(award)) &&
        (standing === "renewalDue" || standing === "expired"),
    };
  });
}

/** A school's awards the person may see, current and past, newest first. */
export async function awardsOfSchool(
  actor: Actor,
  school: { trustId: string; id: string },
  today: string,
): Promise<AwardRow[]> {
  return rowsOf(actor, await listAwardsOfSchool(school.trustId, school.id), today);
}

/**
 * Each school's awards the person may see, current and past, newest first, by school id: what
 * `awardsOfSchool` gives for one, read once per trust however many schools (Home lists a trust's
 * 5 to 100+). The trust's awards are read whole: its current ones decide each award's standing.
 */
export async function awardsOfSchools(
  actor: Actor,
  schools: { trustId: string; id: string }[],
  today: string,
): Promise<Map<string, AwardRow[]>> {
  const rows = new Map<string, AwardRow[]>();
  const trustIds = [...new Set(schools.map((s) => s.trustId))];
  await Promise.all(
    trustIds.map(async (trustId) => {
      const awards = await listAwardsOfTrust(trustId);
      const current = awards.filter((a) => !a.superseded);
      for (const school of schools.filter((s) => s.trustId === trustId)) {
        const readable = awards.filter(
          (a) => a.schoolId === school.id && can(actor, "read", awardResource(a)),
        );
        rows.set(school.id, rowsAmong(actor, readable, current, today));
      }
    }),
  );
  return rows;
}

/** The award the evaluation's validation produced, if any (the one in force, or else the latest). */
export async function awardOfEvaluation(
  actor: Actor,
  evaluation: { trustId: string; id: string },
  today: string,
): Promise<AwardRow | null> {
  const rows = await rowsOf(
    actor,
    await listAwardsOfEvaluation(evaluation.trustId, evaluation.id),
    today,
  );
  return rows.find((r) => r.standing !== "superseded") ?? rows[0] ?? null;
}
