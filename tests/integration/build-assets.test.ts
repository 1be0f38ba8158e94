import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { builtAssets } from "../../server/build-assets.ts";
import { useTestDatabase } from "../support/database.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();

let dir: string;
const servers: Server[] = [];
const script = `export const greeting = ${JSON.stringify("hello ".repeat(2000))};\n`;

/**
 * builtAssets in front of a stand-in for the rest of the app (as server/app.ts puts it in front
 * of Express), which answers 404 and says it was asked.
 */
async function serve(recheck: boolean): Promise<string> {
  const assets = builtAssets(path.join(dir, "build"), {
    prefix: "/build/",
    maxAgeSeconds: 31_536_000,
    recheck,
  });
  const server = createServer((req, res) =>
    assets(req, res, () => {
      res.writeHead(404, { "X-Answered-By": "the-rest" });
      res.end("not here");
    }),
  );
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

function fetchRaw(
  url: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ response, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "qm-build-"));
  mkdirSync(path.join(dir, "build/_shared"), { recursive: true });
  writeFileSync(path.join(dir, "build/_shared/chunk-ABC.js"), script);
  writeFileSync(path.join(dir, "build/_shared/styles-DEF.css"), "body { color: black }\n");
  writeFileSync(path.join(dir, "build/_shared/font-GHI.woff2"), "not text");
  writeFileSync(path.join(dir, "secret.js"), "not for the web");
});
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the built scripts and styles", () => {
  it("are served gzipped, byte for byte the file, cacheable for good, with their own headers", async () => {
    const base = await serve(false);
    const first = await fetchRaw(`${base}/build/_shared/chunk-ABC.js`, {
      "accept-encoding": "gzip, br",
    });
    expect(first.response.statusCode).toBe(200);
    expect(first.response.headers["content-encoding"]).toBe("gzip");
    expect(first.response.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(first.response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(first.response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(first.response.headers["x-content-type-options"]).toBe("nosniff");
    expect(first.response.headers["cross-origin-resource-policy"]).toBe("same-origin");
    expect(gunzipSync(first.body).toString()).toBe(script);
    expect(Number(first.response.headers["content-length"])).toBe(first.body.length);
    const again = await fetchRaw(`${base}/build/_shared/chunk-ABC.js?v=2`, {
      "accept-encoding": "gzip",
    });
    expect(again.body.equals(first.body)).toBe(true);
    const styles = await fetchRaw(`${base}/build/_shared/styles-DEF.css`);
    expect(styles.response.headers["content-type"]).toBe("text/css; charset=utf-8");
  });

  it("go uncompressed to a client that does not accept gzip, and without a body to HEAD", async () => {
    const base = await serve(false);
    const plain = await fetchRaw(`${base}/build/_shared/chunk-ABC.js`, {
      "accept-encoding": "identity",
    });
    expect(plain.response.statusCode).toBe(200);
    expect(plain.response.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    const head = await fetchRaw(`${base}/build/_shared/chunk-ABC.js`, {}, "HEAD");
    expect(head.response.statusCode).toBe(200);
    expect(Number(head.response.headers["content-length"])).toBe(Buffer.byteLength(script));
    expect(head.body.length).toBe(0);
  });

  it("leave everything else to the rest of the app: other files, missing ones, a way out of the folder", async () => {
    const base = await serve(false);
    for (const url of [
      "/build/..%2fsecret.js",
      "/build/../secret.js",
      "/build/_shared/chunk-NONE.js",
      "/build/_shared/font-GHI.woff2",
      "/builder/_shared/chunk-ABC.js",
    ]) {
      const { response, body } = await fetchRaw(`${base}${url}`, { "accept-encoding": "gzip" });
      expect(response.headers["x-answered-by"], url).toBe("the-rest");
      expect(body.toString(), url).not.toContain("not for the web");
    }
    const posted = await fetchRaw(`${base}/build/_shared/chunk-ABC.js`, {}, "POST");
    expect(posted.response.headers["x-answered-by"]).toBe("the-rest");
  });

  it("are read once (their names change with their content), or again when changed in development", async () => {
    const file = path.join(dir, "build/_shared/chunk-DEV.js");
    writeFileSync(file, "export const v = 1;\n");
    const production = await serve(false);
    const development = await serve(true);
    for (const base of [production, development])
      expect((await fetchRaw(`${base}/build/_shared/chunk-DEV.js`)).body.toString()).toBe(
        "export const v = 1;\n",
      );
    writeFileSync(file, "export const v = 22;\n");
    expect((await fetchRaw(`${production}/build/_shared/chunk-DEV.js`)).body.toString()).toBe(
      "export const v = 1;\n",
    );
    expect((await fetchRaw(`${development}/build/_shared/chunk-DEV.js`)).body.toString()).toBe(
      "export const v = 22;\n",
    );
  });
});

describe("the app's built assets", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startTestServer();
  });
  afterAll(async () => {
    await app.close();
  });

  it("come from memory ahead of the page chain; pages keep their request id and CSP", async () => {
    const shared = readdirSync(path.resolve("public/build/_shared")).find((f) => f.endsWith(".js"));
    const asset = await fetch(`${app.url}/build/_shared/${shared}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-encoding")).toBe("gzip");
    expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
    // Not through the request log or the page's security headers.
    expect(asset.headers.get("x-request-id")).toBeNull();
    expect(asset.headers.get("content-security-policy")).toBeNull();
    const page = await fetch(`${app.url}/sign-in`);
    expect(page.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.headers.get("content-security-policy")).toContain("script-src");
    // Fonts and other files still come from the folder through the chain.
    const font = readdirSync(path.resolve("public/build/_assets")).find((f) =>
      f.endsWith(".woff2"),
    );
    const fontAnswer = await fetch(`${app.url}/build/_assets/${font}`);
    expect(fontAnswer.status).toBe(200);
    expect(fontAnswer.headers.get("x-request-id")).not.toBeNull();
  });

  it("answer a browser's own request for /favicon.ico with the app's icon", async () => {
    const asked = await fetch(`${app.url}/favicon.ico`, { redirect: "manual" });
    expect([asked.status, asked.headers.get("location")]).toEqual([301, "/favicon.svg"]);
    const icon = await fetch(`${app.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
  });
});
