import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  type UploadHandler,
} from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { parseMultipartForm } from "../../app/utils/multipart.server.ts";

const memory = unstable_createMemoryUploadHandler({ maxPartSize: 1024 });

function formRequest(form: FormData): Request {
  return new Request("http://test.invalid/upload", { method: "POST", body: form });
}

/** A hand-written body, for what browsers send that FormData in Node would write differently. */
function rawRequest(parts: string[], boundary = "b0undary"): Request {
  const body = parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("") + `--${boundary}--\r\n`;
  return new Request("http://test.invalid/upload", {
    method: "POST",
    body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  });
}

describe("parseMultipartForm", () => {
  it.each([
    "Year 5 <draft>.docx",
    "Minutes; term 2.pdf",
    "Results = good.pdf",
    "Élève, naïve & co (final).pdf",
    "报告.pdf",
  ])("reads the file named %j whole, with its name", async (name) => {
    const form = new FormData();
    form.set("csrf", "token");
    form.set("file", new Blob([new Uint8Array([1, 2, 3])]), name);
    const parsed = await parseMultipartForm(formRequest(form), memory);
    expect(parsed.get("csrf")).toBe("token");
    const file = parsed.get("file") as File;
    expect(file.name).toBe(name);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("reads RFC 5987 names, and keeps only the last path segment", async () => {
    const parsed = await parseMultipartForm(
      rawRequest([
        `Content-Disposition: form-data; name="a"; filename*=UTF-8''Year%205%20%3Cdraft%3E.pdf\r\n\r\nx`,
        `Content-Disposition: form-data; name="b"; filename="C:\\Users\\head\\report.pdf"\r\n\r\ny`,
      ]),
      memory,
    );
    expect((parsed.get("a") as File).name).toBe("Year 5 <draft>.pdf");
    expect((parsed.get("b") as File).name).toBe("report.pdf");
  });

  it("gives an empty file input as a file with no name, like Remix's parser", async () => {
    const parsed = await parseMultipartForm(
      rawRequest([
        `Content-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ]),
      memory,
    );
    const file = parsed.get("file") as File;
    expect(file).toBeInstanceOf(File);
    expect([file.name, file.size]).toEqual(["", 0]);
  });

  it("rejects with the handler's error, e.g. a part over its size", async () => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(2048)]), "big.pdf");
    await expect(parseMultipartForm(formRequest(form), memory)).rejects.toBeInstanceOf(
      MaxPartSizeExceededError,
    );
  });

  it("hands parts to the handler one at a time, in order", async () => {
    const seen: string[] = [];
    const handler: UploadHandler = async (part) => {
      seen.push(`start ${part.name}`);
      const value = await memory(part);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`end ${part.name}`);
      return value;
    };
    const form = new FormData();
    form.set("one", "1");
    form.set("two", new Blob(["2"]), "two.txt");
    form.set("three", "3");
    const parsed = await parseMultipartForm(formRequest(form), handler);
    expect([...parsed.keys()]).toEqual(["one", "two", "three"]);
    expect(seen).toEqual([
      "start one",
      "end one",
      "start two",
      "end two",
      "start three",
      "end three",
    ]);
  });

  it("rejects a body cut off in the middle, and one that is not multipart", async () => {
    const cut = new Request("http://test.invalid/upload", {
      method: "POST",
      body: `--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nabc`,
      headers: { "content-type": "multipart/form-data; boundary=b" },
    });
    await expect(parseMultipartForm(cut, memory)).rejects.toThrow(/Unexpected end of form/);
    const json = new Request("http://test.invalid/upload", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    await expect(parseMultipartForm(json, memory)).rejects.toBeInstanceOf(TypeError);
  });
});
