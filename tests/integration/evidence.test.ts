import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import {
  attachEvidence,
  attachedItemIds,
  evidenceAttachmentsOf,
} from "../../collab/shapes/evidence.ts";
import "../../models/evidence/evidence.ts";
import { mongoose } from "../../models/mongoose.ts";
import { MAX_EVIDENCE_BYTES } from "../../models/evidence/sniff.ts";
import type { AppServer } from "../../server/app.ts";
import type { EvidenceListData, EvidenceListItem } from "../../app/components/evidence/types.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import {
  docm,
  docx,
  jpeg,
  jpegZipPolyglot,
  pdf,
  pdfZipPolyglot,
  png,
  pngHtmlPolyglot,
  webPage,
  windowsProgram,
} from "../fixtures/evidence-files.ts";

useTestDatabase();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let criteria: string[];
const clients: TestClient[] = [];

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  // Loads a page to get this browser's CSRF token, as a person opening the evaluation would.
  await http.get(`/evaluations/${world.evaluation.id}`);
  return http;
}

const evidencePath = () => `/evaluations/${world.evaluation.id}/evidence`;

/** Posts one file the way the browser's upload form does (multipart, with the CSRF token). */
async function upload(
  http: HttpSession,
  file: Buffer,
  name: string,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set("csrf", http.csrf);
  form.set("criterionId", criteria[0]);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set("file", new Blob([new Uint8Array(file)], { type: "application/octet-stream" }), name);
  const response = await fetch(server.url + evidencePath(), {
    method: "POST",
    body: form,
    headers: { cookie: http.cookieHeader, origin: server.url },
    redirect: "manual",
  });
  const text = await response.text();
  let data: {
    ok?: boolean;
    item?: EvidenceListItem;
    duplicate?: boolean;
    fieldErrors?: Record<string, string>;
    formError?: string;
  } = {};
  try {
    data = JSON.parse(text);
  } catch {
    // not JSON: left empty, the status tells
  }
  return { status: response.status, data };
}

async function list(http: HttpSession): Promise<EvidenceListItem[]> {
  const response = await http.get(evidencePath());
  expect(response.status).toBe(200);
  return (JSON.parse(response.html) as EvidenceListData).items;
}

/** What is stored: file entries and chunks in GridFS, and evidence items. */
async function stored() {
  const db = mongoose.connection.db!;
  const [files, chunks, items] = await Promise.all([
    db.collection("evidence.files").countDocuments(),
    db.collection("evidence.chunks").countDocuments(),
    db.collection("evidenceitems").countDocuments(),
  ]);
  return { files, chunks, items };
}

