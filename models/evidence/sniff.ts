import { fileTypeFromBuffer } from "file-type/core";

/**
 * What an uploaded evidence file really is, decided from its bytes (never from its name or
 * the browser's claimed type), and whether we accept it. Pure: no I/O.
 *
 * Accepted: PDF, PNG, JPEG, Word/Excel/PowerPoint (OOXML, and the older binary formats only
 * when the name says which and the file holds that application's stream). Refused, with a
 * reason a person can act on: everything else, and polyglots (a file that is also a ZIP
 * archive or a web page), because served or opened the other way they can carry code.
 */

/** The largest evidence file accepted: 20 MB. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export const ACCEPTED_DESCRIPTION = "a PDF, Word, Excel, PowerPoint, PNG or JPEG file";

export interface AcceptedType {
  /** The Content-Type the file is stored and served with. */
  contentType: string;
  /** The extension a download of it should end in. */
  ext: string;
  /** For people: "PDF", "Word", "PNG image"… */
  label: string;
}

export type SniffResult = ({ ok: true } & AcceptedType) | { ok: false; reason: string };

const OOXML: Record<string, AcceptedType> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ext: "docx",
    label: "Word",
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ext: "xlsx",
    label: "Excel",
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ext: "pptx",
    label: "PowerPoint",
  },
};

const SIMPLE: Record<string, AcceptedType> = {
  "application/pdf": { contentType: "application/pdf", ext: "pdf", label: "PDF" },
  "image/png": { contentType: "image/png", ext: "png", label: "PNG image" },
  "image/jpeg": { contentType: "image/jpeg", ext: "jpg", label: "JPEG image" },
};

/**
 * Older Office files are Compound File Binary containers, like Windows installers (.msi) and
 * Outlook messages. One is accepted only when its name says which application it belongs to
 * and the container really holds that application's main stream.
 */
const LEGACY_OFFICE: Record<string, AcceptedType & { streams: string[] }> = {
  doc: {
    contentType: "application/msword",
    ext: "doc",
    label: "Word (97–2003)",
    streams: ["WordDocument"],
  },
  xls: {
    contentType: "application/vnd.ms-excel",
    ext: "xls",
    label: "Excel (97–2003)",
    streams: ["Workbook", "Book"],
  },
  ppt: {
    contentType: "application/vnd.ms-powerpoint",
    ext: "ppt",
    label: "PowerPoint (97–2003)",
    streams: ["PowerPoint Document"],
  },
};

/** Every content type a stored evidence file may have. */
export const ACCEPTED_CONTENT_TYPES: ReadonlySet<string> = new Set(
  [...Object.values(OOXML), ...Object.values(SIMPLE), ...Object.values(LEGACY_OFFICE)].map(
    (t) => t.contentType,
  ),
);

/** What a refused file is, by the extension file-type reports, and what to do instead. */
type Refused = { what: string; program?: true; advice?: string };
const PROGRAM = (what: string): Refused => ({ what, program: true });
const AS_IMAGE = "Save it as PNG or JPEG and upload that.";

const REFUSED: Record<string, Refused> = {
  exe: PROGRAM("a Windows program (exe)"),
  elf: PROGRAM("a Linux program (ELF)"),
  macho: PROGRAM("a macOS program (Mach-O)"),
  class: PROGRAM("a Java program (class)"),
  jar: PROGRAM("a Java program (JAR)"),
  apk: PROGRAM("an Android app (APK)"),
  xpi: PROGRAM("a browser extension"),
  crx: PROGRAM("a browser extension"),
  wasm: PROGRAM("a WebAssembly program"),
  swf: PROGRAM("a Flash program"),
  lnk: PROGRAM("a Windows shortcut"),
  deb: PROGRAM("a software package (deb)"),
  rpm: PROGRAM("a software package (rpm)"),
  dmg: { what: "a macOS disk image" },
  iso: { what: "a disk image" },
  zip: { what: "a ZIP archive", advice: "Upload the documents inside it one at a time." },
  rar: {
    what: "a compressed archive (RAR)",
    advice: "Upload the documents inside it one at a time.",
  },
  "7z": {
    what: "a compressed archive (7z)",
    advice: "Upload the documents inside it one at a time.",
  },
  gz: { what: "a compressed archive (gzip)" },
  bz2: { what: "a compressed archive (bzip2)" },
  xz: { what: "a compressed archive (xz)" },
  tar: { what: "an archive (tar)" },
  cab: { what: "a Windows cabinet archive" },
  gif: { what: "a GIF image", advice: AS_IMAGE },
  webp: { what: "a WebP image", advice: AS_IMAGE },
  heic: {
    what: "a HEIC photo",
    advice: "Save it as JPEG (most phones can share photos as JPEG) and upload that.",
  },
  avif: { what: "an AVIF image", advice: AS_IMAGE },
  bmp: { what: "a BMP image", advice: AS_IMAGE },
  tif: { what: "a TIFF image", advice: AS_IMAGE },
  psd: { what: "a Photoshop file", advice: "Save it as PNG, JPEG or PDF and upload that." },
  rtf: { what: "a Rich Text file", advice: "Save it as Word or PDF and upload that." },
  odt: { what: "an OpenDocument text file", advice: "Save it as Word or PDF and upload that." },
  ods: { what: "an OpenDocument spreadsheet", advice: "Save it as Excel or PDF and upload that." },
  odp: {
    what: "an OpenDocument presentation",
    advice: "Save it as PowerPoint or PDF and upload that.",
  },
  ps: { what: "a PostScript file", advice: "Save it as PDF and upload that." },
  eps: { what: "a PostScript file", advice: "Save it as PDF and upload that." },
  xml: { what: "an XML file" },
  sqlite: { what: "a database file" },
};

