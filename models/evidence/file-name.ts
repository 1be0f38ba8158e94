import { extensionOf } from "./sniff.ts";

/** The longest file name kept (characters); longer ones are shortened, keeping the extension. */
export const MAX_FILE_NAME_LENGTH = 120;

// C0/C1 control characters, and the invisible direction and formatting marks that can make
// "report\u202Efdp.exe" display as "reportexe.pdf".
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A file name safe to show and to offer as a download name: no folders, no control or
 * direction-changing characters, "<" and ">" as "(" and ")", no leading dots, collapsed
 * spaces, at most MAX_FILE_NAME_LENGTH characters. Never empty.
 */
export function sanitiseFileName(raw: string, fallback = "evidence"): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  let name = base
    .normalize("NFC")
    .replace(UNSAFE, "")
    // People write "Year 5 <draft>.docx"; Windows cannot save a file with < or > in its name,
    // and brackets read the same wherever the name is shown or downloaded.
    .replace(/</g, "(")
    .replace(/>/g, ")")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (!name) return fallback;
  const chars = [...name];
  if (chars.length > MAX_FILE_NAME_LENGTH) {
    const ext = extensionOf(name);
    const keep = ext ? `.${ext}` : "";
    name =
      chars
        .slice(0, MAX_FILE_NAME_LENGTH - keep.length)
        .join("")
        .trimEnd() + keep;
  }
  return name;
}

const FILE_EXTENSIONS = new Set(
  "pdf png jpg jpeg gif webp bmp tif tiff heic doc docx docm xls xlsx xlsm ppt pptx pptm odt ods odp rtf txt csv htm html svg xml zip exe msi".split(
    " ",
  ),
);

/**
 * The name a file is downloaded as: its sanitised name, ending in the extension of what the
 * file really is (a PNG uploaded as "chart.pdf" downloads as "chart.png").
 */
export function downloadFileName(name: string, ext: string): string {
  const safe = sanitiseFileName(name);
  const current = extensionOf(safe);
  if (current === ext || (ext === "jpg" && current === "jpeg")) return safe;
  // Replace a misleading extension; keep anything else ("Review 2024.25") as part of the name.
  const stem = FILE_EXTENSIONS.has(current) ? safe.slice(0, -(current.length + 1)) : safe;
  return `${stem || "evidence"}.${ext}`;
}

/** A title for an uploaded file when none was given: its name without the extension. */
export function titleFromFileName(name: string): string {
  const safe = sanitiseFileName(name);
  const ext = extensionOf(safe);
  const stem = ext ? safe.slice(0, -(ext.length + 1)) : safe;
  return stem.trim() || safe;
}

/**
 * A Content-Disposition header that always downloads (never displays) the file, with the
 * exact name for modern browsers (RFC 6266 / 5987 `filename*`) and an ASCII fallback.
 */
export function attachmentDisposition(fileName: string): string {
  const safe = sanitiseFileName(fileName);
  const ascii =
    safe
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\;%]/g, "")
      .trim() || "evidence";
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
