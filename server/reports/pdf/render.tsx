import { renderToBuffer } from "@react-pdf/renderer";
import type { ReportData } from "../report-data.ts";
import { EvaluationReport } from "./evaluation-report.tsx";
import { registerReportFonts } from "./fonts.ts";
import { TrustReport } from "./trust-report.tsx";
import { ValidationReport } from "./validation-report.tsx";

function documentOf(data: ReportData) {
  switch (data.kind) {
    case "evaluation":
      return <EvaluationReport data={data} />;
    case "validation":
      return <ValidationReport data={data} />;
    case "trust":
      return <TrustReport data={data} />;
  }
}

/**
 * Lays a report out as PDF bytes. CPU-bound (a long evaluation takes a second or more): the
 * server runs it in a worker thread (../render-pool.ts), never on its event loop.
 */
export async function renderReportPdf(data: ReportData): Promise<Uint8Array> {
  registerReportFonts();
  const buffer = await renderToBuffer(documentOf(data));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
