/**
 * The fonts every PDF the server makes is drawn with, and which one draws each character.
 *
 * The TrueType files come from npm packages of the Google Fonts Noto families (SIL Open Font License
 * 1.1, the packages' own code MIT), so they are there right after `npm install`, on a machine without
 * system fonts: Noto Sans (Latin including Vietnamese, Greek, Cyrillic), Noto Sans Arabic (shaped
 * through its OpenType GSUB tables by fontkit) and Noto Sans SC (Chinese, and the fallback for Japanese
 * and Korean ideographs and kana it covers). Only the weights used are read, each file once per process
 * and only when a document needs it (the CJK file is about 10 MB); documents embed a subset.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font, default as Fontkit, Glyph } from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

export type Script = 'latin' | 'arabic' | 'cjk';
export type Weight = 'regular' | 'bold';

/** In the order a character is looked up: the first font that has a glyph for it draws it. */
export const SCRIPTS: readonly Script[] = ['latin', 'arabic', 'cjk'];

const require = createRequire(import.meta.url);

/**
 * fontkit is a large CommonJS module (about half a second of CPU to load): required when the first document
 * is made, not when the server starts.
 */
let fontkitModule: typeof Fontkit | undefined;
const fontkit = (): typeof Fontkit => {
  fontkitModule ??= require('@pdf-lib/fontkit') as typeof Fontkit;
  return fontkitModule;
};

/** Each script's font package (resolved by name, so the dependency checker sees them) and family. */
const FILES: Record<Script, { resolve: () => string; family: string }> = {
  latin: { resolve: () => require.resolve('@expo-google-fonts/noto-sans/package.json'), family: 'NotoSans' },
  arabic: {
    resolve: () => require.resolve('@expo-google-fonts/noto-sans-arabic/package.json'),
    family: 'NotoSansArabic',
  },
  cjk: {
    resolve: () => require.resolve('@expo-google-fonts/noto-sans-sc/package.json'),
    family: 'NotoSansSC',
  },
};

/** Absolute path of one font file inside its package (the packages keep each weight in a folder). */
export function fontPath(script: Script, weight: Weight): string {
  const { resolve, family } = FILES[script];
  const dir = dirname(resolve());
  const style = weight === 'bold' ? '700Bold' : '400Regular';
  return join(dir, style, `${family}_${style}.ttf`);
}

const bytesCache = new Map<string, Uint8Array>();
const parsed = new WeakMap<Uint8Array, Font>();

/** The file's bytes, read once per process. */
export function fontBytes(script: Script, weight: Weight): Uint8Array {
  const path = fontPath(script, weight);
  let bytes = bytesCache.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    bytesCache.set(path, bytes);
  }
  return bytes;
}

function parse(bytes: Uint8Array): Font {
  let font = parsed.get(bytes);
  if (!font) {
    font = fontkit().create(bytes);
    keepCodePoints(font);
    padSubsetGlyphs(font);
    parsed.set(bytes, font);
  }
  return font;
}

/**
 * fontkit caches one glyph object per glyph id with the characters it was first asked for. A parsed font
 * shared between documents would then hand a glyph first met as a component of an accented letter (when
 * a subset was written, with no characters) to the next document's text, whose extracted text would lose
 * that letter. Here a glyph asked for with other characters than it holds is returned as a view carrying
 * the characters asked for; everything else is read through to the cached glyph.
 */
function keepCodePoints(font: Font): void {
  const cached = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []): Glyph => {
    const glyph = cached(id, codePoints);
    const same =
      glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i]);
    if (same || codePoints.length === 0) return glyph;
    const view: Glyph = Object.create(glyph);
    Object.defineProperty(view, 'codePoints', { value: codePoints, enumerable: true });
    return view;
  };
}

/**
 * fontkit for pdf-lib, parsing each font file once per process rather than once per document (pdf-lib
 * asks it to parse the bytes on every embedding; the CJK file alone is 10 MB). A parsed font is only
 * read from afterwards: layouts, glyphs and subsets are made per call.
 */
export const sharedFontkit: Parameters<PDFDocument['registerFontkit']>[0] = { create: parse };

interface TtfSubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}
let padded = false;

/**
 * fontkit 1 (pdf-lib's) writes a subset's glyphs back to back, but a short 'loca' table stores offsets
 * divided by two (OpenType specification, 'loca' table), so a glyph of odd length — the Noto files have
 * some — shifts every later glyph and they render blank. Each glyph is padded to a multiple of four
 * bytes, as the specification recommends; fontkit's own later versions do the same.
 */
function padSubsetGlyphs(font: Font): void {
  if (padded) return;
  const proto: TtfSubsetInternals = Object.getPrototypeOf(font.createSubset());
  const add = proto._addGlyph;
  proto._addGlyph = function (this: TtfSubsetInternals, gid: number): number {
    const index = add.call(this, gid);
    const glyph = this.glyf[index];
    const extra = glyph ? (4 - (glyph.length % 4)) % 4 : 0;
    if (glyph && extra > 0) {
      // fontkit's encoder accepts only its own bundled Buffer class: make the copy with that constructor.
      const BufferClass: new (size: number) => Uint8Array = Object.getPrototypeOf(glyph).constructor;
      const out = new BufferClass(glyph.length + extra);
      out.set(glyph);
      this.glyf[index] = out;
      this.offset += extra;
    }
    return index;
  };
  padded = true;
}

/** The regular weight, for coverage questions (the bold files cover the same characters). */
const coverageFont = (script: Script): Font => parse(fontBytes(script, 'regular'));

export function covers(script: Script, codePoint: number): boolean {
  return coverageFont(script).hasGlyphForCodePoint(codePoint);
}

/** Spaces, punctuation, digits, symbols and combining marks: they stay in the font of the run around them. */
const NEUTRAL = /^[\s\p{P}\p{S}\p{M}\p{Nd}]$/u;

/**
 * The font for one character: a neutral character continues the previous run's font when that font has
 * it (so "محمد عبد الله" stays one Arabic run, spaces included); otherwise the first font with a glyph;
 * a character no font has is left to Noto Sans, which draws its missing-glyph box.
 */
export function scriptFor(char: string, previous: Script | null): Script {
  const cp = char.codePointAt(0) ?? 0;
  if (previous && NEUTRAL.test(char) && covers(previous, cp)) return previous;
  for (const s of SCRIPTS) if (covers(s, cp)) return s;
  return 'latin';
}

/** Splits text (logical order) into runs that one font draws. */
export function fontRuns(text: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  let current: { script: Script; text: string } | null = null;
  for (const char of text) {
    const script = scriptFor(char, current?.script ?? null);
    if (current && current.script === script) current.text += char;
    else {
      current = { script, text: char };
      runs.push(current);
    }
  }
  return runs;
}
