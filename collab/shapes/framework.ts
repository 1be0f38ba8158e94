import * as Y from "yjs";
import type {
  AccreditationRule,
  Area,
  AwardTier,
  Criterion,
  FrameworkContent,
  FrameworkKind,
  Scale,
} from "../../models/framework/types.ts";
import { freshKeys, keyAtEnd, moveAmong, orderedEntries, type YItem } from "./order.ts";

export type { YItem } from "./order.ts";

/**
 * The shape of a `framework.<id>` document: a draft being designed by the trust's admins.
 *
 * Collections are Y.Maps keyed by stable id, each item carrying a fractional `order` key, so
 * reordering changes one field and never loses someone's concurrent edit inside the item (a
 * Y.Array move would delete and re-insert it). Free text is Y.Text, merged character by
 * character; choices (kind, colours, rules) are plain values, last writer wins.
 *
 * One main scale (`main`) is editable; areas may use it or the fixed Met / Not met scale.
 */
export const MAIN_SCALE = "main";
export const MET_SCALE = "met";

export const detailsOf = (doc: Y.Doc) => doc.getMap<unknown>("details");
export const levelsOf = (doc: Y.Doc) => doc.getMap<YItem>("levels");
export const areasOf = (doc: Y.Doc) => doc.getMap<YItem>("areas");
export const criteriaOf = (doc: Y.Doc) => doc.getMap<YItem>("criteria");
export const tiersOf = (doc: Y.Doc) => doc.getMap<YItem>("tiers");

const METS: Scale = {
  key: MET_SCALE,
  name: "Met / Not met",
  levels: [
    {
      key: "not-met",
      label: "Not met",
      colour: "#b3261e",
      meaning: "Something essential is missing and needs putting right now.",
    },
    {
      key: "met",
      label: "Met",
      colour: "#1b6b4a",
      meaning: "Everything essential is in place and working.",
    },
  ],
};

function text(value: string): Y.Text {
  return new Y.Text(value);
}

function str(item: YItem, key: string): string {
  const value = item.get(key);
  return value instanceof Y.Text ? value.toString() : typeof value === "string" ? value : "";
}

/** Items of a collection in order (the one tie rule of order.ts). */
export const ordered = orderedEntries;

function item(fields: Record<string, unknown>): YItem {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) map.set(key, value);
  return map;
}

function criterionItem(c: Criterion, areaId: string, order: string): YItem {
  const descriptors = new Y.Map<Y.Text>();
  for (const [level, d] of Object.entries(c.descriptors)) descriptors.set(level, text(d));
  const indicators = new Y.Map<YItem>();
  const keys = freshKeys(c.indicators?.length ?? 0);
  c.indicators?.forEach((i, n) =>
    indicators.set(i.id, item({ order: keys[n], text: text(i.text) })),
  );
  return item({
    areaId,
    order,
    statement: text(c.statement),
    guidance: text(c.guidance ?? ""),
    evidence: text(c.evidenceExpectations.join("\n")),
    descriptors,
    indicators,
  });
}

/** Writes a whole framework into an empty document (used for seeding). */
export function writeFramework(doc: Y.Doc, content: FrameworkContent): void {
  const main = content.scales.find((s) => s.levels.length > 2) ?? content.scales[0];
  doc.transact(() => {
    const details = detailsOf(doc);
    details.set("name", text(content.name));
    details.set("description", text(content.description));
    details.set("kind", content.kind);
    details.set("validityMonths", content.validityMonths);
    details.set("scaleName", main.name);
    details.set("rule", content.accreditationRule);
    const levelKeys = freshKeys(main.levels.length);
    main.levels.forEach((l, i) =>
      levelsOf(doc).set(
        l.key,
        item({
          order: levelKeys[i],
          label: text(l.label),
          colour: l.colour,
          meaning: text(l.meaning),
        }),
      ),
    );
    const areaKeys = freshKeys(content.areas.length);
    content.areas.forEach((area, i) => {
      areasOf(doc).set(
        area.id,
        item({
          order: areaKeys[i],
          title: text(area.title),
          summary: text(area.summary),
          scaleKey: area.scaleKey === main.key ? MAIN_SCALE : MET_SCALE,
          appliesTo: area.appliesTo ?? null,
        }),
      );
      const keys = freshKeys(area.criteria.length);
      area.criteria.forEach((c, n) =>
        criteriaOf(doc).set(c.id, criterionItem(c, area.id, keys[n])),
      );
    });
    const tierKeys = freshKeys(content.awardTiers?.length ?? 0);
    content.awardTiers?.forEach((t, i) =>
      tiersOf(doc).set(t.id, item({ order: tierKeys[i], name: text(t.name), rule: t.rule })),
    );
  });
}

// Seeding writes as this fixed client with deterministic content, so seeding the same draft
// twice yields identical items rather than duplicates (as for evaluations).
const SEED_CLIENT_ID = 1;

/** The initial state of a draft, as a Yjs update. Server-side only. */
export function frameworkSeedUpdate(content: FrameworkContent): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID;
  writeFramework(doc, content);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Reads the draft as plain framework content (what publishing freezes). */
