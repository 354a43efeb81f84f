/**
 * Reads a patients CSV file (RFC 4180, UTF-8, optional BOM, a header row) into create-patient bodies, each
 * validated by the API's own `CreatePatientRequest` schema, so a row is accepted exactly when the same body
 * sent to `POST /api/v1/patients` would be. Problems name the physical line where the row starts (the header
 * is line 1; a quoted field holding a line break spans lines), the column and the message — never the value.
 */
import { CreatePatientRequest } from '@plasticity/contracts';
import { CsvError, parse } from 'csv-parse/sync';

/** One column of the file: its documented name, other accepted spellings, and the body field it fills. */
interface Column {
  name: string;
  path: readonly [string] | readonly [string, string];
  aliases?: string[];
}

/** The columns, in documented order (README "Importing patients"). Header matching ignores case, spaces, `_` and `-`. */
const COLUMNS: readonly Column[] = [
  { name: 'mrn', path: ['mrn'], aliases: ['medical record number'] },
  { name: 'first_name', path: ['firstName'], aliases: ['given name'] },
  { name: 'last_name', path: ['lastName'], aliases: ['family name'] },
  { name: 'date_of_birth', path: ['dateOfBirth'], aliases: ['dob', 'birth date'] },
  { name: 'sex', path: ['sex'] },
  { name: 'email', path: ['email'] },
  { name: 'phone', path: ['phone'] },
  { name: 'address_line1', path: ['address', 'line1'] },
  { name: 'address_line2', path: ['address', 'line2'] },
  { name: 'city', path: ['address', 'city'] },
  { name: 'state', path: ['address', 'state'] },
  { name: 'postal_code', path: ['address', 'postalCode'], aliases: ['zip', 'zip code'] },
  { name: 'country', path: ['address', 'country'] },
  { name: 'emergency_contact_name', path: ['emergencyContact', 'name'] },
  { name: 'emergency_contact_phone', path: ['emergencyContact', 'phone'] },
  { name: 'emergency_contact_relationship', path: ['emergencyContact', 'relationship'] },
];

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_KEY = new Map<string, Column>();
for (const c of COLUMNS)
  for (const k of [c.name, c.path.join(''), ...(c.aliases ?? [])]) BY_KEY.set(key(k), c);

/** Columns the file must have: the body fields the API's schema requires (derived from it, not listed here). */
export const REQUIRED_COLUMNS = COLUMNS.filter((c) => {
  const field = CreatePatientRequest.shape[c.path[0] as keyof typeof CreatePatientRequest.shape];
  return c.path.length === 1 && !field.safeParse(undefined).success;
}).map((c) => c.name);

export interface CsvProblem {
  line: number;
  /** The column as the file's header spells it (or its documented name when the file lacks it). */
  field: string | null;
  message: string;
}

export interface CsvRow {
  line: number;
  body: CreatePatientRequest;
}

interface ParsedCsv {
  /** Data rows read (blank lines and rows of empty cells are not rows). */
  rowCount: number;
  /** Rows that passed validation. */
  rows: CsvRow[];
  problems: CsvProblem[];
}

