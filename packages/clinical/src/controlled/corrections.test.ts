import { describe, expect, it } from 'vitest';
import { deriveLedger } from './balances.ts';
import { correctionOf, validateCorrection } from './corrections.ts';
import { Decimal } from './decimal.ts';
import type { Movement } from './movements.ts';
import { administer, correction, draw, entry, open, receipt, transfer, wasteFromDraw } from './testing.ts';

const s = (d: Decimal | undefined) => d?.toString();
const R = entry('e1', receipt('v1', 500));
const D = entry('e2', draw('v1', 50));
const A = entry('e3', administer('v1', 'e2', 35));

describe('correctionOf', () => {
  it.each<[string, Movement, string, string]>([
    ['receipt', R.movement, '-500', '0'],
    ['draw', D.movement, '50', '-50'],
    ['administer', A.movement, '0', '35'],
    ['waste from draw', wasteFromDraw('v1', 'e2', 15), '0', '15'],
    ['open', open('v1'), '0', '0'],
  ])('reversal of a %s carries the inverse effect', (_label, movement, container, drawn) => {
    const plan = correctionOf(entry('x', movement));
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(plan.correction.kind).toBe('reversal');
      expect(plan.correction.correctsEntryId).toBe('x');
      expect(s(plan.correction.containerDelta)).toBe(container);
      expect(s(plan.correction.drawDelta)).toBe(drawn);
      expect(plan.movement).toBe(movement);
    }
  });

  it('amendment carries the corrected delta', () => {
    const plan = correctionOf(D, { ...D.movement, quantity: Decimal.of(40) } as Movement);
    expect(
      plan.ok && [plan.correction.kind, s(plan.correction.containerDelta), s(plan.correction.drawDelta)],
    ).toEqual(['amendment', '10', '-10']);
  });

  it('amending an amendment targets the original and measures from the current version', () => {
    const first = correction('c1', D, { ...D.movement, quantity: Decimal.of(40) } as Movement);
    const plan = correctionOf(first, { ...D.movement, quantity: Decimal.of(45) } as Movement);
    expect(plan.ok && [plan.correction.correctsEntryId, s(plan.correction.containerDelta)]).toEqual([
      'e2',
      '-5',
    ]);
  });

  it.each<[string, Movement, string]>([
    ['type change', { ...D.movement, type: 'open' } as Movement, 'identity_changed'],
    ['container change', { ...D.movement, containerId: 'v2' }, 'identity_changed'],
    ['unit change', { ...D.movement, unit: 'mL' } as Movement, 'identity_changed'],
    ['draw change', { ...A.movement, drawId: 'e9' } as Movement, 'identity_changed'],
    ['no change', D.movement, 'no_change'],
  ])('refuses a %s', (label, corrected, code) => {
    const target = label === 'draw change' ? A : D;
    const plan = correctionOf(target, corrected);
    expect(!plan.ok && plan.code).toBe(code);
  });

  it('refuses to correct a reversal', () => {
    const rev = correction('c1', D);
    const plan = correctionOf(rev);
    expect(!plan.ok && plan.code).toBe('cannot_correct_reversal');
  });
});

describe('validateCorrection', () => {
  it.each([
    [{ reason: 'typo', witnessUserId: 'w1' }, []],
    [{ reason: '', witnessUserId: 'w1' }, ['correction.reason:required']],
    [{ reason: 'typo' }, ['correction.witnessUserId:witness_required']],
    [{ reason: 'typo', witnessUserId: 'u1' }, ['correction.witnessUserId:witness_is_actor']],
  ])('%o → %o', (c, expected) => {
    expect(validateCorrection(c, 'u1').map((e) => `${e.field}:${e.code}`)).toEqual(expected);
  });
});

