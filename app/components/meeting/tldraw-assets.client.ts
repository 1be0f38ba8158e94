import monoBold from "@tldraw/assets/fonts/IBMPlexMono-Bold.woff2";
import monoBoldItalic from "@tldraw/assets/fonts/IBMPlexMono-BoldItalic.woff2";
import mono from "@tldraw/assets/fonts/IBMPlexMono-Medium.woff2";
import monoItalic from "@tldraw/assets/fonts/IBMPlexMono-MediumItalic.woff2";
import sansBold from "@tldraw/assets/fonts/IBMPlexSans-Bold.woff2";
import sansBoldItalic from "@tldraw/assets/fonts/IBMPlexSans-BoldItalic.woff2";
import sans from "@tldraw/assets/fonts/IBMPlexSans-Medium.woff2";
import sansItalic from "@tldraw/assets/fonts/IBMPlexSans-MediumItalic.woff2";
import serifBold from "@tldraw/assets/fonts/IBMPlexSerif-Bold.woff2";
import serifBoldItalic from "@tldraw/assets/fonts/IBMPlexSerif-BoldItalic.woff2";
import serif from "@tldraw/assets/fonts/IBMPlexSerif-Medium.woff2";
import serifItalic from "@tldraw/assets/fonts/IBMPlexSerif-MediumItalic.woff2";
import drawBold from "@tldraw/assets/fonts/Shantell_Sans-Informal_Bold.woff2";
import drawBoldItalic from "@tldraw/assets/fonts/Shantell_Sans-Informal_Bold_Italic.woff2";
import draw from "@tldraw/assets/fonts/Shantell_Sans-Informal_Regular.woff2";
import drawItalic from "@tldraw/assets/fonts/Shantell_Sans-Informal_Regular_Italic.woff2";
import iconSprite from "@tldraw/assets/icons/icon/0_merged.svg";
import { DEFAULT_EMBED_DEFINITIONS, iconTypes, type TLUiAssetUrlOverrides } from "tldraw";

/**
 * tldraw's fonts and icons served from our own origin (the compiler copies these files into
 * the build), instead of its CDN: the Content-Security-Policy allows only 'self', and a school
 * network should not need a third party to draw on a whiteboard.
 *
 * Translations: for English, tldraw only checks that its English file answers and then uses
 * the strings bundled in it, so any file of ours that answers will do (the icon sprite).
 * Other locales are not served (this is an English product).
 */
export const WHITEBOARD_ASSET_URLS: TLUiAssetUrlOverrides = {
  fonts: {
    tldraw_mono: mono,
    tldraw_mono_bold: monoBold,
    tldraw_mono_italic: monoItalic,
    tldraw_mono_italic_bold: monoBoldItalic,
    tldraw_sans: sans,
    tldraw_sans_bold: sansBold,
    tldraw_sans_italic: sansItalic,
    tldraw_sans_italic_bold: sansBoldItalic,
    tldraw_serif: serif,
    tldraw_serif_bold: serifBold,
    tldraw_serif_italic: serifItalic,
    tldraw_serif_italic_bold: serifBoldItalic,
    tldraw_draw: draw,
    tldraw_draw_bold: drawBold,
    tldraw_draw_italic: drawItalic,
    tldraw_draw_italic_bold: drawBoldItalic,
  },
  icons: Object.fromEntries(iconTypes.map((name) => [name, `${iconSprite}#${name}`])),
  translations: { en: iconSprite },
  // Embeds are turned off on the whiteboard; tldraw still preloads their icons, so point them here.
  embedIcons: Object.fromEntries(
    DEFAULT_EMBED_DEFINITIONS.map((embed) => [embed.type, iconSprite]),
  ),
};
