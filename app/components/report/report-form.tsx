import { useId } from "react";
import { CsrfInput } from "../csrf-input.tsx";

/** A report a page offers (app/report.server.ts builds it in the page's loader). */
export interface ReportOffer {
  kind: "evaluation" | "validation" | "trust";
  subjectId: string;
  /** Fresh for each showing of the page: a double-click asks for one report. */
  requestId: string;
  /** Evaluation reports: "as now" and each submission; empty for the others. */
  versions: { value: string; label: string }[];
}

/**
 * "Download report (PDF)": one click. A plain form (not Remix's), so the browser itself follows
 * the answer: straight to the download when the PDF is ready within a second (the page stays),
 * otherwise to the report's progress page, which downloads it when ready.
 */
export function ReportForm({ offer, label }: { offer: ReportOffer; label?: string }) {
  const id = useId();
  return (
    <form method="post" action="/reports" className="report-form">
      <CsrfInput />
      <input type="hidden" name="kind" value={offer.kind} />
      <input type="hidden" name="subjectId" value={offer.subjectId} />
      <input type="hidden" name="requestId" value={offer.requestId} />
      {offer.versions.length > 1 ? (
        <label htmlFor={`${id}-version`}>
          Report shows{" "}
          <select id={`${id}-version`} name="version" defaultValue="now">
            {offer.versions.map((v) => (
              <option key={v.value} value={v.value}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <input type="hidden" name="version" value="now" />
      )}{" "}
      <button type="submit" className="button button-secondary">
        {label ?? "Download report (PDF)"}
      </button>
    </form>
  );
}
