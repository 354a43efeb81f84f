import { describe, expect, it } from 'vitest';
import { deriveLedger, firstNegative, lotKey, reconcileDraw } from './balances.ts';
import { Decimal } from './decimal.ts';
import {
  adjust,
  administer,
  destroy,
  draw,
  entry,
  NDC,
  open,
  receipt,
  returned,
  transfer,
  wasteFromContainer,
  wasteFromDraw,
} from './testing.ts';

const s = (d: Decimal | undefined) => d?.toString();

describe('deriveLedger — balances', () => {
  const entries = [
    entry('e1', receipt('v1', 500, { lot: 'L1', locationId: 'safe-a' })),
    entry('e2', receipt('v2', 500, { lot: 'L2', locationId: 'safe-a' })),
    entry('e3', draw('v1', 50)),
    entry('e4', administer('v1', 'e3', 35)),
    entry('e5', wasteFromDraw('v1', 'e3', 15)),
    entry('e6', transfer('v2', 'cart-1')),
    entry('e7', wasteFromContainer('v2', '12.5')),
    entry('e8', adjust('v1', '-0.5')),
  ];
  const state = deriveLedger(entries);

  it('per container', () => {
    expect(s(state.containers.get('v1')?.balance)).toBe('449.5');
    expect(s(state.containers.get('v2')?.balance)).toBe('487.5');
    expect(state.containers.get('v2')?.locationId).toBe('cart-1');
    expect(state.containers.get('v1')?.openedAt).toBe('2025-03-03T15:00:00Z');
  });

  it('per lot, product and location', () => {
    expect(s(state.lots.get(lotKey(NDC, 'L1')))).toBe('449.5');
    expect(s(state.lots.get(lotKey(NDC, 'L2')))).toBe('487.5');
    expect(s(state.products.get(NDC))).toBe('937');
    expect(s(state.locations.get('safe-a')?.get(NDC))).toBe('449.5');
    expect(s(state.locations.get('cart-1')?.get(NDC))).toBe('487.5');
  });

  it('running lines after every entry', () => {
    expect(
      state.running.map((r) => [r.entryId, s(r.containerBalance), s(r.productBalance), s(r.locationBalance)]),
    ).toEqual([
      ['e1', '500', '500', '500'],
      ['e2', '500', '1000', '1000'],
      ['e3', '450', '950', '950'],
      ['e4', '450', '950', '950'],
      ['e5', '450', '950', '950'],
      ['e6', '500', '950', '500'],
      ['e7', '487.5', '937.5', '487.5'],
      ['e8', '449.5', '937', '449.5'],
    ]);
    expect(state.issues).toEqual([]);
  });

  it('reconciles draws: drawn = administered + wasted', () => {
    const r = state.draws.get('e3');
    expect([s(r?.drawn), s(r?.administered), s(r?.wasted), s(r?.outstanding), r?.status]).toEqual([
      '50',
      '35',
      '15',
      '0',
      'reconciled',
    ]);
    const partial = reconcileDraw(entries.slice(0, 4), 'e3');
    expect([s(partial?.outstanding), partial?.status, partial?.patientId]).toEqual([
      '15',
      'outstanding',
      'p1',
    ]);
    expect(reconcileDraw(entries, 'nope')).toBeUndefined();
  });

  it('100 draws of 0.5 from a 50 mg vial end at exactly 0', () => {
    const many = [
      entry('r', receipt('v', 50)),
      ...Array.from({ length: 100 }, (_, i) => entry(`d${i}`, draw('v', '0.5'))),
    ];
    const st = deriveLedger(many);
    expect(s(st.containers.get('v')?.balance)).toBe('0');
    expect(st.issues).toEqual([]);
  });

  it('return and destroy reduce the balance', () => {
    const st = deriveLedger([
      entry('a', receipt('v', 100)),
      entry('b', returned('v', 60)),
      entry('c', destroy('v', 40)),
    ]);
    expect(s(st.containers.get('v')?.balance)).toBe('0');
    expect(st.containers.get('v')?.openedAt).toBeUndefined();
  });
});

