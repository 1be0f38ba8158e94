import { DefaultToolbar, type TLComponents } from "tldraw";

/**
 * tldraw's own toolbar, told to keep shedding tools (into its "more" menu) as the board narrows.
 * By itself it shows at least four tools however narrow the board, which with the undo row and
 * the style button takes 288 px: more than a small phone's board (254 px at 320 px wide), so the
 * tools were cut off at both sides. Here the count keeps tldraw's own pace, a tool per 40 px,
 * down to two: the same tools as before from a 390 px phone up, and always within the board.
 */
function FittingToolbar() {
  return <DefaultToolbar minItems={2} minSizePx={230} maxItems={8} maxSizePx={470} />;
}

/** The whiteboard's tldraw parts that differ from tldraw's defaults. */
export const WHITEBOARD_COMPONENTS: TLComponents = { Toolbar: FittingToolbar };
