import { describe, expect, it } from 'vitest';
import { mgToMl, mlToMg } from './conversions.ts';
import {
  compare,
  Decimal,
  MAX_INTEGER_DIGITS,
  type ParseErrorCode,
  parseQuantity,
  SCALE,
} from './decimal.ts';

const d = (v: string | number) => Decimal.of(v);

describe('parseQuantity — accepted forms', () => {
  it.each([
    ['10', '10'],
    ['12.5', '12.5'],
    ['0.25', '0.25'],
    ['12.50', '12.5'],
    ['50.000000', '50'],
    ['100.0', '100'],
    ['0', '0'],
    ['0.0', '0'],
    ['0.000001', '0.000001'],
    ['999999999999.999999', '999999999999.999999'],
  ])('string %j → %s', (input, canonical) => {
    const r = parseQuantity(input);
    expect(r.ok && r.value.toString()).toBe(canonical);
  });

  it.each([
    [0.1, '0.1'],
    [12.5, '12.5'],
    [10, '10'],
    [0, '0'],
    [-0, '0'],
    [0.000001, '0.000001'],
    [1e-6, '0.000001'],
    [123456789012, '123456789012'],
    [0.30000000000000004 - 0.00000000000000004, '0.3'],
  ])('number %s → %s (through String(n))', (input, canonical) => {
    const r = parseQuantity(input);
    expect(r.ok && r.value.toString()).toBe(canonical);
  });

  it.each([
    ['-2.5', '-2.5'],
    [-2.5, '-2.5'],
    ['-0', '0'],
  ])('allowNegative: %j → %s', (input, canonical) => {
    const r = parseQuantity(input, { allowNegative: true });
    expect(r.ok && r.value.toString()).toBe(canonical);
  });
});

describe('parseQuantity — refused forms', () => {
  it.each<[unknown, ParseErrorCode]>([
    ['', 'empty'],
    [' 1', 'whitespace'],
    ['1 ', 'whitespace'],
    ['1\t', 'whitespace'],
    ['1 000', 'whitespace'],
    ['1e3', 'exponent'],
    ['1E3', 'exponent'],
    ['1e-3', 'exponent'],
    ['1.5e+2', 'exponent'],
    ['.5', 'malformed'],
    ['5.', 'malformed'],
    ['007', 'malformed'],
    ['00.5', 'malformed'],
    ['+5', 'malformed'],
    ['1,000', 'malformed'],
    ['1,5', 'malformed'],
    ['0x10', 'malformed'],
    ['abc', 'malformed'],
    ['1.2.3', 'malformed'],
    ['--1', 'malformed'],
    ['١٢', 'malformed'],
    ['NaN', 'not_finite'],
    ['Infinity', 'not_finite'],
    ['-Infinity', 'not_finite'],
    ['0.0000001', 'too_precise'],
    ['12.1234567', 'too_precise'],
    ['1234567890123', 'too_large'],
    ['-1', 'negative'],
    ['-0', 'negative'],
    [-0.5, 'negative'],
    [Number.NaN, 'not_finite'],
    [Number.POSITIVE_INFINITY, 'not_finite'],
    [Number.NEGATIVE_INFINITY, 'not_finite'],
    [1e21, 'exponent'],
    [1e-7, 'exponent'],
    [0.1 + 0.2, 'too_precise'],
    [123456789012.3456, 'imprecise_number'],
    [1234567890.123456, 'imprecise_number'],
    [0.1234567890123456, 'too_precise'],
    [1.23e17, 'too_large'],
    [null, 'not_a_number_or_string'],
    [undefined, 'not_a_number_or_string'],
    [true, 'not_a_number_or_string'],
    [10n, 'not_a_number_or_string'],
    [{}, 'not_a_number_or_string'],
  ])('%o → %s', (input, code) => {
    const r = parseQuantity(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.reason.length).toBeGreaterThan(5);
    }
  });

  it('documents its limits', () => {
    expect(SCALE).toBe(6);
    expect(MAX_INTEGER_DIGITS).toBe(12);
  });

  it('suggests the leading zero for a naked decimal point', () => {
    const r = parseQuantity('.5');
    expect(!r.ok && r.reason).toContain('0.5');
  });
});

