/** CSV per RFC 4180 with the OWASP CSV-injection guard (cells a spreadsheet would run as a formula). */
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csvCell', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['plain', 'plain'],
    [42, '42'],
    [new Date('2026-01-02T03:04:05.000Z'), '2026-01-02T03:04:05.000Z'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://e.example","x")', `"'=HYPERLINK(""http://e.example"",""x"")"`],
    ['a=b', 'a=b'],
  ])('%j → %j', (v, out) => expect(csvCell(v)).toBe(out));
});

describe('toCsv', () => {
  it('writes a header and CRLF-terminated rows', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, null],
          ['x,y', '=z'],
        ],
      ),
    ).toBe(`a,b\r\n1,\r\n"x,y",'=z\r\n`);
  });
});
