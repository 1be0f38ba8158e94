import { attachEvidence, detachEvidence } from "../../../collab/shapes/evidence.ts";
import { AttachExisting } from "../evidence/attach-existing.tsx";
import { EvidenceList } from "../evidence/evidence-list.tsx";
import { LinkForm } from "../evidence/link-form.tsx";
import { UploadForm } from "../evidence/upload-form.tsx";
import { useAttachments, useEvidenceList } from "../evidence/use-evidence.ts";
import type { CriterionWorkspace } from "./criterion-panel.tsx";

/**
 * The files and links that show a criterion: the ones attached to it, and (for the school's
 * team) upload, add a link, attach evidence already added elsewhere, detach. Items live in
 * MongoDB; which criteria they support is live in the evaluation document.
 */
export function EvidenceItems({ evaluationId, criterion, doc, readOnly }: CriterionWorkspace) {
  const { data, loading, refresh } = useEvidenceList(evaluationId, doc);
  const { attached, uses } = useAttachments(doc, criterion.id);
  const all = data?.items ?? [];
  const here = new Set(attached);
  const items = all.filter((item) => here.has(item.id));
  const available = all.filter((item) => !here.has(item.id));
  const headingId = `evidence-items-${criterion.id}`;

  return (
    <div className="field-block evidence-items">
      <h5 id={headingId}>Files and links</h5>
      {loading || !doc ? (
        <p className="muted" role="status">
          Loading evidence…
        </p>
      ) : (
        <EvidenceList
          evaluationId={evaluationId}
          code={criterion.code}
          items={items}
          usesOf={(id) => uses.get(id) ?? 0}
          readOnly={readOnly}
          onDetach={(id) => doc && detachEvidence(doc, criterion.id, id)}
        />
      )}
      {readOnly || !data ? null : (
        <details className="evidence-add">
          <summary>Add evidence to {criterion.code}</summary>
          <div className="fields evidence-forms" style={{ alignItems: "start" }}>
            <UploadForm
              evaluationId={evaluationId}
              criterionId={criterion.id}
              code={criterion.code}
              maxBytes={data.maxBytes}
              onUploaded={refresh}
            />
            <LinkForm
              evaluationId={evaluationId}
              criterionId={criterion.id}
              code={criterion.code}
            />
            <AttachExisting
              code={criterion.code}
              available={available}
              onAttach={(id) => doc && attachEvidence(doc, criterion.id, id)}
            />
          </div>
        </details>
      )}
    </div>
  );
}
