import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { isMainThread, threadId } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { blockNetwork } from "../../server/reports/no-network.ts";
import { createRenderPool } from "../../server/reports/render-pool.ts";
import { pdfText } from "../support/pdf-text.ts";
import { validationReportFixture } from "../support/report-fixtures.ts";

// A worker starts cold (fonts, the layout engine): seconds on a busy 2-core machine.
const RENDER_TIMEOUT_MS = 60_000;

describe("the render worker", () => {
  it(
    "lays reports out in a worker thread, not on the caller's event loop",
    async () => {
      const pool = createRenderPool();
      try {
        const { pdf, threadId: renderedIn } = await pool.render(validationReportFixture());
        expect(isMainThread).toBe(true);
        expect(renderedIn).not.toBe(threadId);
        expect(renderedIn).toBeGreaterThan(0);
        expect(await pdfText(pdf)).toContain("Validation report");
      } finally {
        await pool.close();
      }
    },
    RENDER_TIMEOUT_MS,
  );
});

describe("blocking the network in the render worker", () => {
  const saved = {
    fetch: globalThis.fetch,
    http: { request: http.request, get: http.get },
    https: { request: https.request, get: https.get },
    net: { connect: net.connect, createConnection: net.createConnection },
    tls: { connect: tls.connect },
  };
  afterEach(() => {
    globalThis.fetch = saved.fetch;
    Object.assign(http, saved.http);
    Object.assign(https, saved.https);
    Object.assign(net, saved.net);
    Object.assign(tls, saved.tls);
  });

  it("refuses every way out but data: URLs", async () => {
    blockNetwork();
    await expect(fetch("https://fonts.example/font.ttf")).rejects.toThrow(/no network requests/);
    expect(() => http.get("http://127.0.0.1:1")).toThrow(/no network requests/);
    expect(() => https.request("https://example.org")).toThrow(/no network requests/);
    expect(() => net.connect(80, "example.org")).toThrow(/no network requests/);
    expect(() => tls.connect(443, "example.org")).toThrow(/no network requests/);
    expect(await (await fetch("data:text/plain;base64,b2s=")).text()).toBe("ok");
  });
});
