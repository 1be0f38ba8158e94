import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDay } from "../dates.ts";

/** What a certificate states: the facts of one award, ready to print. */
export interface Certificate {
  trustName: string;
  schoolName: string;
  markName: string;
  /** The framework version the school was validated and accredited against (null: not recorded). */
  frameworkVersion: number | null;
  tier: string | null;
  /** ISO dates (YYYY-MM-DD). */
  startDate: string;
  expiryDate: string;
  code: string;
  /** Where anyone can check the code, e.g. https://marks.example/verify?code=QM-…. */
  verifyUrl: string;
  issuedAt: Date;
}

/** "2027-01-15" → "15 January 2027" (a calendar day: no time zone shifts it). */
export function longDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDay(iso) : iso;
}

// Letters the standard fonts lack but that read fine without their accent or as a neighbour.
const SUBSTITUTES: Record<string, string> = {
  "\u00a0": " ",
  "\u2007": " ",
  "\u2009": " ",
  "\u202f": " ",
  "\u200b": "",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u201b": "'",
  "\u201f": '"',
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
  "\u0131": "i",
  "\u00df": "ss",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2192": "->",
};

/**
 * Text the font can draw. Helvetica as a standard font encodes WinAnsi (Windows-1252) only, and
 * pdf-lib throws on anything else, so a school named "Łódź Academy" or a trust name with an
 * emoji must degrade, never fail: known look-alikes first, then the letter without its
 * accent, then "?" for a letter (a symbol or emoji is dropped). Control characters and line breaks become single spaces.
 */
export function sanitiseForFont(text: string, supported: ReadonlySet<number>): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += " ";
    else if (supported.has(code)) out += ch;
    else if (ch in SUBSTITUTES) out += SUBSTITUTES[ch];
    else {
      const bare = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      // An unknown letter or digit still holds its place; an emoji or symbol just goes.
      out +=
        bare && [...bare].every((c) => supported.has(c.codePointAt(0)!))
          ? bare
          : /[\p{L}\p{N}]/u.test(ch)
            ? "?"
            : "";
    }
  }
  return out.replace(/\s+/g, " ").trim();
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

const INK = rgb(0.106, 0.122, 0.141);
const MUTED = rgb(0.29, 0.333, 0.38);
const BRAND = rgb(0.122, 0.306, 0.475);

/** Largest size (down to `min`) at which `text` fits `width` on one line, else wrapped lines at `min`. */
function fit(
  text: string,
  font: PDFFont,
  max: number,
  min: number,
  width: number,
): { size: number; lines: string[] } {
  for (let size = max; size >= min; size -= 1) {
    if (font.widthOfTextAtSize(text, size) <= width) return { size, lines: [text] };
  }
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, min) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return { size: min, lines: lines.slice(0, 3) };
}

/** Draws `text` centred on the page at `y` (its baseline); returns the y below it. */
function centred(
  page: PDFPage,
  text: string,
  y: number,
  font: PDFFont,
  options: { max: number; min?: number; colour?: ReturnType<typeof rgb> },
): number {
  const width = page.getWidth() - 160;
  const { size, lines } = fit(text, font, options.max, options.min ?? options.max, width);
  let at = y;
  for (const line of lines) {
    const lineWidth = font.widthOfTextAtSize(line, size);
    page.drawText(line, {
      x: (page.getWidth() - lineWidth) / 2,
      y: at,
      size,
      font,
      color: options.colour ?? INK,
    });
    at -= size * 1.25;
  }
  return at;
}

/** The certificate as a one-page A4 landscape PDF. */
export async function renderCertificatePdf(certificate: Certificate): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  // All three fonts share the WinAnsi encoding, so one character set serves them all.
  const supported = new Set(fonts.regular.getCharacterSet());
  const clean = (text: string) => sanitiseForFont(text, supported);

  // Metadata is UTF-16 in the file: no need to drop accents there.
  pdf.setTitle(`${certificate.markName}: ${certificate.schoolName}`);
  pdf.setAuthor(certificate.trustName);
  pdf.setSubject(`Certificate of accreditation ${certificate.code}`);
  pdf.setCreator("Quality marks workspace");
  pdf.setProducer("Quality marks workspace");
  pdf.setLanguage("en-GB");
  pdf.setCreationDate(certificate.issuedAt);
  pdf.setModificationDate(certificate.issuedAt);

  const page = pdf.addPage([841.89, 595.28]);
  const { width, height } = page.getSize();
  page.drawRectangle({
    x: 24,
    y: 24,
    width: width - 48,
    height: height - 48,
    borderColor: BRAND,
    borderWidth: 3,
  });
  page.drawRectangle({
    x: 34,
    y: 34,
    width: width - 68,
    height: height - 68,
    borderColor: BRAND,
    borderWidth: 0.75,
  });

  let y = height - 100;
  y =
    centred(page, clean(certificate.trustName), y, fonts.bold, {
      max: 20,
      min: 12,
      colour: BRAND,
    }) - 18;
  y = centred(page, "Certificate of accreditation", y, fonts.regular, { max: 30 }) - 22;
  y = centred(page, "This certifies that", y, fonts.italic, { max: 14, colour: MUTED }) - 14;
  y = centred(page, clean(certificate.schoolName), y, fonts.bold, { max: 32, min: 16 }) - 10;
  y =
    centred(page, "has been accredited with the", y, fonts.italic, { max: 14, colour: MUTED }) - 14;
  y =
    centred(page, clean(certificate.markName), y, fonts.bold, { max: 26, min: 14, colour: BRAND }) -
    6;
  if (certificate.tier)
    y =
      centred(page, `${clean(certificate.tier)} tier`, y, fonts.regular, { max: 18, min: 12 }) - 6;
  if (certificate.frameworkVersion !== null)
    y =
      centred(page, `Framework version ${certificate.frameworkVersion}`, y, fonts.regular, {
        max: 12,
        colour: MUTED,
      }) - 4;
  centred(
    page,
    `Awarded ${longDate(certificate.startDate)}. Valid until ${longDate(certificate.expiryDate)}.`,
    y - 8,
    fonts.regular,
    { max: 14 },
  );

  const footer = 70;
  centred(page, `Verification code: ${clean(certificate.code)}`, footer + 22, fonts.bold, {
    max: 12,
  });
  centred(
    page,
    `Check this certificate at ${clean(certificate.verifyUrl)}`,
    footer,
    fonts.regular,
    { max: 10, min: 7, colour: MUTED },
  );

  return pdf.save();
}
