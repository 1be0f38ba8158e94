import { describe, expect, it, vi } from "vitest";
import { isDatabaseUnavailable, reportDatabaseUnavailable } from "../../models/database-health.ts";
import { ConflictError } from "../../models/errors.ts";
import { mongoose } from "../../models/mongoose.ts";
import { unavailableResponse } from "../../server/unavailable.ts";
import { UNAVAILABLE } from "../../app/utils/unavailable.ts";

const { mongo } = mongoose;

function named(name: string): Error {
  const error = new Error("Timed out while checking out a connection from connection pool");
  error.name = name;
  return error;
}

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a socket that stayed silent", new mongo.MongoNetworkTimeoutError("connection 2 timed out")],
    ["a connection that broke", new mongo.MongoNetworkError("connection closed")],
    ["no pooled connection in time", named("MongoWaitQueueTimeoutError")],
    ["a client being closed", new mongo.MongoTopologyClosedError()],
    [
      "any of these as the cause",
      new Error("could not load", { cause: new mongo.MongoNetworkTimeoutError("timed out") }),
    ],
  ])("is true for %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    [
      "a duplicate key",
      new mongo.MongoServerError({ code: 11000, errmsg: "E11000 duplicate key" }),
    ],
    ["a domain refusal", new ConflictError("Already decided.")],
    ["a bug", new TypeError("x is undefined")],
    ["a thrown response", new Response("Not found", { status: 404 })],
    ["nothing", undefined],
  ])("is false for %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("reportDatabaseUnavailable", () => {
  it("logs one line per 30 seconds of trouble, not one per failure", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = new mongo.MongoNetworkTimeoutError("connection 2 timed out");
    const start = Date.now() + 3_600_000;
    for (let t = 0; t < 60_000; t += 500) reportDatabaseUnavailable(error, start + t);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0][0])).toContain("connection 2 timed out");
    warn.mockRestore();
  });
});

describe("unavailableResponse", () => {
  const request = (accept: string) => new Request("http://test.invalid/x", { headers: { accept } });

  it("is a 503 with Retry-After and the message as formError", async () => {
    const response = unavailableResponse(request("*/*"), false);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ formError: UNAVAILABLE.message });
  });

  it("is a small HTML page for a resource route opened in a tab", async () => {
    const response = unavailableResponse(request("text/html,*/*;q=0.8"), true);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toContain(UNAVAILABLE.message);
  });
});
