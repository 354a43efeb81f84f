import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { flat, NAMES, pdfText } from '../../test/pdf-text.ts';
import { visualRuns } from './bidi.ts';
import { Pdf } from './document.ts';
import { fontRuns } from './fonts.ts';

const letter = () => Pdf.create({ pageSize: [612, 792], margin: 54, title: 'Test' });
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

describe('platform/pdf', () => {
  it('picks a font per run by coverage, keeping spaces inside an Arabic name in its run', () => {
    expect(fontRuns('Name: محمد عبد الله / 王小明')).toEqual([
      { script: 'latin', text: 'Name: ' },
      { script: 'arabic', text: 'محمد عبد الله / ' },
      { script: 'cjk', text: '王小明' },
    ]);
  });

  it('orders a right-to-left run for display inside a left-to-right line, runs kept in logical order', () => {
    expect(visualRuns('a محمد عبد b')).toEqual([
      { script: 'latin', text: 'a ' },
      { script: 'arabic', text: 'محمد عبد' },
      { script: 'latin', text: ' b' },
    ]);
    // Two right-to-left words around a Latin one: the Arabic words swap sides, the Latin reads left to right.
    const runs = visualRuns('سلام abc دنيا');
    expect(runs.map((r) => r.text.trim()).filter(Boolean)).toEqual(['سلام', 'abc', 'دنيا']);
  });

  it('writes each name, as a line and after a label, so that the extracted text is the stored string', async () => {
    const pdf = await letter();
    for (const n of NAMES) await pdf.paragraph(n, { size: 11 });
    for (const n of NAMES) await pdf.paragraph(`Signed by typed name: ${n}`, { size: 10, bold: true });
    const text = lines(pdfText(await pdf.save()));
    for (const n of NAMES) {
      expect(text).toContain(n);
      expect(text).toContain(`Signed by typed name: ${n}`);
    }
  });

  it('wraps instead of cutting: long words break between characters, long text flows onto new pages', async () => {
    const pdf = await letter();
    const word = `${'Żółć'.repeat(60)}END`;
    const cjk = '王小明'.repeat(120);
    const long = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    for (const t of [word, cjk, long]) await pdf.paragraph(t, { size: 10 });
    const bytes = await pdf.save();
    const text = flat(pdfText(bytes));
    expect(text).toContain(flat(word));
    expect(text).toContain(cjk);
    expect(text).toContain(flat(long));
    expect(pdf.doc.getPageCount()).toBeGreaterThan(1);
    for (const l of await pdf.wrap(long, 10, 200))
      expect(await pdf.textWidth(l, 10)).toBeLessThanOrEqual(200);
  }, 30_000);

  it('draws every glyph of a subset (none left blank), in each of the fonts', async () => {
    /** Dark pixels of the page rendered by poppler's pdftoppm as a greyscale image. */
    const ink = async (text: string) => {
      const pdf = await Pdf.create({ pageSize: [400, 60], margin: 10, title: 'Ink' });
      await pdf.line(text, 10, 20, { size: 28 });
      const pgm = execFileSync('pdftoppm', ['-gray', '-r', '36', '-'], { input: await pdf.save() });
      const body = pgm.subarray(pgm.length - (400 / 2) * (60 / 2));
      return body.filter((v) => v < 128).length;
    };
    for (const [one, many] of [
      ['C', 'Clinic Łódź office'],
      ['ل', 'العلاج بالكيتامين'],
      ['王', '王小明知情同意'],
    ]) {
      expect(await ink(many as string), many).toBeGreaterThan(3 * (await ink(one as string)));
    }
  });

  it('embeds font subsets only: a one-page document in four scripts stays small', async () => {
    const pdf = await letter();
    for (const n of NAMES) await pdf.paragraph(n, { size: 11 });
    expect((await pdf.save()).length).toBeLessThan(60_000);
  });
});
