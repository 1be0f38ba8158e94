import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import {
  MET_SCALE,
  areasOf,
  criteriaOf,
  detailsOf,
  levelsOf,
  tiersOf,
} from "../../../collab/shapes/framework.ts";
import {
  CollabRoom,
  usePresenceFocus,
  useRoomDocument,
  useRoomPresence,
  useWarnBeforeLeaving,
} from "../../collab/collab-room.tsx";
import type { Present } from "../../collab/use-presence.ts";
import { WorkspaceBar } from "../../collab/workspace-bar.tsx";
import { ROLE_LABELS } from "../../../models/permissions/roles.ts";
import { useRevealAnchors } from "./anchors.ts";
import { AreasSection } from "./areas-section.tsx";
import { DesignerContext, type Designer, type DesignerFocus } from "./designer-context.ts";
import { areaName, criterionCode } from "../../../collab/shapes/framework-edits.ts";
import { DetailsSection } from "./details-section.tsx";
import { RuleSection } from "./rule-section.tsx";
import { ScaleSection } from "./scale-section.tsx";
import { TiersSection } from "./tiers-section.tsx";
import { useYStructure } from "./use-y.ts";
import { useYText } from "./y-text-field.tsx";

interface Me {
  userId: string;
  name: string;
  colour: string;
  /** Role label as the server stamps it on presence (e.g. "Trust admin"); guessed when absent. */
  role?: string;
}

const SECTIONS = ["details", "scale", "rule", "tiers", "areas", "area", "criterion", "tier"];

/** Someone's designer focus from their awareness state (anything else is ignored). */
function designerFocusOf(p: Present): DesignerFocus | null {
  const focus = p.focus as unknown as Record<string, unknown> | null;
  if (!focus || typeof focus.section !== "string" || !SECTIONS.includes(focus.section)) return null;
  return focus as unknown as DesignerFocus;
}

function describe(doc: Y.Doc, focus: DesignerFocus | null): string | null {
  if (!focus) return null;
  switch (focus.section) {
    case "details":
      return "editing the details";
    case "scale":
      return "editing the scale";
    case "rule":
      return "editing the accreditation rule";
    case "tiers":
    case "tier":
      return "editing the award tiers";
    case "areas":
      return "editing the areas";
    case "area":
      return areasOf(doc).has(focus.id) ? `editing ${areaName(doc, focus.id)}` : null;
    case "criterion": {
      const code = criterionCode(doc, focus.id);
      return code ? `editing ${code}` : null;
    }
  }
}

/**
 * Tells `onName` the draft's name as it is now, whenever anyone renames it (nothing until the
 * draft has loaded).
 */
function useLiveName(doc: Y.Doc | null, onName: ((name: string) => void) | undefined) {
  const details = doc ? detailsOf(doc) : null;
  useYStructure(details);
  const ytext = details?.get("name") as Y.Text | undefined;
  const { value } = useYText(ytext);
  useEffect(() => {
    if (ytext) onName?.(value);
  }, [ytext, value, onName]);
}

/** The sections of the designer, re-drawn when the draft's structure changes (not on typing). */
function DesignerBody({
  doc,
  synced,
  publishAnchor,
}: {
  doc: Y.Doc;
  synced: boolean;
  publishAnchor?: string;
}) {
  useYStructure(detailsOf(doc));
  useYStructure(levelsOf(doc));
  useYStructure(areasOf(doc));
  useYStructure(criteriaOf(doc));
  useYStructure(tiersOf(doc));
  if (detailsOf(doc).size === 0) {
    return (
      <p className="editor-loading" role="status">
        {synced ? "This draft is empty." : "Loading the draft…"}
      </p>
    );
  }
  const usesMet = [...areasOf(doc).values()].some((area) => area.get("scaleKey") === MET_SCALE);
  return (
    <>
      <nav aria-label="Parts of the framework" className="designer-toc">
        <a href="#details">Details</a>
        <a href="#scale">Scale</a>
        <a href="#rule">Accreditation rule</a>
        <a href="#tiers">Award tiers</a>
        <a href="#areas">Areas</a>
        {publishAnchor ? <a href={`#${publishAnchor}`}>Publish</a> : null}
      </nav>
      <DetailsSection />
      <ScaleSection />
      <RuleSection usesMet={usesMet} />
      <TiersSection usesMet={usesMet} />
      <AreasSection />
    </>
  );
}

