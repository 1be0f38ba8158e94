import { createRequire } from "node:module";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

/**
 * The reports' fonts: DejaVu Sans and Sans Mono (Bitstream Vera licence, free to embed and
 * redistribute) from the pinned `dejavu-fonts-ttf` package, registered by local file path, so
 * rendering reads files and never the network, and every letter a school name or a narrative
 * may hold (accents, Polish, Welsh, “quotes”, arrows) is drawn and embedded in the PDF.
 */
export const BODY_FONT = "DejaVu Sans";
export const MONO_FONT = "DejaVu Sans Mono";

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const file = (name: string) => path.join(FONT_DIR, name);

let registered = false;

/** Registers the fonts once per process (or worker thread). */
export function registerReportFonts(): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: BODY_FONT,
    fonts: [
      { src: file("DejaVuSans.ttf") },
      { src: file("DejaVuSans-Bold.ttf"), fontWeight: "bold" },
      { src: file("DejaVuSans-Oblique.ttf"), fontStyle: "italic" },
      { src: file("DejaVuSans-BoldOblique.ttf"), fontWeight: "bold", fontStyle: "italic" },
    ],
  });
  Font.register({
    family: MONO_FONT,
    fonts: [
      { src: file("DejaVuSansMono.ttf") },
      { src: file("DejaVuSansMono-Bold.ttf"), fontWeight: "bold" },
      { src: file("DejaVuSansMono-Oblique.ttf"), fontStyle: "italic" },
      { src: file("DejaVuSansMono-BoldOblique.ttf"), fontWeight: "bold", fontStyle: "italic" },
    ],
  });
  // Words break at spaces only: hyphenating a child's name or a policy title helps nobody.
  Font.registerHyphenationCallback((word) => [word]);
}
