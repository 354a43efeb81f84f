/**
 * The patients CSV reader: header mapping, physical line numbers (BOM, CRLF, a quoted field spanning lines,
 * blank lines), each row validated by the API's create-patient schema, and problems that never carry a value.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, parsePatientsCsv, REQUIRED_COLUMNS } from './csv-rows.ts';

const HEAD = 'mrn,first_name,last_name,date_of_birth,sex';
const csv = (...lines: string[]) => lines.join('\n');
const listing = (text: string) => parsePatientsCsv(text).problems.map(formatProblem);

describe('row line numbers', () => {
  const row = (n: number) => `A-${n},Ada,Lovelace,1985-12-10,female`;
  const quoted = (n: number, inside: string) => `A-${n},"Ada${inside}Ann",Lovelace,1985-12-10,female`;
  it.each([
    ['LF', [HEAD, row(1), row(2)].join('\n'), [2, 3]],
    ['CR LF', [HEAD, row(1), row(2)].join('\r\n'), [2, 3]],
    ['lone CR', [HEAD, row(1), row(2)].join('\r'), [2, 3]],
    ['a BOM', `\uFEFF${[HEAD, row(1), row(2)].join('\n')}`, [2, 3]],
    ['a quoted LF', [HEAD, quoted(1, '\n'), row(2)].join('\n'), [2, 4]],
    ['a quoted CR LF in a CR LF file', [HEAD, quoted(1, '\r\n'), row(2)].join('\r\n'), [2, 4]],
    ['two quoted line breaks', [HEAD, quoted(1, '\r\n\r\n'), row(2)].join('\r\n'), [2, 5]],
    ['blank lines between', [HEAD, '', row(1), '', '', row(2)].join('\r\n'), [3, 6]],
    ['blank lines before the header', ['', HEAD, row(1)].join('\n'), [3]],
    ['blank trailing lines', `${[HEAD, row(1), row(2)].join('\n')}\n\n\n`, [2, 3]],
    ['multi-byte text before', [HEAD, quoted(1, 'é\n€'), row(2)].join('\n'), [2, 4]],
  ])('%s', (_, text, expected) => {
    const r = parsePatientsCsv(text);
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => x.line)).toEqual(expected);
  });
});

describe('parsePatientsCsv', () => {
  it('requires the columns the API requires, derived from its schema', () => {
    expect(REQUIRED_COLUMNS).toEqual(['first_name', 'last_name', 'date_of_birth', 'sex']);
  });

  it('maps good rows to create-patient bodies (BOM, CRLF, header spellings, case of sex)', () => {
    const r = parsePatientsCsv(
      '\uFEFFMRN,First Name,lastName,DOB,Sex,Email,address_line1,city,state,zip\r\n' +
        'A-1,Ada,Lovelace,1985-12-10,Female,ADA@Example.com,1 Main St,Springfield,IL,62701\r\n' +
        ',Bob,Stone,1970-01-02,male,,,,,\r\n',
    );
    expect(r.problems).toEqual([]);
    expect(r.rowCount).toBe(2);
    expect(r.rows).toEqual([
      {
        line: 2,
        body: {
          mrn: 'A-1',
          firstName: 'Ada',
          lastName: 'Lovelace',
          dateOfBirth: '1985-12-10',
          sex: 'female',
          email: 'ada@example.com',
          address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701' },
        },
      },
      { line: 3, body: { firstName: 'Bob', lastName: 'Stone', dateOfBirth: '1970-01-02', sex: 'male' } },
    ]);
  });

  it('numbers a row by the line it starts on, after a quoted field spanning lines and blank lines', () => {
    const text = csv(
      `${HEAD},address_line1,city,state,postal_code`,
      'A-1,Ada,Lovelace,1985-12-10,female,"Flat 2',
      '1 Main St",Springfield,IL,62701',
      '',
      'A-2,Bob,Stone,1970-13-01,male,,,,',
      'A-3,Cy,Moss,1990-01-01,other,,,,',
      '',
      '',
    );
    const r = parsePatientsCsv(text);
    expect(r.rows.map((x) => x.line)).toEqual([2, 6]);
    expect(r.rows[0]?.body.address?.line1).toBe('Flat 2\n1 Main St');
    expect(r.rowCount).toBe(3);
    expect(r.problems.map(formatProblem)).toEqual(['line 5, date_of_birth: is not a real calendar date']);
  });

  it('skips a blank trailing line and rows of empty cells', () => {
    const r = parsePatientsCsv(`${csv(HEAD, 'A-1,Ada,Lovelace,1985-12-10,female', ',,,,')}\n\n`);
    expect(r.rowCount).toBe(1);
    expect(r.problems).toEqual([]);
  });

  it.each([
    ['date_of_birth', 'A-1,Ada,Lovelace,12/10/1985,female', 'must be a date as YYYY-MM-DD'],
    ['date_of_birth', 'A-1,Ada,Lovelace,2999-01-01,female', 'cannot be in the future'],
    ['first_name', 'A-1,,Lovelace,1985-12-10,female', 'is required'],
    [
      'sex',
      'A-1,Ada,Lovelace,1985-12-10,f',
      'Invalid option: expected one of "female"|"male"|"other"|"unknown"',
    ],
  ])('names the line, column %s and the schema’s message', (field, row, message) => {
    expect(listing(csv(HEAD, 'A-0,Zed,Able,1980-01-01,male', row))).toEqual([`line 3, ${field}: ${message}`]);
  });

  it('requires the rest of an address once any part is given, naming the missing columns', () => {
    expect(listing(csv(`${HEAD},city`, 'A-1,Ada,Lovelace,1985-12-10,female,Springfield'))).toEqual([
      'line 2, address_line1: is required',
      'line 2, state: is required',
      'line 2, postal_code: is required',
    ]);
  });

  it('reports a duplicate MRN on its later line, a short row, and never a value', () => {
    const problems = listing(
      csv(
        `${HEAD},email`,
        'SECRET-7,Ada,Lovelace,1985-12-10,female,',
        'SECRET-8,Bob,Stone,1970-01-02,male,not-an-email-secret',
        'SECRET-7,Cy,Moss,1990-01-01,other,',
        'SECRET-9,Dee',
      ),
    );
    expect(problems).toEqual([
      'line 3, email: Invalid email address',
      'line 4, mrn: is also on line 2',
      'line 5: has 2 fields; the header has 6',
    ]);
    expect(problems.join('\n')).not.toMatch(/SECRET|Lovelace|not-an-email/);
  });

  it.each([
    [
      csv(`${HEAD},favourite_colour,Shoe Size`, 'A-1,Ada,Lovelace,1985-12-10,female,red,5'),
      ['line 1: unknown columns "favourite_colour", "Shoe Size" (see the documented columns)'],
    ],
    [
      csv('mrn,first_name,last_name', 'A-1,Ada,Lovelace'),
      ['line 1: missing required columns date_of_birth, sex'],
    ],
    [
      csv(`${HEAD},DOB`, 'A-1,Ada,Lovelace,1985-12-10,female,1985-12-10'),
      ['line 1, DOB: is the same column as "date_of_birth"'],
    ],
    ['', ['line 1: the file has no header row']],
    [
      csv(HEAD, 'A-1,"Ada,Lovelace,1985-12-10,female'),
      [expect.stringMatching(/^line \d+: is not valid CSV \(CSV_/)],
    ],
  ])('refuses a bad header or file before any row: %j', (text, expected) => {
    const r = parsePatientsCsv(text);
    expect(r.problems.map(formatProblem)).toEqual(expected);
    expect(r.rows).toEqual([]);
  });

  it('reports progress to the end', () => {
    const calls: [number, number][] = [];
    const rows = Array.from({ length: 5 }, (_, i) => `A-${i},Ada,Lovelace,1985-12-10,female`);
    parsePatientsCsv(csv(HEAD, ...rows), { every: 2, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });
});
