import { detailsOf } from "../../../collab/shapes/framework.ts";
import type { AccreditationRule } from "../../../models/framework/types.ts";
import { useDesigner } from "./designer-context.ts";
import { RuleEditor } from "./rule-editor.tsx";

/** How the award is decided: the framework's accreditation rule. */
export function RuleSection({ usesMet }: { usesMet: boolean }) {
  const designer = useDesigner();
  const details = detailsOf(designer.doc);
  const kind = details.get("kind");
  return (
    <section
      id="rule"
      className="panel designer-section"
      aria-labelledby="rule-heading"
      onFocus={() => designer.setFocus({ section: "rule" })}
    >
      <h2 id="rule-heading">Accreditation rule</h2>
      <p className="muted">
        {kind === "qualityMark"
          ? "A quality mark needs a rule: it is how the validator's recommendation is worked out."
          : "Self-evaluations and trust reviews may make no award."}
      </p>
      <RuleEditor
        idPrefix="rule"
        legend="How is the award decided?"
        rule={details.get("rule") as AccreditationRule | undefined}
        allowNone
        usesMet={usesMet}
        onChange={(rule) => designer.doc.transact(() => details.set("rule", rule))}
      />
    </section>
  );
}
