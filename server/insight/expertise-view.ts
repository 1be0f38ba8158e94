import { formatDay } from "../../models/dates.ts";
import {
  DEFAULT_CENTRE_CAPACITY,
  anyCounted,
  centreLevelsOf,
  centresOf,
  needingSupport,
  suggestPairings,
} from "../../models/insight/expertise.ts";
import { listPairings } from "../../models/insight/pairing.ts";
import { centreRuleNote, noCentreNote, noPairingNote } from "../../models/insight/words.ts";
import { can } from "../../models/permissions/can.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { getUsers } from "../../models/user/user.ts";
import { listWorkspacesOfTrust } from "../../models/workspace/workspace.ts";
import type { InsightScope } from "./scope.ts";

// Centres of expertise, suggested pairings and the accepted ones, for the expertise page, built
// from the scope (which has already checked who is asking).

export const MAX_CENTRE_CAPACITY = 10;

export function capacityOf(url: URL): number {
  const n = Number(url.searchParams.get("capacity"));
  return Number.isInteger(n) && n >= 1 && n <= MAX_CENTRE_CAPACITY ? n : DEFAULT_CENTRE_CAPACITY;
}

/**
 * Centres of expertise, suggested pairings and the accepted ones, each with who accepted it and
 * when, and its way on: the joint workspace made from it, or whether `actor` may start one
 * (the trust's admins: `startWorkspace` on the trust, ADR 017).
 */
export async function expertiseView(scope: InsightScope, capacity: number, actor: Actor) {
  const { content } = scope;
  if (!content) return null;
  const { current } = await scope.evaluations("current");
  // Both sides by whose judgement counts, as the Stack and heat map count.
  const source = scope.choice.source;
  const centres = centresOf(content, current, source);
  const pairings = suggestPairings(content, current, source, capacity);
  const needs = needingSupport(content, current, source);
  const counted = anyCounted(current, source);
  const frameworkId = scope.choice.frameworkId!;
  const accepted = await listPairings(scope.trustId, frameworkId);
  const names = new Map(current.map((e) => [e.schoolId, e.schoolName]));
  const [acceptors, workspaces] = accepted.length
    ? await Promise.all([
        getUsers([...new Set(accepted.map((p) => p.acceptedBy))]),
        listWorkspacesOfTrust(scope.trustId),
      ])
    : [[], []];
  const acceptorName = new Map(acceptors.map((u) => [u.id, u.name]));
  const workspaceOf = new Map(
    workspaces.flatMap((w) => (w.pairingId ? [[w.pairingId, w] as const] : [])),
  );
  const key = (areaId: string, supported: string, centre: string) =>
    `${areaId}/${supported}/${centre}`;
  const acceptedKeys = new Set(
    accepted.map((p) => key(p.areaId, p.supportedSchoolId, p.centreSchoolId)),
  );
  const paired = new Set(pairings.map((p) => `${p.areaId}/${p.supported.schoolId}`));
  return {
    capacity,
    /** Said where there is no suggestion, or no centre, for this basis (words.ts). */
    noPairings: noPairingNote(source, counted),
    noCentres: noCentreNote(source, counted),
    /** Who is a centre, named on the page (expertise.ts centreRank decides it). */
    rule: centreRuleNote(centreLevelsOf(content), source),
    /** Whether this person may start a joint workspace from an accepted pairing. */
    mayStartWorkspace: can(actor, "startWorkspace", { type: "trust", trustId: scope.trustId }),
    centres: centres
      .map((c) => ({
        schoolName: c.schoolName,
        areaTitle: c.areaTitle,
        level: c.levelLabel,
        basis: c.basis,
      }))
      .sort(
        (a, b) =>
          a.areaTitle.localeCompare(b.areaTitle) || a.schoolName.localeCompare(b.schoolName),
      ),
    suggestions: pairings.map((p) => ({
      areaId: p.areaId,
      areaTitle: p.areaTitle,
      supportedSchoolId: p.supported.schoolId,
      supportedName: p.supported.schoolName,
      centreSchoolId: p.centre.schoolId,
      centreName: p.centre.schoolName,
      explanation: p.explanation,
      accepted: acceptedKeys.has(key(p.areaId, p.supported.schoolId, p.centre.schoolId)),
    })),
    unpaired: needs
      .filter((n) => !paired.has(`${n.areaId}/${n.schoolId}`))
      .map((n) => ({
        schoolName: n.schoolName,
        areaTitle: n.areaTitle,
        level: n.levelLabel,
        // Why no pairing: every centre of the area is offered to enough schools, or there is none.
        centresFull: centres.some((c) => c.areaId === n.areaId && c.schoolId !== n.schoolId),
      })),
    accepted: accepted
      .filter((p) => names.has(p.supportedSchoolId) && names.has(p.centreSchoolId))
      .map((p) => {
        const workspace = workspaceOf.get(p.id);
        return {
          id: p.id,
          areaTitle: p.areaTitle,
          centreName: names.get(p.centreSchoolId)!,
          supportedName: names.get(p.supportedSchoolId)!,
          explanation: p.explanation,
          acceptedAt: formatDay(p.acceptedAt, "long"),
          acceptedBy: acceptorName.get(p.acceptedBy) ?? "someone no longer in the trust",
          workspace: workspace
            ? { id: workspace.id, title: workspace.title, archived: workspace.archivedAt !== null }
            : null,
        };
      }),
  };
}

export type ExpertiseView = NonNullable<Awaited<ReturnType<typeof expertiseView>>>;
