import { describe, expect, it } from "vitest";
import {
  attachmentDisposition,
  downloadFileName,
  sanitiseFileName,
  titleFromFileName,
} from "../../models/evidence/file-name.ts";
import { checkEvidenceLink } from "../../models/evidence/link.ts";
import { MAX_EVIDENCE_BYTES, sniffEvidenceFile } from "../../models/evidence/sniff.ts";
import {
  compoundFile,
  docm,
  docx,
  docxPdfPolyglot,
  jpeg,
  jpegZipPolyglot,
  linuxProgram,
  pdf,
  pdfHtmlPolyglot,
  pdfZipPolyglot,
  png,
  pngHtmlPolyglot,
  webPage,
  windowsProgram,
  xlsx,
  zip,
} from "../fixtures/evidence-files.ts";

async function accepted(bytes: Uint8Array, name: string) {
  const result = await sniffEvidenceFile(bytes, name);
  if (!result.ok) throw new Error(`refused ${name}: ${result.reason}`);
  return result;
}

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  const result = await sniffEvidenceFile(bytes, name);
  if (result.ok) throw new Error(`accepted ${name} as ${result.contentType}`);
  return result.reason;
}

describe("evidence files accepted, typed by their contents", () => {
  it("PDF, PNG and JPEG", async () => {
    expect((await accepted(pdf(), "Attendance report.pdf")).contentType).toBe("application/pdf");
    expect((await accepted(png(), "chart.png")).contentType).toBe("image/png");
    expect((await accepted(jpeg(), "display.jpeg")).contentType).toBe("image/jpeg");
  });

  it("Word and Excel (OOXML), recognised from inside the ZIP", async () => {
    expect(await accepted(docx(), "SEND policy.docx")).toMatchObject({
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ext: "docx",
    });
    expect((await accepted(xlsx(), "data.xlsx")).ext).toBe("xlsx");
  });

  it("decides from the contents, not the name: a PNG called .pdf is a PNG", async () => {
    expect((await accepted(png(), "minutes.pdf")).contentType).toBe("image/png");
    expect((await accepted(docx(), "no-extension")).ext).toBe("docx");
  });

  it("older Office files only with their own name and their application's stream", async () => {
    expect((await accepted(compoundFile("WordDocument"), "policy.doc")).contentType).toBe(
      "application/msword",
    );
    expect((await accepted(compoundFile("Workbook"), "tracker.xls")).contentType).toBe(
      "application/vnd.ms-excel",
    );
    expect((await accepted(compoundFile("PowerPoint Document"), "inset.ppt")).contentType).toBe(
      "application/vnd.ms-powerpoint",
    );
    expect(await refusal(compoundFile("WordDocument"), "policy.msi")).toMatch(/compound file/);
    // An installer (or anything else in a compound file) renamed .doc has no WordDocument stream.
    expect(await refusal(compoundFile("SummaryInformation"), "setup.doc")).toMatch(
      /not a Word, Excel or PowerPoint document we can recognise/,
    );
    expect(await refusal(compoundFile("Workbook"), "renamed.doc")).toMatch(/compound file/);
  });
});