const MACROS = /macroenabled/i;

function refusedAs(ext: string, mime: string): Refused {
  if (MACROS.test(mime))
    return {
      what: "an Office file with macros",
      advice:
        "Macros can run code: save it without macros (as .docx, .xlsx or .pptx) and upload that.",
    };
  if (REFUSED[ext]) return REFUSED[ext];
  if (mime.startsWith("video/")) return { what: `a video (${ext})` };
  if (mime.startsWith("audio/")) return { what: `an audio file (${ext})` };
  if (mime.startsWith("font/")) return { what: `a font (${ext})` };
  if (mime.startsWith("image/"))
    return { what: `an image in ${ext.toUpperCase()} format`, advice: AS_IMAGE };
  return { what: `a ${ext.toUpperCase()} file (${mime})` };
}

const ACCEPTED_EXTENSIONS = new Set([
  "pdf",
  "png",
  "jpg",
  "jpeg",
  "doc",
  "docx",
  "xls",
  "xlsx",
  "ppt",
  "pptx",
]);

/** The extension a file name claims, lower case, or "" when it has none. */
export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return match ? match[1].toLowerCase() : "";
}

/** ", even though its name ends in .pdf" when the name disguises it as something we accept. */
function disguise(name: string): string {
  const ext = extensionOf(name);
  return ACCEPTED_EXTENSIONS.has(ext) ? `, even though its name ends in .${ext}` : "";
}

// ---- byte searches -------------------------------------------------------------------------

const asBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Markup a browser would run or render: HTML, SVG, script, or server-side PHP. */
const MARKUP = /<(?:script|html|svg|iframe|body|\?php)[\s>/]|<!doctype\s+html/i;

function containsMarkup(bytes: Uint8Array, limit = bytes.length): boolean {
  // latin1 maps each byte to one character, so binary data cannot hide a match or fake one.
  return MARKUP.test(asBuffer(bytes).toString("latin1", 0, Math.min(limit, bytes.length)));
}

const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_METHODS = new Set([0, 8, 9, 12, 14, 93, 95, 98, 99]);

/**
 * True when the bytes after `from` hold a ZIP archive: a plausible local file header, or an
 * end-of-central-directory record that ends exactly at the end of the file (what unzip tools
 * look for). Checking the fields, not just the 4-byte signature, keeps compressed image data
 * that happens to contain "PK\3\4" from being refused.
 */
function containsZip(bytes: Uint8Array, from: number): boolean {
  const buf = asBuffer(bytes);
  for (
    let at = buf.indexOf(LOCAL_HEADER, from);
    at !== -1;
    at = buf.indexOf(LOCAL_HEADER, at + 1)
  ) {
    if (at + 30 > buf.length) break;
    const version = buf.readUInt16LE(at + 4);
    const method = buf.readUInt16LE(at + 8);
    const nameLength = buf.readUInt16LE(at + 26);
    if (
      version <= 100 &&
      ZIP_METHODS.has(method) &&
      nameLength >= 1 &&
      nameLength <= 1024 &&
      at + 30 + nameLength <= buf.length
    ) {
      return true;
    }
  }
  const tailStart = Math.max(from, buf.length - (22 + 0xffff));
  for (
    let at = buf.lastIndexOf(END_OF_CENTRAL_DIRECTORY);
    at >= tailStart;
    at = buf.lastIndexOf(END_OF_CENTRAL_DIRECTORY, at - 1)
  ) {
    if (at + 22 <= buf.length && at + 22 + buf.readUInt16LE(at + 20) === buf.length) return true;
    if (at === 0) break;
  }
  return false;
}

/**
 * True when a Compound File holds a stream called one of `names`: a directory entry (128
 * bytes, always 128-aligned in the file) whose UTF-16 name matches, with the matching name
 * length and the "stream" object type.
 */