async function download(http: HttpSession | null, itemId: string) {
  const response = await fetch(`${server.url}/evidence/${itemId}/download`, {
    headers: http ? { cookie: http.cookieHeader } : {},
    redirect: "manual",
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

async function clientAs(userId: string) {
  const client = connectClient(
    server.url,
    documentName("evaluation", world.evaluation.id),
    await cookieFor(userId),
  );
  clients.push(client);
  await client.synced;
  return client;
}

beforeAll(async () => {
  world = await buildWorld();
  criteria = Object.keys(world.evaluation.levelsByCriterion);
  server = await startTestServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe("uploading evidence", () => {
  let staff: HttpSession;
  let item: EvidenceListItem;
  const file = pdf();

  beforeAll(async () => {
    staff = await as(world.people.staff.id);
  });

  it("stores an accepted PDF, attaches it to the criterion live, and lists it", async () => {
    const watcher = await clientAs(world.people.staff2.id);
    const result = await upload(staff, file, "Attendance report 2026.pdf");
    expect(result.status).toBe(201);
    expect(result.data.item).toMatchObject({
      kind: "file",
      title: "Attendance report 2026",
      typeLabel: "PDF",
      size: file.length,
      addedBy: "Alex Staff",
    });
    item = result.data.item!;
    await eventually(
      () => attachedItemIds(watcher.doc, criteria[0]).includes(item.id),
      5000,
      "live attachment",
    );
    expect((await list(staff)).map((i) => i.id)).toContain(item.id);
  });

  it("is downloadable, always as an attachment, by the school's staff and by trust leaders", async () => {
    for (const person of [staff, await as(world.people.trustLeader.id)]) {
      const got = await download(person, item.id);
      expect(got.status).toBe(200);
      expect(got.body.equals(file)).toBe(true);
      expect(got.headers.get("content-type")).toBe("application/pdf");
      expect(got.headers.get("content-disposition")).toBe(
        `attachment; filename="Attendance report 2026.pdf"; filename*=UTF-8''Attendance%20report%202026.pdf`,
      );
      expect(got.headers.get("x-content-type-options")).toContain("nosniff");
      expect(got.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("serves the type found in the file, not the one in its name", async () => {
    const result = await upload(staff, png(), "chart.pdf");
    expect(result.status).toBe(201);
    const got = await download(staff, result.data.item!.id);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(got.headers.get("content-disposition")).toContain(`filename="chart.png"`);
  });

  it("accepts names with < > ; and =, storing < > as brackets, and downloads them under a safe name", async () => {
    const cases: [string, string, string][] = [
      [
        "Year 5 <draft>.pdf",
        "Year 5 (draft)",
        `attachment; filename="Year 5 (draft).pdf"; filename*=UTF-8''Year%205%20%28draft%29.pdf`,
      ],
      [
        "Minutes; term 2 = final.pdf",
        "Minutes; term 2 = final",
        `attachment; filename="Minutes term 2 = final.pdf"; filename*=UTF-8''Minutes%3B%20term%202%20%3D%20final.pdf`,
      ],
    ];
    for (const [name, title, disposition] of cases) {
      const result = await upload(staff, pdf(name), name);
      expect(result.status, JSON.stringify(result.data)).toBe(201);
      expect(result.data.item).toMatchObject({ title, fileName: `${title}.pdf` });
      expect((await list(staff)).find((i) => i.id === result.data.item!.id)?.title).toBe(title);
      const got = await download(staff, result.data.item!.id);
      expect(got.status).toBe(200);
      expect(got.headers.get("content-disposition")).toBe(disposition);
    }
  });

  it("accepts a Word document (recognised inside its ZIP)", async () => {
    const result = await upload(staff, docx(), "SEND policy.docx");
    expect(result.status).toBe(201);
    expect(result.data.item?.typeLabel).toBe("Word");
  });

  it("does not store the same file twice in one evaluation", async () => {
    const before = await stored();
    const again = await upload(staff, file, "copy of report.pdf", { criterionId: criteria[1] });
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({ ok: true, duplicate: true, item: { id: item.id } });
    expect(await stored()).toEqual(before);
  });

  it("refuses wrong types, renamed programs and polyglots with the reason, storing nothing", async () => {
    const cases: [Buffer, string, RegExp][] = [
      [
        windowsProgram(),
        "report.pdf",
        /Windows program \(exe\), not a document, even though its name ends in \.pdf/,
      ],
      [webPage(), "photo.png", /web page or script/],
      [jpegZipPolyglot(), "holiday.jpg", /ZIP archive hidden inside/],
      [pdfZipPolyglot(), "report.pdf", /ZIP archive hidden inside/],
      [pngHtmlPolyglot(), "chart.png", /web page or script code/],
      [docm(), "plan.docx", /macros/],
      [Buffer.from("year,attendance\n7,96.1\n"), "data.csv", /plain text/],
    ];
    const before = await stored();
    for (const [bytes, name, reason] of cases) {
      const result = await upload(staff, bytes, name);
      expect(result.status, name).toBe(415);
      expect(result.data.fieldErrors?.file, name).toMatch(reason);
    }
    expect(await stored()).toEqual(before);
  });

  it("refuses a file of 20 MB and 1 byte as too large, storing nothing", async () => {
    const before = await stored();
    const big = Buffer.concat([jpeg(), Buffer.alloc(MAX_EVIDENCE_BYTES + 1 - jpeg().length, 0x20)]);
    expect(big.length).toBe(MAX_EVIDENCE_BYTES + 1);
    const result = await upload(staff, big, "huge.jpg");
    expect(result.status).toBe(413);
    expect(result.data.fieldErrors?.file).toMatch(/larger than 20 MB/);
    expect(await stored()).toEqual(before);
    // The server is fine afterwards.
    expect((await upload(staff, jpeg(8), "small.jpg")).status).toBe(201);
  });

  it("refuses an upload without the CSRF token, or from people who may only read", async () => {
    const before = await stored();
    const forged = await upload(staff, jpeg(16), "forged.jpg", { csrf: "not-the-token" });
    expect(forged.status).toBe(403);
    for (const reader of [world.people.trustLeader, world.people.trustAdmin]) {
      const result = await upload(await as(reader.id), jpeg(24), "observer.jpg");
      expect(result.status).toBe(403);
    }
    const outsider = await upload(await as(world.people.otherStaff.id), jpeg(32), "outsider.jpg");
    expect(outsider.status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it("is a 404 to download for another school's staff, unassigned validators and signed-out people, like a missing item", async () => {
    const missing = await download(staff, "0123456789abcdef01234567");
    expect(missing.status).toBe(404);
    for (const person of [
      await as(world.people.otherStaff.id),
      await as(world.people.validator.id),
      null,
    ]) {
      const got = await download(person, item.id);
      expect(got.status).toBe(404);
      expect(got.body.equals(missing.body)).toBe(true);
      expect(got.headers.get("content-disposition")).toBeNull();
    }
    expect((await download(staff, "not-an-id")).status).toBe(404);
  });

  it("lists the evaluation's evidence only to people who may read it", async () => {
    const other = await (await as(world.people.otherStaff.id)).get(evidencePath());
    expect(other.status).toBe(404);
    expect(other.html).not.toContain(item.title);
    const leader = await list(await as(world.people.trustLeader.id));
    expect(leader.map((i) => i.id)).toContain(item.id);
  });
});

describe("the evidence list's address", () => {
  /** Someone opening the address in their browser's address bar, not the panel's scripts. */
  async function openAsPage(userId: string, path: string) {
    const http = new HttpSession(server.url, { "Sec-Fetch-Dest": "document" });
    http.setCookie(await cookieFor(userId));
    return http.get(path);
  }

  it("opened as a page, leads to the evaluation instead of showing its data", async () => {
    const evaluation = `/evaluations/${world.evaluation.id}`;
    for (const path of [evidencePath(), `${evaluation}/members`]) {
      const opened = await openAsPage(world.people.staff.id, path);
      expect(opened.status, path).toBe(302);
      expect(opened.location, path).toBe(evaluation);
      // Still a 404 to someone who may not read the evaluation: the address reveals nothing.
      const other = await openAsPage(world.people.otherStaff.id, path);
      expect(other.status, path).toBe(404);
      expect(other.location, path).toBeNull();
    }
    // Fetched by the page's scripts, it is the list, as before.
    const fetched = await (await as(world.people.staff.id)).get(evidencePath());
    expect(fetched.status).toBe(200);
    expect(fetched.response.headers.get("content-type")).toContain("application/json");
  });
});

describe("links as evidence", () => {
  it("accepts http(s) links and attaches them; refuses javascript: and ftp: with a field error", async () => {
    const staff = await as(world.people.staff.id);
    const before = await stored();
    for (const url of [
      "javascript:alert(document.cookie)",
      "ftp://files.example/policy.pdf",
      "not a link",
    ]) {
      const refused = await staff.post(evidencePath(), {
        intent: "addLink",
        url,
        title: "Bad",
        criterionId: criteria[0],
      });
      expect(refused.status, url).toBe(400);
      expect(JSON.parse(refused.html).fieldErrors.url, url).toMatch(/web (links|address)/);
    }
    expect(await stored()).toEqual(before);

    const added = await staff.post(evidencePath(), {
      intent: "addLink",
      url: "https://example.org/ofsted-report",
      title: "Inspection report",
      criterionId: criteria[0],
    });
    expect(added.status).toBe(201);
    const link = JSON.parse(added.html).item as EvidenceListItem;
    expect(link).toMatchObject({
      kind: "link",
      url: "https://example.org/ofsted-report",
      title: "Inspection report",
      typeLabel: "Link",
      downloadUrl: null,
    });
    expect((await download(staff, link.id)).status).toBe(404);
  });
});

describe("one item, several criteria", () => {
  it("attaching an existing item to a second criterion shows it for both, for everyone", async () => {
    const staff = await as(world.people.staff.id);
    const result = await upload(staff, pdf("% shared evidence\n"), "Whole-school data.pdf");
    expect(result.status).toBe(201);
    const itemId = result.data.item!.id;

    const editor = await clientAs(world.people.staff.id);
    const reader = await clientAs(world.people.trustLeader.id);
    await eventually(
      () => attachedItemIds(editor.doc, criteria[0]).includes(itemId),
      5000,
      "first attachment",
    );
    attachEvidence(editor.doc, criteria[1], itemId);
    await eventually(
      () =>
        attachedItemIds(reader.doc, criteria[0]).includes(itemId) &&
        attachedItemIds(reader.doc, criteria[1]).includes(itemId),
      5000,
      "attached to both criteria",
    );
    await editor.whenSaved();
    // Stored once, whatever the number of criteria it supports.
    expect((await list(staff)).filter((i) => i.id === itemId)).toHaveLength(1);

    // A read-only person cannot attach: the document refuses their change.
    attachEvidence(reader.doc, criteria[2], itemId);
    // An honest edit made afterwards arrives; the refused one never does.
    editor.doc.getMap("scratch").set("after", true);
    await editor.whenSaved();
    const late = await clientAs(world.people.staff2.id);
    await eventually(() => late.doc.getMap("scratch").get("after") === true, 5000, "later edit");
    expect(attachedItemIds(late.doc, criteria[2])).not.toContain(itemId);
  });

  it("deleting an item removes its file, its chunks and every attachment", async () => {
    const staff = await as(world.people.staff.id);
    const result = await upload(staff, pdf("% to be deleted\n"), "Mistake.pdf");
    const itemId = result.data.item!.id;
    const watcher = await clientAs(world.people.staff2.id);
    attachEvidence(watcher.doc, criteria[1], itemId);
    await watcher.whenSaved();
    const before = await stored();

    const reader = await as(world.people.trustLeader.id);
    expect((await reader.post(evidencePath(), { intent: "delete", itemId })).status).toBe(403);

    const deleted = await staff.post(evidencePath(), { intent: "delete", itemId });
    expect(deleted.status).toBe(200);
    expect(await stored()).toEqual({
      files: before.files - 1,
      chunks: before.chunks - 1,
      items: before.items - 1,
    });
    await eventually(
      () => ![...evidenceAttachmentsOf(watcher.doc).keys()].some((k) => k.endsWith(`/${itemId}`)),
      5000,
      "attachments gone",
    );
    expect((await download(staff, itemId)).status).toBe(404);
  });
});