/**
 * The live framework designer: everything in the draft document `framework.<id>`, co-edited by
 * the trust's admins (text merges character by character; choices are last writer wins).
 */
export default function FrameworkDesigner({
  documentName,
  me,
  canEdit,
  onName,
  publishAnchor,
}: {
  documentName: string;
  me: Me;
  canEdit: boolean;
  /** Told the framework's name live, as anyone types it (for the page's heading). */
  onName?: (name: string) => void;
  /**
   * Id of the page's publish panel (outside the designer, marked `data-designer-anchor`), when
   * this person may publish: the section links then include it.
   */
  publishAnchor?: string;
}) {
  // The server stamps the real identity on what others see; this is how we see ourselves. Only
  // trust admins may write a framework, and only trust admins and leaders may read one.
  const role = me.role ?? (canEdit ? ROLE_LABELS.trustAdmin : ROLE_LABELS.trustLeader);
  return (
    <CollabRoom
      me={{ userId: me.userId, name: me.name, colour: me.colour, role, observing: !canEdit }}
      presenceIn={documentName}
    >
      <DesignerWorkspace
        documentName={documentName}
        canEdit={canEdit}
        onName={onName}
        publishAnchor={publishAnchor}
      />
    </CollabRoom>
  );
}

function DesignerWorkspace({
  documentName,
  canEdit,
  onName,
  publishAnchor,
}: {
  documentName: string;
  canEdit: boolean;
  onName?: (name: string) => void;
  publishAnchor?: string;
}) {
  const draft = useRoomDocument(documentName);
  useWarnBeforeLeaving();
  const present = useRoomPresence();
  const { setFocus: tellFocus, leaveFocus } = usePresenceFocus();
  const doc = draft.doc;
  useLiveName(doc, onName);
  // The server decides; until it has answered, nobody types.
  const locked = !canEdit || draft.readOnly !== false;
  const root = useRef<HTMLDivElement>(null);

  const [announcement, setAnnouncement] = useState({ text: "", n: 0 });
  const announce = useCallback(
    (text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 })),
    [],
  );

  const [expanded, setExpandedSet] = useState<ReadonlySet<string>>(() => new Set());
  const isExpanded = useCallback((id: string) => expanded.has(id), [expanded]);
  const setExpanded = useCallback((id: string, open: boolean) => {
    setExpandedSet((current) => {
      if (current.has(id) === open) return current;
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  // Tell the others where this person is working.
  const setFocus = useCallback((focus: DesignerFocus | null) => tellFocus(focus), [tellFocus]);

  const peopleAt = useCallback(
    (id: string) =>
      present
        .filter((p) => !p.isMe)
        .filter((p) => {
          const focus = designerFocusOf(p);
          return focus !== null && "id" in focus && focus.id === id;
        })
        .map((p) => ({ name: p.name, colour: p.colour })),
    [present],
  );

  const designer = useMemo<Designer | null>(
    () => (doc ? { doc, locked, announce, setFocus, isExpanded, setExpanded, peopleAt } : null),
    [doc, locked, announce, setFocus, isExpanded, setExpanded, peopleAt],
  );

  useRevealAnchors(root, doc, isExpanded, (id) => setExpanded(id, true));

  if (draft.refused) {
    return (
      <p role="alert" className="form-error">
        This framework could not be opened: you do not have access to it.
      </p>
    );
  }

  return (
    <div
      ref={root}
      className="designer"
      // Whatever field focus moves to says where this person works now; anywhere else
      // (another part of the page, or away) says nowhere, so presence is never left behind.
      onBlur={leaveFocus}
    >
      <WorkspaceBar
        canWrite={canEdit}
        readOnlyNotice="You are viewing this framework read only. Only the trust's admins can change it."
        describeFocus={(p) => (doc ? describe(doc, designerFocusOf(p)) : null)}
      />
      <div className="sr-only" aria-live="polite" aria-atomic="true">
        <span key={announcement.n}>{announcement.text}</span>
      </div>
      {designer ? (
        <DesignerContext.Provider value={designer}>
          <DesignerBody doc={designer.doc} synced={draft.synced} publishAnchor={publishAnchor} />
        </DesignerContext.Provider>
      ) : (
        <p className="editor-loading" role="status">
          Loading the draft…
        </p>
      )}
    </div>
  );
}