function cfbHasStream(bytes: Uint8Array, names: string[]): boolean {
  const buf = asBuffer(bytes);
  return names.some((name) => {
    const needle = Buffer.from(`${name}\0`, "utf16le");
    for (let at = buf.indexOf(needle); at !== -1; at = buf.indexOf(needle, at + 1)) {
      if (at % 128 !== 0 || at < 512 || at + 128 > buf.length) continue;
      if (buf.readUInt16LE(at + 64) === needle.length && buf[at + 66] === 2) return true;
    }
    return false;
  });
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b === 0 || b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  return control === 0;
}

// ---- the decision --------------------------------------------------------------------------

const ACCEPT_HINT = `Upload ${ACCEPTED_DESCRIPTION}.`;

/**
 * Decides what `bytes` are and whether they may be stored as evidence. `fileName` is only
 * used to tell apart the older Office formats and to make the refusal clearer.
 */
export async function sniffEvidenceFile(bytes: Uint8Array, fileName: string): Promise<SniffResult> {
  if (bytes.length === 0) return { ok: false, reason: "This file is empty." };
  if (bytes.length > MAX_EVIDENCE_BYTES)
    return { ok: false, reason: "This file is larger than 20 MB." };

  const detected = await fileTypeFromBuffer(bytes);
  // An SVG image or XHTML page starting with an XML declaration is markup first of all.
  if (!detected || (detected.ext === "xml" && containsMarkup(bytes, 4096))) {
    if (containsMarkup(bytes, 1024)) {
      return {
        ok: false,
        reason: `This is a web page or script (HTML or SVG), not a document${disguise(fileName)}. ${ACCEPT_HINT}`,
      };
    }
    if (looksLikeText(bytes)) {
      return {
        ok: false,
        reason: `This is a plain text file (such as TXT or CSV). Save it as Word, Excel or PDF and upload that.`,
      };
    }
    return { ok: false, reason: `We could not tell what kind of file this is. ${ACCEPT_HINT}` };
  }

  let accepted: AcceptedType | undefined = SIMPLE[detected.mime] ?? OOXML[detected.mime];
  if (detected.mime === "application/x-cfb") {
    const legacy = LEGACY_OFFICE[extensionOf(fileName)];
    if (!legacy || !cfbHasStream(bytes, legacy.streams)) {
      return {
        ok: false,
        reason:
          "This is a Windows compound file (such as an installer or an Outlook message), not a Word, Excel or PowerPoint " +
          "document we can recognise. Older Office files must keep their .doc, .xls or .ppt name; otherwise save it as a PDF " +
          "or a newer Office file (.docx, .xlsx, .pptx) and upload that.",
      };
    }
    accepted = legacy;
  }
  if (!accepted) {
    const refused = refusedAs(detected.ext, detected.mime);
    const reason = refused.program
      ? `This is ${refused.what}, not a document${disguise(fileName)}. ${ACCEPT_HINT}`
      : `This is ${refused.what}, which is not accepted as evidence${disguise(fileName)}. ${refused.advice ?? ACCEPT_HINT}`;
    return { ok: false, reason };
  }

  // Polyglots: valid as the accepted type, and also something else that can carry code.
  const isImage = accepted.contentType.startsWith("image/");
  if ((isImage || accepted.contentType === "application/pdf") && containsZip(bytes, 1)) {
    return {
      ok: false,
      reason: `This ${accepted.label} also has a ZIP archive hidden inside it, which can carry programs. Export or save the ${accepted.label} again and upload the new copy.`,
    };
  }
  if (containsMarkup(bytes, isImage ? bytes.length : 1024)) {
    return {
      ok: false,
      reason: `This ${accepted.label} also contains web page or script code (HTML, SVG or PHP), which a browser could run. Export or save it again and upload the new copy.`,
    };
  }
  if (
    !isImage &&
    accepted.contentType !== "application/pdf" &&
    asBuffer(bytes).subarray(0, 1024).includes("%PDF-")
  ) {
    return {
      ok: false,
      reason: `This ${accepted.label} file also starts like a PDF, so it can be opened as two different documents. Save it again and upload the new copy.`,
    };
  }
  return { ok: true, contentType: accepted.contentType, ext: accepted.ext, label: accepted.label };
}

/** For people: what kind of evidence file a stored content type is. */
export function labelOfContentType(contentType: string): string {
  const all = [...Object.values(SIMPLE), ...Object.values(OOXML), ...Object.values(LEGACY_OFFICE)];
  return all.find((t) => t.contentType === contentType)?.label ?? "File";
}

/** The extension a download of a stored content type should end in. */
export function extensionOfContentType(contentType: string): string {
  const all = [...Object.values(SIMPLE), ...Object.values(OOXML), ...Object.values(LEGACY_OFFICE)];
  return all.find((t) => t.contentType === contentType)?.ext ?? "bin";
}