interface ParsedRecord {
  record: string[];
  /** Bytes of the input read when the record ended (its line break included). */
  info: { bytes: number };
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Physical line numbers of byte offsets in the file, asked in increasing order: LF, CR LF and a lone CR each
 * end a line, inside quotes too. (csv-parse's own `info.lines` counts a CR LF inside quotes twice.)
 */
class LineCounter {
  #at = 0;
  #line = 1;
  constructor(private readonly buf: Uint8Array) {}

  /** The line of the first byte at or after `offset` that is not a line break: where a record starts. */
  recordStart(offset: number): number {
    let start = offset;
    while (this.buf[start] === LF || this.buf[start] === CR) start++;
    for (; this.#at < start; this.#at++) {
      const c = this.buf[this.#at];
      if (c === LF || (c === CR && this.buf[this.#at + 1] !== LF)) this.#line++;
    }
    return this.#line;
  }
}

const problem = (line: number, field: string | null, message: string): CsvProblem => ({
  line,
  field,
  message,
});

/**
 * Parses and validates the whole file. Header problems (unknown, duplicate or missing columns) stop there;
 * otherwise every row is checked, and MRNs repeated within the file are reported on each later line.
 * `onProgress(done, total)` is called every `every` rows and at the end.
 */
export function parsePatientsCsv(
  input: Buffer | string,
  opts: { onProgress?: (done: number, total: number) => void; every?: number } = {},
): ParsedCsv {
  // Bytes, so that each record's end offset (`bytes` of csv-parse's record info) places it in the file.
  const buf = typeof input === 'string' ? Buffer.from(input) : input;
  const records: ParsedRecord[] = [];
  try {
    parse(buf, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        records.push({ record, info: { bytes: context.bytes } });
        return record;
      },
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // csv-parse's own message may quote a value: name the line and the kind of fault only.
    const line = typeof e.lines === 'number' ? e.lines : 1;
    return { rowCount: 0, rows: [], problems: [problem(line, null, `is not valid CSV (${e.code})`)] };
  }
  const [head, ...data] = records;
  if (!head) return { rowCount: 0, rows: [], problems: [problem(1, null, 'the file has no header row')] };
  const lines = new LineCounter(buf);
  const headerLine = lines.recordStart(0);
  const header = head.record.map((h) => h.trim());
  const columns = header.map((h) => BY_KEY.get(key(h)));
  const headerProblems: CsvProblem[] = [];
  const unknown = header.filter((_, i) => !columns[i]);
  if (unknown.length)
    headerProblems.push(
      problem(
        headerLine,
        null,
        `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (see the documented columns)`,
      ),
    );
  const seen = new Map<string, string>();
  header.forEach((h, i) => {
    const c = columns[i];
    if (!c) return;
    const before = seen.get(c.name);
    if (before !== undefined)
      headerProblems.push(problem(headerLine, h, `is the same column as "${before}"`));
    else seen.set(c.name, h);
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !seen.has(name));
  if (missing.length)
    headerProblems.push(
      problem(
        headerLine,
        null,
        `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      ),
    );
  if (headerProblems.length) return { rowCount: 0, rows: [], problems: headerProblems };

  const fieldName = (path: PropertyKey[]): string => {
    const c = COLUMNS.find(
      (col) => col.path.length === path.length && col.path.every((p, i) => p === path[i]),
    );
    return c ? (seen.get(c.name) ?? c.name) : path.join('.');
  };
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const mrnLine = new Map<string, number>();
  let rowCount = 0;
  const every = opts.every ?? 500;
  data.forEach((r, index) => {
    const line = lines.recordStart((index === 0 ? head : data[index - 1])?.info.bytes ?? 0);
    if ((index + 1) % every === 0) opts.onProgress?.(index + 1, data.length);
    if (r.record.every((cell) => cell.trim() === '')) return;
    rowCount++;
    if (r.record.length !== header.length) {
      problems.push(problem(line, null, `has ${r.record.length} fields; the header has ${header.length}`));
      return;
    }
    const nul = r.record.findIndex((cell) => cell.includes('\u0000'));
    if (nul >= 0) {
      problems.push(problem(line, header[nul] ?? null, 'must not contain a NUL character'));
      return;
    }
    const body = toBody(r.record, columns);
    const parsed = CreatePatientRequest.safeParse(body);
    if (!parsed.success) {
      // The first message per column (a malformed date also fails the later date checks).
      const named = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = fieldName(issue.path);
        if (named.has(field)) continue;
        named.add(field);
        const absent = issue.code === 'invalid_type' && valueAt(body, issue.path) === undefined;
        problems.push(problem(line, field, absent ? 'is required' : issue.message));
      }
      return;
    }
    const mrn = parsed.data.mrn;
    if (mrn !== undefined) {
      const first = mrnLine.get(mrn);
      if (first !== undefined) {
        problems.push(problem(line, fieldName(['mrn']), `is also on line ${first}`));
        return;
      }
      mrnLine.set(mrn, line);
    }
    rows.push({ line, body: parsed.data });
  });
  opts.onProgress?.(data.length, data.length);
  return { rowCount, rows, problems };
}

type Body = Record<string, string | Record<string, string | undefined> | undefined>;

/** A row as the API's request body: empty cells are absent fields; address and emergency contact only when any of their cells is filled. */
function toBody(cells: string[], columns: (Column | undefined)[]): Body {
  const body: Body = {};
  cells.forEach((cell, i) => {
    const c = columns[i];
    if (!c || cell.trim() === '') return;
    // Sex is a code in the API ('female', …); a spreadsheet's "Female" means the same.
    const value = c.name === 'sex' ? cell.trim().toLowerCase() : cell;
    const [top, sub] = c.path;
    if (sub === undefined) body[top] = value;
    else {
      const group = body[top];
      body[top] = { ...(typeof group === 'object' ? group : {}), [sub]: value };
    }
  });
  return body;
}

function valueAt(body: Body, path: PropertyKey[]): unknown {
  let v: unknown = body;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** `line 14, date_of_birth: must be a date as YYYY-MM-DD` (or `line 3: …` for a whole-row problem). */
export function formatProblem(p: CsvProblem): string {
  return `line ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.message}`;
}