export function readFramework(doc: Y.Doc): FrameworkContent {
  const details = detailsOf(doc);
  const detailText = (key: string) => {
    const v = details.get(key);
    return v instanceof Y.Text ? v.toString() : typeof v === "string" ? v : "";
  };
  const main: Scale = {
    key: MAIN_SCALE,
    name: detailText("scaleName") || "Scale",
    levels: ordered(levelsOf(doc)).map(([key, l]) => ({
      key,
      label: str(l, "label").trim(),
      colour: String(l.get("colour") ?? "#1f5fa8"),
      meaning: str(l, "meaning").trim(),
    })),
  };
  const areaEntries = ordered(areasOf(doc));
  const usesMet = areaEntries.some(([, a]) => a.get("scaleKey") === MET_SCALE);
  const areas: Area[] = areaEntries.map(([areaId, a], ai) => {
    const criteria = ordered(criteriaOf(doc), (c) => c.get("areaId") === areaId).map(
      ([id, c], ci): Criterion => {
        const descriptors: Record<string, string> = {};
        const scale = a.get("scaleKey") === MET_SCALE ? METS : main;
        const ds = c.get("descriptors") as Y.Map<Y.Text> | undefined;
        for (const level of scale.levels)
          descriptors[level.key] = ds?.get(level.key)?.toString().trim() ?? "";
        // Blank ones are kept, so the completeness check can point at them rather than the
        // published version silently losing an indicator the draft still shows.
        const indicators = ordered(
          (c.get("indicators") as Y.Map<YItem> | undefined) ?? new Y.Map(),
        ).map(([iid, i]) => ({ id: iid, text: str(i, "text").trim() }));
        return {
          id,
          code: `${ai + 1}.${ci + 1}`,
          statement: str(c, "statement").trim(),
          guidance: str(c, "guidance").trim() || undefined,
          descriptors,
          evidenceExpectations: str(c, "evidence")
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
          indicators: indicators.length ? indicators : undefined,
        };
      },
    );
    const appliesTo = a.get("appliesTo");
    return {
      id: areaId,
      title: str(a, "title").trim(),
      summary: str(a, "summary").trim(),
      scaleKey: a.get("scaleKey") === MET_SCALE ? MET_SCALE : MAIN_SCALE,
      ...(appliesTo === "earlyYears" || appliesTo === "sixthForm" ? { appliesTo } : {}),
      criteria,
    };
  });
  const tiers: AwardTier[] = ordered(tiersOf(doc)).map(([id, t]) => ({
    id,
    name: str(t, "name").trim(),
    rule: t.get("rule") as AccreditationRule,
  }));
  return {
    name: detailText("name").trim(),
    description: detailText("description").trim(),
    kind: (details.get("kind") as FrameworkKind) ?? "qualityMark",
    scales: usesMet ? [main, METS] : [main],
    areas,
    accreditationRule: (details.get("rule") as AccreditationRule) ?? { type: "validatorJudgement" },
    ...(tiers.length ? { awardTiers: tiers } : {}),
    validityMonths: Number(details.get("validityMonths") ?? 36),
  };
}

// ——— Editing operations used by the designer (each one transaction, safe to run concurrently) ———

export function newId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

export function addLevel(doc: Y.Doc): string {
  const id = newId("level");
  levelsOf(doc).set(
    id,
    item({
      order: keyAtEnd(levelsOf(doc)),
      label: text(""),
      colour: "#1f5fa8",
      meaning: text(""),
    }),
  );
  return id;
}

export function addArea(doc: Y.Doc): string {
  const id = newId("area");
  areasOf(doc).set(
    id,
    item({
      order: keyAtEnd(areasOf(doc)),
      title: text(""),
      summary: text(""),
      scaleKey: MAIN_SCALE,
      appliesTo: null,
    }),
  );
  return id;
}

export function addCriterion(doc: Y.Doc, areaId: string): string {
  const id = newId("criterion");
  criteriaOf(doc).set(
    id,
    criterionItem(
      { id, code: "", statement: "", descriptors: {}, evidenceExpectations: [] },
      areaId,
      keyAtEnd(criteriaOf(doc), (c) => c.get("areaId") === areaId),
    ),
  );
  return id;
}

export function addIndicator(doc: Y.Doc, criterionId: string): string | null {
  const indicators = criteriaOf(doc).get(criterionId)?.get("indicators") as
    | Y.Map<YItem>
    | undefined;
  if (!indicators) return null;
  const id = newId("indicator");
  indicators.set(id, item({ order: keyAtEnd(indicators), text: text("") }));
  return id;
}

export function addTier(doc: Y.Doc): string {
  const id = newId("tier");
  const firstLevel = ordered(levelsOf(doc))[0]?.[0] ?? "";
  tiersOf(doc).set(
    id,
    item({
      order: keyAtEnd(tiersOf(doc)),
      name: text(""),
      rule: { type: "minimumLevels", everyCriterionAtLeast: firstLevel },
    }),
  );
  return id;
}

/**
 * Moves an item one place up (-1) or down (+1) among `siblings` (as drawn). Returns false at
 * either end.
 */
export function move(siblings: [string, YItem][], id: string, direction: -1 | 1): boolean {
  const from = siblings.findIndex(([key]) => key === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= siblings.length) return false;
  return moveAmong(siblings, id, to);
}

/** Moves an item to position `index` among `siblings` (drag and drop). */
export function moveTo(siblings: [string, YItem][], id: string, index: number): void {
  moveAmong(siblings, id, index);
}

export function removeArea(doc: Y.Doc, areaId: string): void {
  doc.transact(() => {
    for (const [id, c] of criteriaOf(doc).entries())
      if (c.get("areaId") === areaId) criteriaOf(doc).delete(id);
    areasOf(doc).delete(areaId);
  });
}
