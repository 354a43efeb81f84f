/**
 * The one way the server makes a PDF (consent, REMS form, register reports): pdf-lib with fontkit and
 * the embedded Noto fonts (fonts.ts), so any text — Polish, Vietnamese, Arabic, Chinese — is drawn and
 * extracted exactly as stored. Text is wrapped at spaces (a word wider than the line breaks between
 * characters), never cut, and a flow of lines continues on a new page at the bottom margin.
 *
 * Two levels: `line`/`wrap`/`width` place text anywhere (tables, watermarks); `paragraph`/`gap` flow
 * text down the page from the top margin. Fonts are embedded on first use, as subsets.
 */
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';
import type { Color, PDFDocument, PDFFont, PDFPage, Rotation } from 'pdf-lib';
import { type Run, visualRuns } from './bidi.ts';
import { fontBytes, fontRuns, type Script, sharedFontkit, type Weight } from './fonts.ts';

const require = createRequire(import.meta.url);

/**
 * pdf-lib is a large CommonJS module (about half a second of CPU to load): required when the first document
 * is made, not when the server starts (which must answer within seconds).
 */
let pdfLibModule: typeof PdfLib | undefined;
const pdfLib = (): typeof PdfLib => {
  pdfLibModule ??= require('pdf-lib') as typeof PdfLib;
  return pdfLibModule;
};

/** A colour from red, green and blue between 0 and 1 (pdf-lib's `rgb`). */
export const rgb = (red: number, green: number, blue: number): Color => pdfLib().rgb(red, green, blue);

/** A rotation in degrees, counter-clockwise (pdf-lib's `degrees`). */
export const degrees = (angle: number): Rotation => pdfLib().degrees(angle);

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: Color;
  opacity?: number;
  rotate?: Rotation;
}

export interface PdfOptions {
  /** Points, e.g. [612, 792] for US Letter portrait. */
  pageSize: [number, number];
  margin: number;
  title: string;
  subject?: string;
  /** A function drawing the top of each new page of a flow (a table's header); returns nothing. */
  onNewPage?: (pdf: Pdf) => Promise<void>;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * OpenType features switched off for the Latin and CJK fonts. pdf-lib draws each glyph at its advance
 * width and ignores positioning (kerning, mark attachment), so those lookups only cost time (about
 * seven times the layout time measured on Noto Sans); and a PDF maps each glyph to one text, so a
 * composition that splits "ị" into "i" plus a combining dot (ccmp) or joins "fi" (liga) would make the
 * extracted text differ from the stored one. Precomposed letters are drawn with their own glyphs.
 * Arabic keeps every feature: its letters must be shaped.
 */
const PLAIN = Object.fromEntries(
  ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'dist'].map(
    (f) => [f, false],
  ),
);

export class Pdf {
  readonly doc: PDFDocument;
  page: PDFPage;
  /** The flow's baseline for the next line, from the bottom of the page. */
  y: number;
  pageNumber = 1;
  readonly #fonts = new Map<string, Promise<PDFFont>>();
  readonly #widths = new Map<string, number>();

  private constructor(
    doc: PDFDocument,
    readonly options: PdfOptions,
  ) {
    this.doc = doc;
    this.page = doc.addPage(options.pageSize);
    this.y = options.pageSize[1] - options.margin;
  }

  static async create(options: PdfOptions): Promise<Pdf> {
    const doc = await pdfLib().PDFDocument.create();
    doc.registerFontkit(sharedFontkit);
    doc.setTitle(options.title);
    if (options.subject) doc.setSubject(options.subject);
    doc.setProducer('Plasticity');
    doc.setCreator('Plasticity');
    return new Pdf(doc, options);
  }

  get width(): number {
    return this.options.pageSize[0];
  }
  get height(): number {
    return this.options.pageSize[1];
  }
  /** Width between the margins. */
  get measure(): number {
    return this.width - 2 * this.options.margin;
  }

