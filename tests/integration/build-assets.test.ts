import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveCompressedBuild } from "../../server/build-assets.ts";

// The same chain as server/app.ts: compression() first, then the build, then express.static.
let dir: string;
let server: Server;
let base: string;
const script = `export const greeting = ${JSON.stringify("hello ".repeat(2000))};\n`;

function fetchRaw(
  pathname: string,
  headers: Record<string, string> = {},
): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${base}${pathname}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ response, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "qm-build-"));
  mkdirSync(path.join(dir, "build/_shared"), { recursive: true });
  writeFileSync(path.join(dir, "build/_shared/chunk-ABC.js"), script);
  writeFileSync(path.join(dir, "secret.txt"), "not for the web");
  const app = express();
  app.use(compression());
  app.use(
    "/build",
    serveCompressedBuild(path.join(dir, "build"), 31_536_000),
    express.static(path.join(dir, "build"), { immutable: true, maxAge: "1y" }),
  );
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the built assets", () => {
  it("are served gzipped, byte for byte the file, cacheable for good, the same each time", async () => {
    const first = await fetchRaw("/build/_shared/chunk-ABC.js", { "accept-encoding": "gzip, br" });
    expect(first.response.statusCode).toBe(200);
    expect(first.response.headers["content-encoding"]).toBe("gzip");
    expect(first.response.headers["content-type"]).toMatch(/javascript/);
    expect(first.response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(first.response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(first.body).toString()).toBe(script);
    expect(Number(first.response.headers["content-length"])).toBe(first.body.length);
    const again = await fetchRaw("/build/_shared/chunk-ABC.js", { "accept-encoding": "gzip" });
    expect(again.body.equals(first.body)).toBe(true);
  });

  it("go uncompressed to a client that does not accept gzip", async () => {
    const plain = await fetchRaw("/build/_shared/chunk-ABC.js", { "accept-encoding": "identity" });
    expect(plain.response.statusCode).toBe(200);
    expect(plain.response.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it("serve nothing outside the build folder, and 404 for what is not there", async () => {
    const escaped = await fetchRaw("/build/..%2fsecret.txt", { "accept-encoding": "gzip" });
    expect(escaped.response.statusCode).not.toBe(200);
    expect(escaped.body.toString()).not.toContain("not for the web");
    const missing = await fetchRaw("/build/_shared/chunk-NONE.js", { "accept-encoding": "gzip" });
    expect(missing.response.statusCode).toBe(404);
  });
});
