// How the insight charts' axes fit the width they are drawn at (a phone's, a laptop's): labels
// that never run into one another, and ticks far enough apart to read.

/** Width of a character of the charts' text as a share of its size: generous, so an estimate errs towards room. */
const CHAR_WIDTH = 0.62;
/** Room kept clear between neighbouring labels. */
const LABEL_GAP = 8;
/** Between the axis and its labels. */
const TICK_ROOM = 10;

/** How wide `text` is drawn at `fontSize`, about. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * CHAR_WIDTH;
}

/** `text` broken between words onto lines no wider than `room` (a word longer than that stays whole). */
export function linesOf(text: string, room: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, fontSize) <= room)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export interface CategoryLabels {
  /** Each label as drawn: its lines joined by "\n" (the chart draws each on a line of its own). */
  text: string[];
  /** Turned 45° (a word is wider than a label's share of the axis), else written across. */
  angled: boolean;
  /** Room the labels take below the axis, in px. */
  depth: number;
  /** How far the first label reaches left of its tick, in px (the chart keeps that room). */
  overhang: number;
}

/**
 * The labels of an axis with a category every `slot` px: written across, broken between words
 * onto lines that leave a gap to their neighbours; where even one word is wider than that, all
 * turned 45° (parallel, so neighbours `slot` px apart never meet) and written whole.
 */
export function fitCategoryLabels(
  labels: string[],
  slot: number,
  fontSize: number,
): CategoryLabels {
  const room = slot - LABEL_GAP;
  const lineHeight = fontSize * 1.2;
  const wrapped = labels.map((label) => linesOf(label, room, fontSize));
  const fits = wrapped.every((lines) => lines.every((line) => textWidth(line, fontSize) <= room));
  if (fits)
    return {
      text: wrapped.map((lines) => lines.join("\n")),
      angled: false,
      depth: TICK_ROOM + Math.max(1, ...wrapped.map((l) => l.length)) * lineHeight,
      overhang: Math.max(0, ...(wrapped[0] ?? []).map((line) => textWidth(line, fontSize))) / 2,
    };
  const longest = Math.max(...labels.map((label) => textWidth(label, fontSize)));
  return {
    text: labels,
    angled: true,
    depth: TICK_ROOM + longest * Math.SQRT1_2 + lineHeight,
    overhang: (textWidth(labels[0] ?? "", fontSize) + lineHeight) * Math.SQRT1_2,
  };
}

/**
 * Whole-number ticks from 0 to `max` (always ending at `max`, the axis's full length), at least
 * `spacing` px apart along an axis `length` px long.
 */
export function wholeTicks(max: number, length: number, spacing = 48): number[] {
  const most = Math.max(1, Math.floor(length / spacing));
  const step = Math.max(1, Math.ceil(max / most));
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  if (ticks.at(-1) !== max) {
    // The last multiple too close to the end would sit on top of it.
    if (max - ticks[ticks.length - 1] < step / 2) ticks.pop();
    ticks.push(max);
  }
  return ticks;
}