describe('deriveLedger — problems', () => {
  it.each([
    [
      'overdraw',
      [entry('a', receipt('v', 10)), entry('b', draw('v', 6)), entry('c', draw('v', 6))],
      'c',
      'would_go_negative',
    ],
    [
      'negative adjust',
      [entry('a', receipt('v', 1)), entry('b', adjust('v', '-1.000001'))],
      'b',
      'would_go_negative',
    ],
    ['movement before receipt', [entry('a', draw('v', 1))], 'a', 'unknown_container'],
    ['second receipt', [entry('a', receipt('v', 1)), entry('b', receipt('v', 1))], 'b', 'duplicate_receipt'],
    ['duplicate id', [entry('a', receipt('v', 1)), entry('a', draw('v', 1))], 'a', 'duplicate_entry_id'],
    [
      'unit mismatch',
      [entry('a', receipt('v', 1, { unit: 'mL' })), entry('b', draw('v', 1))],
      'b',
      'unit_mismatch',
    ],
    [
      'product in two units',
      [entry('a', receipt('v', 1)), entry('b', receipt('w', 1, { unit: 'mL' }))],
      'b',
      'product_unit_conflict',
    ],
    [
      'unknown draw',
      [entry('a', receipt('v', 1)), entry('b', administer('v', 'zz', 1))],
      'b',
      'unknown_draw',
    ],
    [
      'draw of another container',
      [
        entry('a', receipt('v', 5)),
        entry('w', receipt('w', 5)),
        entry('b', draw('v', 1)),
        entry('c', administer('w', 'b', 1)),
      ],
      'c',
      'draw_container_mismatch',
    ],
    [
      'over-accounted draw',
      [
        entry('a', receipt('v', 5)),
        entry('b', draw('v', 1)),
        entry('c', administer('v', 'b', 1)),
        entry('d', wasteFromDraw('v', 'b', '0.1')),
      ],
      'd',
      'draw_over_accounted',
    ],
  ] as const)('%s', (_label, entries, entryId, code) => {
    const st = deriveLedger(entries);
    expect(st.issues.map((i) => [i.entryId, i.code])).toContainEqual([entryId, code]);
  });

  it('firstNegative finds the first entry that overdraws', () => {
    const entries = [
      entry('a', receipt('v', 10)),
      entry('b', draw('v', 6)),
      entry('c', draw('v', 6)),
      entry('d', draw('v', 1)),
    ];
    expect(firstNegative(entries)).toMatchObject({ entryId: 'c', index: 2, code: 'would_go_negative' });
    expect(firstNegative(entries.slice(0, 2))).toBeUndefined();
    expect(deriveLedger(entries).issues.map((i) => i.entryId)).toEqual(['c', 'd']);
  });

  it('applies overdraws (so the deficit is visible) but skips uninterpretable entries', () => {
    const st = deriveLedger([
      entry('a', receipt('v', 1)),
      entry('b', draw('v', 3)),
      entry('c', draw('x', 3)),
    ]);
    expect(s(st.containers.get('v')?.balance)).toBe('-2');
    expect(st.running.map((r) => r.entryId)).toEqual(['a', 'b']);
  });

  it('an explicit open then a draw keeps the earliest opening time', () => {
    const st = deriveLedger([
      entry('a', receipt('v', 5)),
      entry('b', open('v', '2025-03-02T09:00:00-07:00')),
      entry('c', draw('v', 1)),
    ]);
    expect(st.containers.get('v')?.openedAt).toBe('2025-03-02T09:00:00-07:00');
  });

  it('returns Decimal values', () => {
    const st = deriveLedger([entry('a', receipt('v', '0.1')), entry('b', adjust('v', '0.2'))]);
    expect(st.containers.get('v')?.balance.eq(Decimal.of('0.3'))).toBe(true);
  });
});