describe('Decimal arithmetic is exact', () => {
  it('0.1 + 0.2 = 0.3 (numbers and strings)', () => {
    expect(d(0.1).add(d(0.2)).toString()).toBe('0.3');
    expect(d('0.1').add(d('0.2')).eq(d('0.3'))).toBe(true);
  });

  it('100 draws of 0.5 from 50 leave exactly 0', () => {
    let balance = d(50);
    for (let i = 0; i < 100; i++) balance = balance.sub(d(0.5));
    expect(balance.isZero()).toBe(true);
    expect(balance.toString()).toBe('0');
    expect(balance.isNegative()).toBe(false);
  });

  it('ten thousand additions of 0.000001 make 0.01', () => {
    let total = Decimal.ZERO;
    for (let i = 0; i < 10_000; i++) total = total.add(d('0.000001'));
    expect(total.toString()).toBe('0.01');
  });

  it.each([
    ['12.5', '0.5', '12', '13', '6.25'],
    ['0', '0.000001', '-0.000001', '0.000001', '0'],
    ['-3.25', '1.25', '-4.5', '-2', '-4.0625'],
  ])('%s ∘ %s: sub %s, add %s, mul %s', (a, b, diff, sum, product) => {
    expect(d(a).sub(d(b)).toString()).toBe(diff);
    expect(d(a).add(d(b)).toString()).toBe(sum);
    expect(d(a).mul(d(b)).toString()).toBe(product);
  });

  it('multiplication that needs more than 6 digits must state a rounding mode', () => {
    expect(() => d('0.001').mul(d('0.0005'))).toThrow(RangeError);
    expect(d('0.001').mul(d('0.0005'), 'half-up').toString()).toBe('0.000001');
    expect(d('0.001').mul(d('0.0005'), 'half-even').toString()).toBe('0');
    expect(d('0.001').mul(d('0.0005'), 'down').toString()).toBe('0');
  });

  it('division: exact, rounded, by zero', () => {
    expect(d(500).div(d(50)).toString()).toBe('10');
    expect(() => d(10).div(d(3))).toThrow(/rounding/);
    expect(d(10).div(d(3), 'half-up').toString()).toBe('3.333333');
    expect(d(20).div(d(3), 'half-up').toString()).toBe('6.666667');
    expect(d(20).div(d(3), 'down').toString()).toBe('6.666666');
    expect(d(-20).div(d(3), 'up').toString()).toBe('-6.666667');
    expect(() => d(1).div(Decimal.ZERO)).toThrow(/zero/);
  });

  it.each([
    ['2.345', 2, 'half-even', '2.34'],
    ['2.355', 2, 'half-even', '2.36'],
    ['2.345', 2, 'half-up', '2.35'],
    ['-2.345', 2, 'half-up', '-2.35'],
    ['2.349', 2, 'down', '2.34'],
    ['-2.341', 2, 'up', '-2.35'],
    ['2.5', 0, 'half-even', '2'],
    ['3.5', 0, 'half-even', '4'],
    ['7', 0, 'up', '7'],
  ] as const)('round(%s, %i, %s) = %s', (v, places, mode, out) => {
    expect(d(v).round(places, mode).toString()).toBe(out);
  });

  it('compare, predicates and ordering', () => {
    expect(d('1.5').compare(d('1.50'))).toBe(0);
    expect(d('1.4').compare(d('1.5'))).toBe(-1);
    expect(d('-1').compare(d('-2'))).toBe(1);
    expect([d(3), d('0.5'), d(-1)].sort(compare).map(String)).toEqual(['-1', '0.5', '3']);
    expect(d('-0.000001').isNegative()).toBe(true);
    expect(d(0).isZero()).toBe(true);
    expect(d('0.1').isPositive()).toBe(true);
    expect(d(2).lt(d(3)) && d(3).lte(d(3)) && d(4).gt(d(3)) && d(3).gte(d(3))).toBe(true);
    expect(d('-2.5').abs().toString()).toBe('2.5');
    expect(d('2.5').neg().toString()).toBe('-2.5');
  });

  it.each([
    ['12.500000', '12.5'],
    ['50', '50'],
    ['0.000000', '0'],
    ['-0.500', '-0.5'],
    ['1000000', '1000000'],
  ])('canonical toString(%s) = %s', (v, out) => expect(d(v).toString()).toBe(out));

  it('serialises as a string, round-trips through scaled BigInt, sums', () => {
    expect(JSON.stringify({ q: d('12.50') })).toBe('{"q":"12.5"}');
    expect(d('12.5').scaled).toBe(12_500_000n);
    expect(Decimal.fromScaled(-250_000n).toString()).toBe('-0.25');
    expect(Decimal.sum([d('0.1'), d('0.2'), d('0.3')]).toString()).toBe('0.6');
    expect(Decimal.sum([]).isZero()).toBe(true);
    expect(() => Decimal.of('1e3')).toThrow(/exponent/);
  });
});

describe('mg ⇄ mL conversions', () => {
  it.each([
    ['25', '50', '0.5', true],
    ['500', '50', '10', true],
    ['35', '100', '0.35', true],
    ['10', '3', '3.333333', false],
    ['20', '3', '6.666667', false],
  ])('%s mg at %s mg/mL = %s mL (exact %s)', (mg, conc, ml, exact) => {
    const r = mgToMl(d(mg), d(conc));
    expect(r.value.toString()).toBe(ml);
    expect(r.exact).toBe(exact);
    expect(r.rounding).toBe('half-up');
  });

  it.each([
    ['0.35', '50', '17.5', true],
    ['10', '50', '500', true],
    ['0.000001', '0.5', '0.000001', false],
    ['0.000003', '0.5', '0.000002', false],
  ])('%s mL at %s mg/mL = %s mg (exact %s)', (ml, conc, mg, exact) => {
    const r = mlToMg(d(ml), d(conc));
    expect(r.value.toString()).toBe(mg);
    expect(r.exact).toBe(exact);
  });

  it('rounding mode is the caller’s to state; concentration must be positive', () => {
    expect(mgToMl(d(20), d(3), 'down').value.toString()).toBe('6.666666');
    expect(() => mgToMl(d(1), Decimal.ZERO)).toThrow(RangeError);
    expect(() => mlToMg(d(1), d(-50))).toThrow(RangeError);
  });
});