  #font(script: Script, weight: Weight): Promise<PDFFont> {
    const key = `${script}-${weight}`;
    let font = this.#fonts.get(key);
    if (!font) {
      font = this.doc.embedFont(fontBytes(script, weight), {
        subset: true,
        ...(script === 'arabic' ? {} : { features: PLAIN }),
      });
      this.#fonts.set(key, font);
    }
    return font;
  }

  async #runsWidth(runs: Run[], size: number, weight: Weight): Promise<number> {
    let w = 0;
    for (const r of runs) w += (await this.#font(r.script, weight)).widthOfTextAtSize(r.text, size);
    return w;
  }

  /** Width of text on one line (shaped, in points). */
  async textWidth(text: string, size: number, bold = false): Promise<number> {
    const key = `${bold ? 'b' : 'r'}${size}:${text}`;
    let w = this.#widths.get(key);
    if (w === undefined) {
      w = await this.#runsWidth(fontRuns(text), size, bold ? 'bold' : 'regular');
      this.#widths.set(key, w);
    }
    return w;
  }

  /**
   * Lines of at most `width` points: paragraphs at '\n', words at spaces (runs of spaces and tabs count
   * as one), a word wider than the line split between characters (grapheme clusters). Nothing is dropped.
   */
  async wrap(text: string, size: number, width: number, bold = false): Promise<string[]> {
    const out: string[] = [];
    const space = await this.textWidth(' ', size, bold);
    for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of para.split(/[ \t]+/).filter(Boolean)) {
        const w = await this.textWidth(word, size, bold);
        if (line && lineWidth + space + w <= width) {
          line += ` ${word}`;
          lineWidth += space + w;
          continue;
        }
        if (line) out.push(line);
        line = '';
        lineWidth = 0;
        if (w <= width) {
          line = word;
          lineWidth = w;
          continue;
        }
        for (const { segment } of graphemes.segment(word)) {
          const sw = await this.textWidth(line + segment, size, bold);
          if (line && sw > width) {
            out.push(line);
            line = segment;
          } else line += segment;
          lineWidth = await this.textWidth(line, size, bold);
        }
      }
      out.push(line);
    }
    return out;
  }

  /** Draws one line (no wrapping) with its left edge at x and baseline at y; returns its width. */
  async line(text: string, x: number, y: number, style: TextStyle): Promise<number> {
    const weight: Weight = style.bold ? 'bold' : 'regular';
    let cursor = x;
    for (const run of visualRuns(text)) {
      const font = await this.#font(run.script, weight);
      this.page.drawText(run.text, {
        x: cursor,
        y,
        size: style.size,
        font,
        ...(style.color ? { color: style.color } : {}),
        ...(style.opacity !== undefined ? { opacity: style.opacity } : {}),
        ...(style.rotate ? { rotate: style.rotate } : {}),
      });
      cursor += font.widthOfTextAtSize(run.text, style.size);
    }
    return cursor - x;
  }

  /** Starts a new page of the flow (and draws its header, if any). */
  async newPage(): Promise<void> {
    this.page = this.doc.addPage(this.options.pageSize);
    this.pageNumber += 1;
    this.y = this.height - this.options.margin;
    if (this.options.onNewPage) await this.options.onNewPage(this);
  }

  /** Makes room for `height` points below the flow's position, on a new page if needed. */
  async ensure(height: number): Promise<void> {
    if (this.y - height < this.options.margin) await this.newPage();
  }

  /** Moves the flow down by `points`. */
  gap(points: number): void {
    this.y -= points;
  }

  /**
   * Flows text down the page at the margin (or `indent` points right of it), wrapped to the remaining
   * width, each line `lineHeight` times the size below the last; breaks pages as it goes.
   */
  async paragraph(text: string, style: TextStyle & { indent?: number; lineHeight?: number }): Promise<void> {
    const indent = style.indent ?? 0;
    const step = style.size * (style.lineHeight ?? 1.4);
    for (const l of await this.wrap(text, style.size, this.measure - indent, style.bold)) {
      await this.ensure(style.size);
      await this.line(l, this.options.margin + indent, this.y, style);
      this.y -= step;
    }
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