describe('corrections replayed by deriveLedger', () => {
  it('a reversed draw restores the balance and reopens nothing', () => {
    const st = deriveLedger([R, D, correction('c1', D)]);
    expect(s(st.containers.get('v1')?.balance)).toBe('500');
    expect(st.containers.get('v1')?.openedAt).toBeUndefined();
    expect(s(st.draws.get('e2')?.drawn)).toBe('0');
    expect(st.issues).toEqual([]);
    expect(st.running.map((r) => s(r.containerBalance))).toEqual(['500', '450', '500']);
  });

  it('an amended draw changes the balance by the delta and the reconciliation by the new amount', () => {
    const st = deriveLedger([
      R,
      D,
      A,
      correction('c1', D, { ...D.movement, quantity: Decimal.of(40) } as Movement),
    ]);
    expect(s(st.containers.get('v1')?.balance)).toBe('460');
    expect(s(st.draws.get('e2')?.outstanding)).toBe('5');
  });

  it('an amended administration updates the draw', () => {
    const st = deriveLedger([
      R,
      D,
      A,
      correction('c1', A, { ...A.movement, quantity: Decimal.of(50) } as Movement),
    ]);
    expect([s(st.draws.get('e2')?.administered), st.draws.get('e2')?.status]).toEqual(['50', 'reconciled']);
  });

  it('amendment of an amendment', () => {
    const c1 = correction('c1', D, { ...D.movement, quantity: Decimal.of(40) } as Movement);
    const c2 = correction('c2', c1, { ...D.movement, quantity: Decimal.of(45) } as Movement);
    const st = deriveLedger([R, D, c1, c2]);
    expect(s(st.containers.get('v1')?.balance)).toBe('455');
    expect(st.issues).toEqual([]);
  });

  it('a reversed receipt empties the container; a receipt amendment moves lot totals', () => {
    const rev = deriveLedger([R, correction('c1', R)]);
    expect(s(rev.containers.get('v1')?.balance)).toBe('0');
    const amended = deriveLedger([R, correction('c1', R, receipt('v1', 500, { lot: 'L9' }))]);
    expect(s(amended.lots.get('0409-2051-05|L1'))).toBe('0');
    expect(s(amended.lots.get('0409-2051-05|L9'))).toBe('500');
    expect(amended.containers.get('v1')?.lot).toBe('L9');
  });

  it('reversing or amending a transfer moves the balance between locations', () => {
    const T = entry('t1', transfer('v1', 'cart'));
    const rev = deriveLedger([R, T, correction('c1', T)]);
    expect(rev.containers.get('v1')?.locationId).toBe('safe-a');
    expect(s(rev.locations.get('cart')?.get('0409-2051-05'))).toBe('0');
    const amended = deriveLedger([R, T, correction('c1', T, transfer('v1', 'cart-2'))]);
    expect(amended.containers.get('v1')?.locationId).toBe('cart-2');
    expect(s(amended.locations.get('cart-2')?.get('0409-2051-05'))).toBe('500');
  });

  it('reversing a draw that was administered leaves the draw over-accounted', () => {
    const st = deriveLedger([R, D, A, correction('c1', D)]);
    expect(st.issues.map((i) => i.code)).toEqual(['draw_over_accounted']);
    expect(st.draws.get('e2')?.status).toBe('over_accounted');
  });

  it.each([
    ['unknown target', [R, correction('c1', entry('zz', draw('v1', 1)))], 'unknown_correction_target'],
    ['double reversal', [R, D, correction('c1', D), correction('c2', D)], 'already_reversed'],
  ] as const)('%s', (_label, entries, code) => {
    expect(deriveLedger(entries).issues.map((i) => i.code)).toContain(code);
  });

  it('recomputes deltas and flags stored ones that disagree', () => {
    const good = correction('c1', D);
    if (!good.correction) throw new Error('setup');
    const bad = { ...good, correction: { ...good.correction, containerDelta: Decimal.of(999) } };
    const st = deriveLedger([R, D, bad]);
    expect(st.issues.map((i) => i.code)).toEqual(['correction_delta_mismatch']);
    expect(s(st.containers.get('v1')?.balance)).toBe('500');
  });

  it('flags a stored amendment that changes identity', () => {
    const good = correction('c1', D, { ...D.movement, quantity: Decimal.of(1) } as Movement);
    const bad = { ...good, movement: { ...good.movement, containerId: 'v2' } };
    expect(deriveLedger([R, D, bad]).issues.map((i) => i.code)).toEqual(['correction_identity_changed']);
  });
});
