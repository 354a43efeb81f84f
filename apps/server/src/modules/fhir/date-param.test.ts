/**
 * FHIR R4 date search values (search.html#date, #prefix): the range each precision stands for, the clinic's
 * zone for a value without one, and what each prefix admits at the range's edges.
 */
import { describe, expect, it } from 'vitest';
import { type DateCondition, parseDateParam } from './date-param.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const NY = 'America/New_York';
const iso = (ms: number) => new Date(ms).toISOString();
const parse = (v: string, tz = 'UTC') => parseDateParam('date', v, tz, NOW);

/** Whether a point in time matches a condition (the same rules dateSql writes in SQL). */
function admits(c: DateCondition, t: number): boolean {
  switch (c.prefix) {
    case 'eq':
    case 'ap':
      return t >= c.lo && t < c.hi;
    case 'ne':
      return !(t >= c.lo && t < c.hi);
    case 'lt':
    case 'eb':
      return t < c.lo;
    case 'gt':
    case 'sa':
      return t >= c.hi;
    case 'le':
      return t < c.hi;
    case 'ge':
      return t >= c.lo;
  }
}

describe('parseDateParam', () => {
  it.each([
    ['2026', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2026-02', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ['2026-12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z', '2028-03-01T00:00:00.000Z'],
    ['2026-03-04T10:15Z', '2026-03-04T10:15:00.000Z', '2026-03-04T10:16:00.000Z'],
    ['2026-03-04T10:15:30Z', '2026-03-04T10:15:30.000Z', '2026-03-04T10:15:31.000Z'],
    ['2026-03-04T10:15:30.250+02:00', '2026-03-04T08:15:30.250Z', '2026-03-04T08:15:30.251Z'],
  ])('%s stands for [%s, %s)', (value, lo, hi) => {
    const c = parse(value);
    expect([c.prefix, iso(c.lo), iso(c.hi)]).toEqual(['eq', lo, hi]);
  });

  it('reads a value without a zone in the clinic’s zone, across a daylight-saving change', () => {
    const day = parse('2026-03-08', NY); // clocks go forward at 02:00: a 23-hour day
    expect([iso(day.lo), iso(day.hi)]).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    const minute = parse('2026-07-01T09:30', NY);
    expect([iso(minute.lo), iso(minute.hi)]).toEqual([
      '2026-07-01T13:30:00.000Z',
      '2026-07-01T13:31:00.000Z',
    ]);
  });

  const lo = Date.parse('2026-03-04T00:00:00Z');
  const hi = Date.parse('2026-03-05T00:00:00Z');
  it.each([
    // prefix, [just before lo, lo, just before hi, hi]
    ['eq', [false, true, true, false]],
    ['ne', [true, false, false, true]],
    ['lt', [true, false, false, false]],
    ['eb', [true, false, false, false]],
    ['le', [true, true, true, false]],
    ['gt', [false, false, false, true]],
    ['sa', [false, false, false, true]],
    ['ge', [false, true, true, true]],
  ])('%s2026-03-04 admits the edges as %j', (prefix, expected) => {
    const c = parse(`${prefix}2026-03-04`);
    expect(c.prefix).toBe(prefix);
    expect([lo - 1, lo, hi - 1, hi].map((t) => admits(c, t))).toEqual(expected);
  });

  it('widens ap by a tenth of the distance from now', () => {
    const c = parse('ap2026-06-05'); // 10 days before now at its start (ten and a half days at noon)
    expect(iso(c.lo)).toBe('2026-06-03T22:48:00.000Z');
    expect(iso(c.hi)).toBe('2026-06-07T01:12:00.000Z');
  });

  it.each([
    'tomorrow',
    '2026-13-01',
    '2026-02-30',
    '2026-02-29',
    '26-01-01',
    '2026-01-01T24:00Z',
    '2026-01-01T10:60Z',
    '2026-01-01T10',
    'xx2026',
    '',
  ])('refuses %j naming the parameter', (value) => {
    expect(() => parse(value)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    try {
      parse(value);
    } catch (err) {
      expect((err as { details: Array<{ field: string }> }).details[0]?.field).toBe('querystring.date');
    }
  });
});
