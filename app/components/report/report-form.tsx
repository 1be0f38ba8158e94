import { Form, useNavigation } from "@remix-run/react";
import { useId } from "react";
import type { JudgementSource } from "../../../models/insight/types.ts";
import { CsrfInput } from "../csrf-input.tsx";

/**
 * On a report's progress page: the person has just asked for it (the form's answer when it was
 * not ready within a second), so the page downloads it once ready, even if it was ready before
 * the page loaded.
 */
export const JUST_ASKED = "asked";

/** A report a page offers (app/report.server.ts builds it in the page's loader). */
export interface ReportOffer {
  kind: "evaluation" | "validation" | "trust";
  subjectId: string;
  /** Fresh for each showing of the page: a double-click asks for one report. */
  requestId: string;
  /** Evaluation reports: "as now" and each submission; empty for the others. */
  versions: { value: string; label: string }[];
  /** The trust overview: whose judgement counts, as chosen on the page offering it. */
  source?: JudgementSource;
}

/**
 * "Download report (PDF)": one click. The answer is the download itself when the PDF is ready
 * within a second (a document redirect: the browser downloads and the page stays), otherwise
 * the report's progress page, which downloads it when ready.
 */
export function ReportForm({ offer, label }: { offer: ReportOffer; label?: string }) {
  const id = useId();
  const navigation = useNavigation();
  const busy =
    navigation.state !== "idle" &&
    navigation.formAction === "/reports" &&
    navigation.formData?.get("subjectId") === offer.subjectId;
  return (
    <Form method="post" action="/reports" className="report-form">
      <CsrfInput />
      <input type="hidden" name="kind" value={offer.kind} />
      <input type="hidden" name="subjectId" value={offer.subjectId} />
      <input type="hidden" name="requestId" value={offer.requestId} />
      {offer.source ? <input type="hidden" name="source" value={offer.source} /> : null}
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
      <button type="submit" className="button button-secondary" aria-disabled={busy || undefined}>
        {label ?? "Download report (PDF)"}
      </button>
      {busy ? (
        <span role="status" className="muted">
          {" "}
          Preparing the report…
        </span>
      ) : null}
    </Form>
  );
}
