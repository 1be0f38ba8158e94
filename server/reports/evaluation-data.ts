import * as Y from "yjs";
import type { CollabAccess } from "../../collab/access.ts";
import { documentName } from "../../collab/document-name.ts";
import { evidenceField, narrativeField, readJudgements } from "../../collab/shapes/evaluation.ts";
import { attachedItemIds } from "../../collab/shapes/evidence.ts";
import { ACTION_STATUS_LABELS, readActions, readForces } from "../../collab/shapes/plan.ts";
import { readRichText } from "../../collab/shapes/rich-text.ts";
import { CYCLE_STATUS_LABELS } from "../../models/cycle/status.ts";
import { getCycle } from "../../models/cycle/cycle.ts";
import { formatDay, formatMoment } from "../../models/dates.ts";
import { NotFoundError } from "../../models/errors.ts";
import { frameworkOfEvaluation } from "../../models/evaluation/framework-of.ts";
import { listEvidenceOfEvaluation, type EvidenceItem } from "../../models/evidence/evidence.ts";
import { scaleOf } from "../../models/framework/applicable.ts";
import { loadEvaluation } from "../../models/permissions/loaders.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import type { FrameworkVersion } from "../../models/framework/framework.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { frameworkOfSnapshot } from "../../models/snapshot/framework-as-taken.ts";
import { levelAsTaken, levelNamesIn, type NamedLevel } from "../../models/snapshot/level-names.ts";
import { getSnapshot, SNAPSHOT_KIND_LABELS } from "../../models/snapshot/snapshot.ts";
import { getTrust } from "../../models/trust/trust.ts";
import { getUsers } from "../../models/user/user.ts";
import type { EvaluationReportData, PrintedEvidence } from "./report-data.ts";

/** A criterion's judgement at the moment the report shows, given its scale's levels then. */
type LevelAt = (criterionId: string, levels: readonly NamedLevel[]) => NamedLevel | null;

/**
 * The evaluation at the moment the report shows: the live document, or a submission's copy.
 * A submission's judgements are those it counted, each named as its scale named the level when
 * it was submitted (ADR 063), and it is printed against the framework version it was submitted
 * against (`framework`: its areas, criteria and descriptors, a criterion removed since included),
 * whatever version the evaluation has moved to since. The live one is printed against the
 * evaluation's current version (`framework` null).
 */
async function stateOf(
  collab: CollabAccess,
  evaluation: { id: string; trustId: string },
  version: string,
  now: Date,
): Promise<{
  doc: Y.Doc;
  asOf: string;
  status: string | null;
  levelOf: LevelAt;
  framework: { version: FrameworkVersion; content: FrameworkContent } | null;
}> {
  if (version === "now") {
    const doc = await collab.read(documentName("evaluation", evaluation.id));
    const judgements = readJudgements(doc);
    return {
      doc,
      asOf: `As now (live), ${formatMoment(now)}`,
      status: null,
      levelOf: (criterionId, levels) =>
        levels.find((l) => l.key === judgements[criterionId]) ?? null,
      framework: null,
    };
  }
  const snapshot = await getSnapshot(evaluation.trustId, evaluation.id, version);
  if (!snapshot) throw new NotFoundError();
  const framework = await frameworkOfSnapshot(snapshot);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot.state);
  const names = levelNamesIn(snapshot);
  const judgements = new Map(snapshot.projection.judgements.map((j) => [j.criterionId, j.level]));
  return {
    doc,
    asOf: `As submitted ${formatMoment(snapshot.createdAt)}`,
    status: SNAPSHOT_KIND_LABELS[snapshot.kind],
    levelOf: (criterionId, levels) => {
      const key = judgements.get(criterionId);
      return key === undefined ? null : levelAsTaken(names, criterionId, key, levels);
    },
    framework,
  };
}

function printedEvidence(item: EvidenceItem, criteria: string[]): PrintedEvidence {
  return {
    kind: item.kind,
    title: item.title,
    detail: item.kind === "link" ? (item.url ?? "") : (item.fileName ?? ""),
    href: item.kind === "link" ? item.url : null,
    criteria,
  };
}

