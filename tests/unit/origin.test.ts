import type { IncomingHttpHeaders } from "node:http";
import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { isSameOrigin, ownOrigin } from "../../server/security.ts";

function request(headers: IncomingHttpHeaders, tls = false) {
  return { headers, socket: (tls ? { encrypted: true } : {}) as Socket };
}

const direct = { trustProxy: false };
const proxied = { trustProxy: true };

describe("ownOrigin", () => {
  it("is the Host with the connection's scheme", () => {
    expect(ownOrigin(request({ host: "127.0.0.1:3000" }), direct)).toBe("http://127.0.0.1:3000");
    expect(ownOrigin(request({ host: "qm.example" }, true), direct)).toBe("https://qm.example");
    expect(ownOrigin(request({ host: "qm.example:80" }), direct)).toBe("http://qm.example");
  });

  it("ignores X-Forwarded-* unless the proxy is trusted, then takes the value it set", () => {
    const headers = {
      host: "127.0.0.1:3000",
      "x-forwarded-host": "evil.example, qm.example",
      "x-forwarded-proto": "https",
    };
    expect(ownOrigin(request(headers), direct)).toBe("http://127.0.0.1:3000");
    expect(ownOrigin(request(headers), proxied)).toBe("https://qm.example");
  });

  it("is null for a missing or odd Host, or another scheme", () => {
    expect(ownOrigin(request({}), direct)).toBeNull();
    expect(ownOrigin(request({ host: "evil.example@qm.example" }), direct)).toBeNull();
    expect(ownOrigin(request({ host: "qm.example/path" }), direct)).toBeNull();
    expect(
      ownOrigin(request({ host: "qm.example", "x-forwarded-proto": "javascript" }), proxied),
    ).toBeNull();
  });
});

describe("isSameOrigin", () => {
  const host = "127.0.0.1:3000";
  it.each([
    ["http://127.0.0.1:3000", true],
    [undefined, true],
    ["https://127.0.0.1:3000", false],
    ["http://127.0.0.1:3001", false],
    ["http://localhost:3000", false],
    ["https://evil.example", false],
    ["null", false],
    ["not a url", false],
  ])("Origin %j on a plain-http server: %j", (origin, expected) => {
    expect(isSameOrigin(request({ host, origin }), direct)).toBe(expected);
  });

  it("does not let a forged X-Forwarded-Host vouch for another site without a trusted proxy", () => {
    const forged = { host, origin: "https://evil.example", "x-forwarded-host": "evil.example" };
    expect(isSameOrigin(request(forged), direct)).toBe(false);
    expect(isSameOrigin(request({ ...forged, "x-forwarded-proto": "https" }), direct)).toBe(false);
  });

  it("behind a trusted proxy, compares with the forwarded scheme and host", () => {
    const headers = {
      host,
      origin: "https://qm.example",
      "x-forwarded-host": "qm.example",
      "x-forwarded-proto": "https",
    };
    expect(isSameOrigin(request(headers), proxied)).toBe(true);
    expect(isSameOrigin(request({ ...headers, "x-forwarded-proto": "http" }), proxied)).toBe(false);
    expect(isSameOrigin(request({ ...headers, origin: "https://evil.example" }), proxied)).toBe(
      false,
    );
  });
});
