/**
 * The text a reader extracts from a PDF, as poppler's `pdftotext` gives it (UTF-8; in reading order, or in
 * the order it was drawn — a table's cells one after the other, where reading order mixes a cell's wrapped
 * lines with its neighbours'). The Unicode directional marks it puts around right-to-left runs (U+202A–
 * U+202E, U+2066–U+2069) are not part of the text and are removed. `.ci/run` installs poppler-utils; a
 * developer machine needs it too.
 */
import { execFileSync } from 'node:child_process';

export function pdfText(bytes: Uint8Array, order: 'reading' | 'drawn' = 'reading'): string {
  let out: Buffer;
  try {
    const mode = order === 'drawn' ? ['-raw'] : [];
    out = execFileSync('pdftotext', [...mode, '-enc', 'UTF-8', '-', '-'], { input: bytes });
  } catch (e) {
    const missing = e instanceof Error && 'code' in e && e.code === 'ENOENT';
    if (missing)
      throw new Error('pdftotext is not installed: install poppler-utils (apt-get install poppler-utils)');
    throw e;
  }
  return out.toString('utf8').replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Whitespace-insensitive form, for text that wraps across lines or table cells. */
export const flat = (s: string) => s.replace(/\s+/g, '');

/** Names in four writing systems: Latin with Polish and Vietnamese letters, Arabic (right to left), Chinese. */
export const NAMES = ['Łukasz Żółć', 'Nguyễn Thị Ánh', 'محمد عبد الله', '王小明'];