/**
 * Everything the evaluation report prints, for someone who may read the evaluation (checked
 * again here, at the moment the report is made): every area and criterion with its judgement and
 * descriptor, narrative and evidence summary as rich text, evidence, force-fields and actions.
 */
export async function evaluationReportData(
  actor: Actor,
  collab: CollabAccess,
  params: { evaluationId: string; version: string },
  now = new Date(),
): Promise<EvaluationReportData> {
  const { evaluation } = await loadEvaluation(actor, params.evaluationId);
  const [current, trust, cycle, items, state] = await Promise.all([
    frameworkOfEvaluation(evaluation),
    getTrust(evaluation.trustId),
    evaluation.cycleId ? getCycle(evaluation.trustId, evaluation.cycleId) : null,
    listEvidenceOfEvaluation(evaluation.trustId, evaluation.id),
    stateOf(collab, evaluation, params.version, now),
  ]);
  const { school } = current;
  // As submitted: the version submitted against; as now: the evaluation's current one.
  const { version, content } = state.framework ?? current;
  const { doc } = state;
  try {
    const forces = readForces(doc);
    const actions = readActions(doc);
    const codes = new Map(content.areas.flatMap((a) => a.criteria.map((c) => [c.id, c.code])));
    const itemsById = new Map(items.map((i) => [i.id, i]));
    const attachedTo = new Map<string, string[]>();
    for (const [criterionId, code] of codes)
      for (const itemId of attachedItemIds(doc, criterionId))
        attachedTo.set(itemId, [...(attachedTo.get(itemId) ?? []), code]);
    const owners = new Map(
      (await getUsers([...new Set(actions.flatMap((a) => (a.ownerId ? [a.ownerId] : [])))])).map(
        (u) => [u.id, u.name],
      ),
    );
    const forceText = new Map(forces.map((f) => [f.id, f.text.trim() || "(not described yet)"]));

    return {
      kind: "evaluation",
      trustName: trust?.name ?? "",
      schoolName: school.name,
      title: evaluation.title,
      frameworkName: version.content.name,
      frameworkVersion: version.version,
      cycleName: cycle?.name ?? null,
      status: state.status ?? CYCLE_STATUS_LABELS[evaluation.status],
      asOf: state.asOf,
      generatedAt: formatDay(now),
      areas: content.areas.map((area) => {
        const scale = scaleOf(content, area);
        return {
          title: area.title,
          summary: area.summary,
          criteria: area.criteria.map((criterion) => {
            const level = state.levelOf(criterion.id, scale.levels);
            return {
              code: criterion.code,
              statement: criterion.statement,
              judgement: level
                ? {
                    label: level.label,
                    colour: level.colour,
                    descriptor: criterion.descriptors[level.key] ?? "",
                  }
                : null,
              narrative: readRichText(doc.getXmlFragment(narrativeField(criterion.id))),
              evidenceSummary: readRichText(doc.getXmlFragment(evidenceField(criterion.id))),
              evidence: attachedItemIds(doc, criterion.id).flatMap((id) => {
                const item = itemsById.get(id);
                return item ? [printedEvidence(item, attachedTo.get(id) ?? [])] : [];
              }),
              forces: forces
                .filter((f) => f.criterionId === criterion.id)
                .map(({ side, text, strength, priority, inOurControl }) => ({
                  side,
                  text,
                  strength,
                  priority,
                  inOurControl,
                })),
            };
          }),
        };
      }),
      actions: [...codes.keys()].flatMap((criterionId) =>
        actions
          .filter((a) => a.criterionId === criterionId)
          .map((a) => ({
            criterionCode: codes.get(criterionId) ?? "",
            what: a.what.trim(),
            owner: a.ownerId ? (owners.get(a.ownerId) ?? "Someone no longer here") : "Not given",
            due: a.due ? formatDay(a.due, "short") : "Not set",
            status: ACTION_STATUS_LABELS[a.status],
            successMeasure: a.successMeasure.trim(),
            addresses: a.forceIds.flatMap((id) => {
              const text = forceText.get(id);
              return text ? [text] : [];
            }),
          })),
      ),
      evidence: items.map((item) => printedEvidence(item, attachedTo.get(item.id) ?? [])),
    };
  } finally {
    doc.destroy();
  }
}
