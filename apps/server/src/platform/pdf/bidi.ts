/**
 * Orders one line of text for display (Unicode Standard Annex #9, the Unicode Bidirectional Algorithm,
 * as implemented by the bidi-js package) and cuts it into runs that one font draws.
 *
 * Every document is an English document, so a line's base direction is left to right; a right-to-left
 * run inside it (an Arabic name) is placed where the algorithm puts it. Each run is handed to pdf-lib in
 * logical order: fontkit shapes it (Arabic joining forms, lam-alef ligatures from the font's GSUB) and,
 * for a right-to-left script, returns the glyphs in visual order itself. A right-to-left run without a
 * right-to-left letter (neutral characters between Arabic words) is reversed here, as fontkit would not.
 * Mirrored brackets (rule L4) are not substituted: a bracket inside Arabic text is drawn unmirrored.
 * The text a PDF reader extracts is the logical string: each glyph maps back to its characters through
 * the font's ToUnicode table, and readers reorder right-to-left runs by the same algorithm.
 */
import bidiFactory from 'bidi-js';
import { fontRuns, type Script } from './fonts.ts';

const bidi = bidiFactory();
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

export interface Run {
  script: Script;
  /** Logical order, as passed to pdf-lib (see above for right-to-left runs without a letter). */
  text: string;
}

/** The runs of one line, left to right as they are drawn. */
export function visualRuns(line: string): Run[] {
  if (!RTL_LETTER.test(line)) return fontRuns(line);
  const levels = bidi.getEmbeddingLevels(line, 'ltr');
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(line, levels)) {
    const flipped = order.slice(start, end + 1).reverse();
    order.splice(start, flipped.length, ...flipped);
  }
  // Group visually adjacent indices of one level that are also adjacent in the string.
  const groups: { from: number; to: number; rtl: boolean }[] = [];
  for (const i of order) {
    const rtl = (levels.levels[i] ?? 0) % 2 === 1;
    const last = groups.at(-1);
    if (last && last.rtl === rtl && (rtl ? i === last.from - 1 : i === last.to + 1)) {
      if (rtl) last.from = i;
      else last.to = i;
    } else groups.push({ from: i, to: i, rtl });
  }
  const out: Run[] = [];
  for (const g of groups) {
    const runs = fontRuns(line.slice(g.from, g.to + 1));
    if (g.rtl) {
      runs.reverse();
      for (const r of runs) if (!RTL_LETTER.test(r.text)) r.text = Array.from(r.text).reverse().join('');
    }
    out.push(...runs);
  }
  return out;
}
