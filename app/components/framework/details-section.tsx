import type * as Y from "yjs";
import { detailsOf } from "../../../collab/shapes/framework.ts";
import type { FrameworkKind } from "../../../models/framework/types.ts";
import { useDesigner } from "./designer-context.ts";
import { NumberInput, SelectInput } from "./plain-fields.tsx";
import { YTextArea, YTextInput } from "./y-text-field.tsx";

export const KIND_LABELS: Record<FrameworkKind, string> = {
  qualityMark: "Quality mark",
  schoolSelfEvaluation: "School self-evaluation",
  trustSelfReview: "Trust self-review",
};

/** Name, description, kind and how long an award lasts. */
export function DetailsSection() {
  const designer = useDesigner();
  const details = detailsOf(designer.doc);
  const onFocus = () => designer.setFocus({ section: "details" });
  const kind = String(details.get("kind") ?? "qualityMark");
  const validity = details.get("validityMonths");
  return (
    <section id="details" className="panel designer-section" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <div className="designer-grid">
        <YTextInput
          label="Name"
          id="framework-name"
          ytext={details.get("name") as Y.Text | undefined}
          readOnly={designer.locked}
          onFocus={onFocus}
          className="span-2"
        />
        <YTextArea
          label="Description"
          hint="What this framework is for, in a sentence or two. Schools see it when they start."
          id="framework-description"
          ytext={details.get("description") as Y.Text | undefined}
          readOnly={designer.locked}
          onFocus={onFocus}
          className="span-2"
        />
        <SelectInput
          label="Kind"
          value={kind}
          disabled={designer.locked}
          onFocus={onFocus}
          onChange={(value) => designer.doc.transact(() => details.set("kind", value))}
        >
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectInput>
        <NumberInput
          id="framework-validity"
          label="Award valid for (months)"
          hint="Quality marks usually last 36 months (3 years)."
          value={typeof validity === "number" ? validity : undefined}
          min={1}
          max={120}
          readOnly={designer.locked}
          onFocus={onFocus}
          onCommit={(value) => designer.doc.transact(() => details.set("validityMonths", value))}
        />
      </div>
    </section>
  );
}
