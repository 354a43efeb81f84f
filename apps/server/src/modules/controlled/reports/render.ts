/**
 * Renders a register report as a PDF (pdf-lib, landscape US Letter, header repeated on every page) or
 * as CSV (RFC 4180, formula-injection safe; see audit/csv.ts). Reports are for an inspector: 21 CFR
 * 1304.04 requires records "readily retrievable", so each carries the registrant's name, address and
 * DEA number, the period, and when and in which time zone it was printed.
 */
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import { stamp } from '../../../platform/time-format.ts';
import { toCsv } from '../../audit/csv.ts';

export interface Column {
  header: string;
  /** Relative width. */
  width: number;
}

export interface Report {
  title: string;
  /** Lines under the title: registrant, period, rules applied. */
  lines: string[];
  columns: Column[];
  rows: string[][];
  footnote?: string;
  printedAt: string;
}

/** Standard PDF fonts speak WinAnsi only: replace what they cannot draw. */
const ascii = (s: string) =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2265/g, '>=')
    .replace(/\u2264/g, '<=')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

function fit(text: string, font: PDFFont, size: number, width: number): string {
  let t = ascii(text);
  if (font.widthOfTextAtSize(t, size) <= width) return t;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}...`, size) > width) t = t.slice(0, -1);
  return `${t}...`;
}

/** Splits text into lines that fit `width` (at spaces where possible, else anywhere): nothing is cut off. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  const push = (word: string) => {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      return;
    }
    if (line) out.push(line);
    line = '';
    let w = word;
    while (font.widthOfTextAtSize(w, size) > width && w.length > 1) {
      let n = w.length;
      while (n > 1 && font.widthOfTextAtSize(w.slice(0, n), size) > width) n -= 1;
      out.push(w.slice(0, n));
      w = w.slice(n);
    }
    line = w;
  };
  for (const word of ascii(text).split(' ')) push(word);
  if (line || out.length === 0) out.push(line);
  return out;
}

export async function renderPdf(r: Report): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(ascii(r.title));
  doc.setSubject(ascii(r.lines.join(' | ')));
  doc.setProducer('Plasticity');
  doc.setCreationDate(new Date());
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const [W, H, M] = [792, 612, 32];
  const total = r.columns.reduce((s, c) => s + c.width, 0);
  const widths = r.columns.map((c) => ((W - 2 * M) * c.width) / total);
  const size = 7;
  const lineH = 8.5;
  const rowH = 12;
  let page = doc.addPage([W, H]);
  let y = H - M;
  let pageNo = 1;
  const header = () => {
    page.drawText(ascii(r.title), { x: M, y, size: 13, font: bold });
    y -= 16;
    for (const l of r.lines) {
      page.drawText(fit(l, font, 8.5, W - 2 * M), { x: M, y, size: 8.5, font });
      y -= 11;
    }
    y -= 4;
    let x = M;
    const heads = r.columns.map((c, i) => wrap(c.header, bold, size, (widths[i] ?? 0) - 3));
    const headLines = Math.max(...heads.map((l) => l.length));
    heads.forEach((ls, i) => {
      for (const [k, l] of ls.entries()) page.drawText(l, { x, y: y - k * lineH, size, font: bold });
      x += widths[i] ?? 0;
    });
    y -= (headLines - 1) * lineH + 3;
    page.drawLine({ start: { x: M, y }, end: { x: W - M, y }, thickness: 0.6, color: rgb(0.3, 0.3, 0.3) });
    y -= rowH - 2;
  };
  const footer = () =>
    page.drawText(ascii(`Printed ${r.printedAt} - page ${pageNo}`), {
      x: M,
      y: M / 2,
      size: 7,
      font,
      color: rgb(0.35, 0.35, 0.35),
    });
  header();
  if (r.rows.length === 0) {
    page.drawText('No entries.', { x: M, y, size: 9, font });
    y -= rowH;
  }
  for (const row of r.rows) {
    const cells = row.map((cell, i) => wrap(cell, font, size, (widths[i] ?? 0) - 3));
    const height = Math.max(...cells.map((l) => l.length)) * lineH + (rowH - lineH);
    if (y - height + rowH < M + rowH) {
      footer();
      page = doc.addPage([W, H]);
      pageNo += 1;
      y = H - M;
      header();
    }
    let x = M;
    cells.forEach((ls, i) => {
      for (const [k, l] of ls.entries()) page.drawText(l, { x, y: y - k * lineH, size, font });
      x += widths[i] ?? 0;
    });
    y -= height;
  }
  if (r.footnote) {
    if (y < M + 3 * rowH) {
      footer();
      page = doc.addPage([W, H]);
      pageNo += 1;
      y = H - M;
    }
    y -= 6;
    for (const part of r.footnote.split('\n')) {
      page.drawText(fit(part, font, 8, W - 2 * M), { x: M, y, size: 8, font });
      y -= 10;
    }
  }
  footer();
  return doc.save({ useObjectStreams: false });
}

export function renderCsv(r: Report): string {
  return toCsv(
    r.columns.map((c) => c.header),
    r.rows,
  );
}

/** 'YYYY-MM-DD HH:mm TZ' in the clinic's time zone (the product's one format, `platform/time-format.ts`). */
export function localStamp(d: Date, timeZone: string): string {
  return stamp(d, timeZone);
}
