import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import {
  applyMovement,
  containerDelta,
  drawDelta,
  drawIdOf,
  MOVEMENT_RULES,
  MOVEMENT_TYPES,
  type Movement,
  opensContainer,
} from './movements.ts';
import {
  adjust,
  administer,
  destroy,
  draw,
  open,
  receipt,
  returned,
  transfer,
  wasteFromContainer,
  wasteFromDraw,
} from './testing.ts';

const d = Decimal.of;

describe('MOVEMENT_RULES', () => {
  it('declares a rule for every movement type', () => {
    expect(Object.keys(MOVEMENT_RULES).sort()).toEqual([...MOVEMENT_TYPES].sort());
  });

  it.each([
    ['receipt', 'increase', 'none', 'positive', 0],
    ['open', 'none', 'none', 'none', 0],
    ['draw', 'decrease', 'increase', 'positive', 0],
    ['administer', 'none', 'decrease', 'positive', 0],
    ['return', 'decrease', 'none', 'positive', 0],
    ['transfer', 'none', 'none', 'none', 0],
    ['adjust', 'signed', 'none', 'signed_nonzero', 1],
    ['destroy', 'decrease', 'none', 'positive', 2],
  ] as const)(
    '%s: container %s, draw %s, quantity %s, %i witness(es)',
    (type, container, draw, quantity, witnesses) => {
      const rule = MOVEMENT_RULES[type];
      expect(rule.container).toBe(container);
      expect(rule.draw).toBe(draw);
      expect(rule.quantity).toBe(quantity);
      expect(rule.witnesses).toBe(witnesses);
    },
  );

  it('waste depends on its source and needs one witness', () => {
    expect(MOVEMENT_RULES.waste.container).toEqual({
      byWasteSource: { draw: 'none', container: 'decrease' },
    });
    expect(MOVEMENT_RULES.waste.draw).toEqual({ byWasteSource: { draw: 'decrease', container: 'none' } });
    expect(MOVEMENT_RULES.waste.witnesses).toBe(1);
    expect(MOVEMENT_RULES.waste.requires).toEqual(['from', 'reason']);
  });

  it.each([
    ['receipt', ['supplier.name', 'supplier.address', 'supplier.deaNumber']],
    ['draw', ['patientId']],
    ['administer', ['drawId', 'patientId']],
    ['adjust', ['reason']],
    ['destroy', ['dea41.destroyedOn', 'dea41.method', 'dea41.witnessNames', 'dea41.ndc', 'dea41.form']],
    ['return', ['recipient.name', 'recipient.address', 'recipient.deaNumber']],
  ] as const)('%s requires %j', (type, fields) => {
    for (const f of fields) expect(MOVEMENT_RULES[type].requires).toContain(f);
  });
});

describe('effects of each movement', () => {
  it.each<[string, Movement, string, string, boolean]>([
    ['receipt 500', receipt('v1', 500), '500', '0', false],
    ['open', open('v1'), '0', '0', true],
    ['draw 50', draw('v1', 50), '-50', '50', true],
    ['administer 35', administer('v1', 'e2', 35), '0', '-35', false],
    ['waste 15 from draw', wasteFromDraw('v1', 'e2', 15), '0', '-15', false],
    ['waste 15 from container', wasteFromContainer('v1', 15), '-15', '0', true],
    ['return 100', returned('v1', 100), '-100', '0', false],
    ['transfer', transfer('v1', 'safe-b'), '0', '0', false],
    ['adjust +2.5', adjust('v1', '2.5'), '2.5', '0', false],
    ['adjust -2.5', adjust('v1', '-2.5'), '-2.5', '0', false],
    ['destroy 20', destroy('v1', 20), '-20', '0', false],
  ])('%s: container %s, draw %s, opens %s', (_label, m, container, drawn, opens) => {
    expect(Decimal.fromScaled(containerDelta(m)).toString()).toBe(container);
    expect(Decimal.fromScaled(drawDelta(m)).toString()).toBe(drawn);
    expect(opensContainer(m)).toBe(opens);
  });

  it('names the draw a movement accounts against', () => {
    expect(drawIdOf(administer('v1', 'e2', 1))).toBe('e2');
    expect(drawIdOf(wasteFromDraw('v1', 'e3', 1))).toBe('e3');
    expect(drawIdOf(wasteFromContainer('v1', 1))).toBeUndefined();
    expect(drawIdOf(draw('v1', 1))).toBeUndefined();
  });
});

describe('applyMovement', () => {
  it.each<[string, string, Movement, string]>([
    ['receipt', '0', receipt('v1', '500'), '500'],
    ['draw', '500', draw('v1', '0.5'), '499.5'],
    ['draw everything', '0.5', draw('v1', '0.5'), '0'],
    ['administer leaves the vial alone', '10', administer('v1', 'e2', 5), '10'],
    ['waste from draw leaves the vial alone', '10', wasteFromDraw('v1', 'e2', 5), '10'],
    ['waste from container', '10', wasteFromContainer('v1', 5), '5'],
    ['adjust up', '10', adjust('v1', '0.25'), '10.25'],
    ['adjust down', '10', adjust('v1', '-10'), '0'],
    ['open', '10', open('v1'), '10'],
    ['transfer', '10', transfer('v1', 'x'), '10'],
    ['return', '10', returned('v1', 10), '0'],
    ['destroy', '10', destroy('v1', 4), '6'],
  ])('%s: %s → %s', (_label, before, m, after) => {
    const r = applyMovement(d(before), m);
    expect(r.ok && r.balance.toString()).toBe(after);
  });

  it.each<[string, string, Movement, string]>([
    ['draw', '1', draw('v1', 2), '1'],
    ['waste from container', '0', wasteFromContainer('v1', '0.000001'), '0.000001'],
    ['adjust down', '1', adjust('v1', '-1.5'), '0.5'],
    ['return', '3', returned('v1', 5), '2'],
    ['destroy', '3', destroy('v1', 5), '2'],
  ])('%s refuses to go negative', (_label, before, m, shortBy) => {
    const r = applyMovement(d(before), m);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('would_go_negative');
      expect(r.shortBy.toString()).toBe(shortBy);
      expect(r.balance.toString()).toBe(before);
    }
  });

  it('100 draws of 0.5 from a 50 mg receipt end at exactly 0, the 101st is refused', () => {
    let balance = Decimal.ZERO;
    const r0 = applyMovement(balance, receipt('v1', 50));
    if (r0.ok) balance = r0.balance;
    for (let i = 0; i < 100; i++) {
      const r = applyMovement(balance, draw('v1', '0.5'));
      if (!r.ok) throw new Error('unexpected refusal');
      balance = r.balance;
    }
    expect(balance.isZero()).toBe(true);
    expect(applyMovement(balance, draw('v1', '0.5')).ok).toBe(false);
  });
});