describe("evidence files refused, saying why", () => {
  it("a Windows program renamed .pdf", async () => {
    const reason = await refusal(windowsProgram(), "report.pdf");
    expect(reason).toMatch(
      /^This is a Windows program \(exe\), not a document, even though its name ends in \.pdf\./,
    );
  });

  it("a Linux program renamed .docx", async () => {
    expect(await refusal(linuxProgram(), "policy.docx")).toMatch(/Linux program \(ELF\)/);
  });

  it("a web page renamed .png", async () => {
    expect(await refusal(webPage(), "photo.png")).toMatch(
      /^This is a web page or script \(HTML or SVG\), not a document, even though its name ends in \.png/,
    );
  });

  it("an SVG image with script, even with an XML declaration", async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    expect(await refusal(svg, "logo.png")).toMatch(/web page or script \(HTML or SVG\)/);
  });

  it("a plain ZIP archive, and a macro-enabled Word file", async () => {
    expect(await refusal(zip({ "notes.txt": "hello" }), "evidence.zip")).toMatch(/ZIP archive/);
    expect(await refusal(docm(), "plan.docx")).toMatch(
      /^This is an Office file with macros.*Macros can run code/,
    );
  });

  it("plain text, empty files and unknown bytes", async () => {
    expect(await refusal(Buffer.from("year,attendance\n7,96.1\n"), "data.csv")).toMatch(
      /plain text/,
    );
    expect(await refusal(Buffer.alloc(0), "empty.pdf")).toMatch(/empty/);
    expect(await refusal(Buffer.from([0x01, 0x02, 0x03, 0x00, 0xff, 0x10]), "mystery.pdf")).toMatch(
      /could not tell/,
    );
  });

  it("anything over 20 MB", async () => {
    const big = Buffer.concat([pdf(), Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    expect(await refusal(big, "big.pdf")).toMatch(/larger than 20 MB/);
  });
});

describe("polyglots refused", () => {
  it("a JPEG with a ZIP archive appended", async () => {
    expect(await refusal(jpegZipPolyglot(), "holiday.jpg")).toMatch(
      /JPEG image also has a ZIP archive hidden inside/,
    );
  });

  it("a PDF with a ZIP archive appended", async () => {
    expect(await refusal(pdfZipPolyglot(), "report.pdf")).toMatch(/PDF also has a ZIP archive/);
  });

  it("a PNG carrying HTML and script", async () => {
    expect(await refusal(pngHtmlPolyglot(), "chart.png")).toMatch(
      /PNG image also contains web page or script code/,
    );
  });

  it("a PDF that is also a web page", async () => {
    expect(await refusal(pdfHtmlPolyglot(), "report.pdf")).toMatch(
      /PDF also contains web page or script code/,
    );
  });

  it("a Word file that also starts like a PDF", async () => {
    expect(await refusal(docxPdfPolyglot(), "plan.docx")).toMatch(
      /Word file also starts like a PDF/,
    );
  });

  it("but not a JPEG whose compressed data happens to contain the ZIP signature", async () => {
    const lookalike = Buffer.concat([
      jpeg(32),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xee, 0xdd]),
      Buffer.alloc(40, 0x11),
      Buffer.from([0xff, 0xd9]),
    ]);
    expect((await accepted(lookalike, "photo.jpg")).contentType).toBe("image/jpeg");
  });
});

describe("file names", () => {
  it("strips folders, control and direction characters, and caps the length", () => {
    expect(sanitiseFileName("C:\\Users\\head\\Desktop\\report.pdf")).toBe("report.pdf");
    expect(sanitiseFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitiseFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitiseFileName("line\r\nbreak\u0000.pdf")).toBe("linebreak.pdf");
    expect(sanitiseFileName("...hidden")).toBe("hidden");
    expect(sanitiseFileName("   ")).toBe("evidence");
    expect(sanitiseFileName("Year 5 <draft>.docx")).toBe("Year 5 (draft).docx");
    expect(sanitiseFileName("<<b>>.pdf")).toBe("((b)).pdf");
    const long = sanitiseFileName(`${"a".repeat(300)}.docx`);
    expect(long).toHaveLength(120);
    expect(long.endsWith(".docx")).toBe(true);
  });

  it("downloads end in the extension of what the file really is", () => {
    expect(downloadFileName("chart.pdf", "png")).toBe("chart.png");
    expect(downloadFileName("Review 2024.25", "pdf")).toBe("Review 2024.25.pdf");
    expect(downloadFileName("photo.jpeg", "jpg")).toBe("photo.jpeg");
    expect(downloadFileName("policy.docx", "docx")).toBe("policy.docx");
  });

  it("titles come from the name without its extension", () => {
    expect(titleFromFileName("SEND policy 2026.docx")).toBe("SEND policy 2026");
  });

  it("Content-Disposition always says attachment, with an exact UTF-8 name and an ASCII fallback", () => {
    expect(attachmentDisposition('Élève "report"; 50%.pdf')).toBe(
      `attachment; filename="Eleve report 50.pdf"; filename*=UTF-8''%C3%89l%C3%A8ve%20%22report%22%3B%2050%25.pdf`,
    );
    expect(attachmentDisposition("a\r\nContent-Type: text/html.pdf")).not.toMatch(/[\r\n]/);
    expect(attachmentDisposition("Year 5 <draft>; v2=final.docx")).toBe(
      `attachment; filename="Year 5 (draft) v2=final.docx"; filename*=UTF-8''Year%205%20%28draft%29%3B%20v2%3Dfinal.docx`,
    );
  });
});

describe("links", () => {
  it("accepts http and https", () => {
    expect(checkEvidenceLink(" https://example.org/policy ")).toEqual({
      ok: true,
      url: "https://example.org/policy",
    });
    expect(checkEvidenceLink("http://intranet.example/x").ok).toBe(true);
  });

  it("refuses other schemes, bare words and embedded credentials", () => {
    for (const url of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "ftp://files.example/x",
      "data:text/html,<script>",
      "file:///etc/passwd",
    ]) {
      const result = checkEvidenceLink(url);
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/Only web links/);
    }
    expect(checkEvidenceLink("example.org").ok).toBe(false);
    expect(checkEvidenceLink("").ok).toBe(false);
    expect(checkEvidenceLink("https://user:secret@example.org/").ok).toBe(false);
  });
});
