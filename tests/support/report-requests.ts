import { expect } from "vitest";
import type { HttpSession } from "./http.ts";

/**
 * Asks for a report as a browser's form would (the session has read a page offering one, so it
 * holds its requestId); returns the answer and the job id it names.
 */
export async function askForReport(
  http: HttpSession,
  fields: { kind: string; subjectId: string; version?: string; source?: string },
  requestId = http.requestId,
) {
  const answer = await http.post("/reports", { version: "now", ...fields, requestId });
  const jobId = /^\/reports\/([0-9a-f]{24})/.exec(answer.location ?? "")?.[1] ?? null;
  return { ...answer, jobId };
}

/** Waits for a job to finish (through its status page's data, as the page polls) and downloads it. */
export async function downloadReport(
  serverUrl: string,
  http: HttpSession,
  jobId: string,
): Promise<Uint8Array> {
  const started = Date.now();
  for (;;) {
    const status = await http.get(`/reports/${jobId}?_data=routes%2Freports_.%24jobId`);
    expect(status.status).toBe(200);
    const data = JSON.parse(status.html) as { status: string; error: string | null };
    if (data.status === "failed") throw new Error(`report failed: ${data.error}`);
    if (data.status === "done") break;
    if (Date.now() - started > 90_000) throw new Error("the report was not made in time");
    await new Promise((r) => setTimeout(r, 200));
  }
  const response = await fetch(`${serverUrl}/reports/${jobId}/download`, {
    headers: { cookie: http.cookieHeader },
    redirect: "manual",
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
  return new Uint8Array(await response.arrayBuffer());
}
