/**
 * Renders a register report as a PDF (platform/pdf: Unicode fonts, cells wrapped and never cut; landscape
 * US Letter, header repeated and footer printed on every page) or as CSV (RFC 4180, formula-injection
 * safe; see audit/csv.ts). Reports are for an inspector: 21 CFR
 * 1304.04 requires records "readily retrievable", so each carries the registrant's name, address and
 * DEA number, the period, and when and in which time zone it was printed.
 */
import { Pdf, rgb } from '../../../platform/pdf/document.ts';
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

export async function renderPdf(r: Report): Promise<Uint8Array> {
  const [W, H, M] = [792, 612, 32];
  const total = r.columns.reduce((s, c) => s + c.width, 0);
  const widths = r.columns.map((c) => ((W - 2 * M) * c.width) / total);
  const size = 7;
  const lineH = 8.5;
  const rowH = 12;
  const gray = rgb(0.35, 0.35, 0.35);
  /** Draws cells side by side from the flow's position; returns the height used. */
  const cells = async (pdf: Pdf, lines: string[][], bold: boolean) => {
    let x = M;
    for (const [i, ls] of lines.entries()) {
      for (const [k, l] of ls.entries()) await pdf.line(l, x, pdf.y - k * lineH, { size, bold });
      x += widths[i] ?? 0;
    }
    return Math.max(1, ...lines.map((l) => l.length)) * lineH;
  };
  const header = async (pdf: Pdf) => {
    await pdf.paragraph(r.title, { size: 13, bold: true, lineHeight: 16 / 13 });
    for (const l of r.lines) await pdf.paragraph(l, { size: 8.5, lineHeight: 11 / 8.5 });
    pdf.gap(4);
    const heads = await Promise.all(
      r.columns.map((c, i) => pdf.wrap(c.header, size, (widths[i] ?? 0) - 3, true)),
    );
    const used = await cells(pdf, heads, true);
    pdf.gap(used - lineH + 3);
    pdf.page.drawLine({
      start: { x: M, y: pdf.y },
      end: { x: W - M, y: pdf.y },
      thickness: 0.6,
      color: rgb(0.3, 0.3, 0.3),
    });
    pdf.gap(rowH - 2);
  };
  const pdf = await Pdf.create({
    pageSize: [W, H],
    margin: M,
    title: r.title,
    subject: r.lines.join(' | '),
    onNewPage: header,
  });
  await header(pdf);
  if (r.rows.length === 0) {
    await pdf.line('No entries.', M, pdf.y, { size: 9 });
    pdf.gap(rowH);
  }
  for (const row of r.rows) {
    const lines = await Promise.all(row.map((cell, i) => pdf.wrap(cell, size, (widths[i] ?? 0) - 3)));
    const height = Math.max(1, ...lines.map((l) => l.length)) * lineH + (rowH - lineH);
    if (pdf.y - height + rowH < M + rowH) {
      await pdf.newPage();
    }
    await cells(pdf, lines, false);
    pdf.gap(height);
  }
  if (r.footnote) {
    pdf.gap(6);
    for (const part of r.footnote.split('\n')) {
      if (pdf.y < M + rowH) {
        await pdf.newPage();
      }
      await pdf.paragraph(part, { size: 8, lineHeight: 10 / 8 });
    }
  }
  for (const [i, page] of pdf.doc.getPages().entries()) {
    pdf.page = page;
    await pdf.line(`Printed ${r.printedAt} – page ${i + 1}`, M, M / 2, { size: 7, color: gray });
  }
  return pdf.save();
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
