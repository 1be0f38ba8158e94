import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderReportPdf } from "../../server/reports/pdf/render.tsx";
import { pdfFonts, pdfText } from "../support/pdf-text.ts";
import {
  evaluationReportFixture,
  trustReportFixture,
  validationReportFixture,
} from "../support/report-fixtures.ts";

// Rendering must never reach the network: fonts come from local files, nothing else is loaded.
// Every way out is replaced by one that fails the test if it is ever called.
const attempts: string[] = [];
function refuse(name: string) {
  return (..._args: unknown[]): never => {
    attempts.push(name);
    throw new Error(`network access attempted: ${name}`);
  };
}

const realFetch = globalThis.fetch;

beforeAll(() => {
  // A data: URL is not the network (the layout engine loads its WebAssembly from one); anything
  // else is refused the way a blocked network answers fetch: with a rejected promise.
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith("data:")) return realFetch(input, init);
    attempts.push(`fetch ${url}`);
    return Promise.reject(new TypeError(`network access attempted: fetch ${url}`));
  });
  vi.spyOn(http, "request").mockImplementation(refuse("http.request"));
  vi.spyOn(http, "get").mockImplementation(refuse("http.get"));
  vi.spyOn(https, "request").mockImplementation(refuse("https.request"));
  vi.spyOn(https, "get").mockImplementation(refuse("https.get"));
  vi.spyOn(net, "connect").mockImplementation(refuse("net.connect"));
  vi.spyOn(net, "createConnection").mockImplementation(refuse("net.createConnection"));
  vi.spyOn(tls, "connect").mockImplementation(refuse("tls.connect"));
  vi.spyOn(dns, "lookup").mockImplementation(refuse("dns.lookup"));
});
afterAll(() => vi.restoreAllMocks());

// Laying a 35-criterion report out takes seconds of CPU on a busy 2-core machine.
const RENDER_TIMEOUT_MS = 60_000;

describe("rendering reports with the network blocked", () => {
  it(
    "renders the evaluation report with selectable text and embedded fonts",
    async () => {
      const pdf = await renderReportPdf(evaluationReportFixture(4_000));
      const text = (await pdfText(pdf)).replace(/\s+/g, " ");
      expect(text).toContain("Evaluation report");
      expect(text).toContain("Oakfield Primary Academy");
      expect(text).toContain("Pupils with special educational needs are identified early");
      expect(text).toContain("Helping total 7 · Hindering total 9");
      expect(text).toContain("Weekly phonics catch-up groups");
      const fonts = await pdfFonts(pdf);
      expect(fonts).toMatch(/DejaVuSans\s/);
      // Every font listed is embedded ("emb" column says yes).
      for (const line of fonts.split("\n").slice(2).filter(Boolean))
        expect(line).toMatch(/\byes\s+yes\s+yes\b/);
      expect(attempts).toEqual([]);
    },
    RENDER_TIMEOUT_MS,
  );

  it(
    "renders the validation and trust reports",
    async () => {
      const validation = await pdfText(await renderReportPdf(validationReportFixture()));
      expect(validation).toContain("Confirmed by Sam Taylor");
      expect(validation).toContain("The school will share its audit.");
      // The award names the framework version it is of, as the cover names the version.
      expect(validation.replace(/\s+/g, " ")).toContain(
        "Award: Inclusion Excellence, version 2, valid until 3 March 2030. Certificate code QM-ABCD-EFGH.",
      );
      const trust = await pdfText(await renderReportPdf(trustReportFixture()));
      expect(trust).toContain("Hillcrest Primary School");
      expect(trust).toContain("Strong standard");
      expect(attempts).toEqual([]);
    },
    RENDER_TIMEOUT_MS,
  );
});
