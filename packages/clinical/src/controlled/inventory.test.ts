import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import {
  buildInventory,
  countMethodFor,
  expiringSoon,
  type InventoryItem,
  nextBiennialDue,
} from './inventory.ts';

const item = (over: Partial<InventoryItem> = {}): InventoryItem => ({
  containerId: 'v1',
  ndc: '0409-2051-05',
  substance: 'Ketamine HCl',
  form: 'injectable solution',
  strength: '50 mg/mL',
  schedule: 'III',
  unit: 'mL',
  sealed: false,
  containerSize: Decimal.of(10),
  quantity: Decimal.of('6.5'),
  ...over,
});

describe('countMethodFor (21 CFR 1304.11(e)(3))', () => {
  it.each<[string, Partial<InventoryItem>, 'exact' | 'estimated']>([
    ['opened ketamine vial', {}, 'estimated'],
    ['sealed ketamine vial', { sealed: true }, 'exact'],
    ['opened Schedule II', { schedule: 'II' }, 'exact'],
    [
      'opened CIII bottle of 1,000 tablets',
      { unit: 'each', form: 'tablet', containerSize: Decimal.of(1000), quantity: Decimal.of(640) },
      'estimated',
    ],
    [
      'opened CIII bottle of 1,001 tablets',
      { unit: 'each', form: 'tablet', containerSize: Decimal.of(1001), quantity: Decimal.of(3) },
      'exact',
    ],
    [
      'opened CIV bottle of 5,000 capsules',
      {
        schedule: 'IV',
        unit: 'each',
        form: 'capsule',
        containerSize: Decimal.of(5000),
        quantity: Decimal.of(4000),
      },
      'exact',
    ],
    [
      'opened CV bottle of 100 tablets',
      {
        schedule: 'V',
        unit: 'each',
        form: 'tablet',
        containerSize: Decimal.of(100),
        quantity: Decimal.of(40),
      },
      'estimated',
    ],
    [
      'content above 1,000 even if size understated',
      { unit: 'each', containerSize: Decimal.of(500), quantity: Decimal.of('1000.5') },
      'exact',
    ],
    [
      '2,000 mL of solution is still estimable',
      { containerSize: Decimal.of(2000), quantity: Decimal.of(1500) },
      'estimated',
    ],
  ])('%s → %s', (_label, over, method) => {
    const r = countMethodFor(item(over));
    expect(r.method).toBe(method);
    expect(r.reason.length).toBeGreaterThan(10);
  });
});

describe('buildInventory', () => {
  const registrant = { name: 'Clinic', deaNumber: 'AB1234563', address: '1 Main St' };

  it('adds count methods and the next biennial due date', () => {
    const inv = buildInventory({
      kind: 'biennial',
      takenOn: '2025-05-01',
      takenAt: 'close_of_business',
      registrant,
      items: [item(), item({ containerId: 'v2', sealed: true, quantity: Decimal.of(10) })],
    });
    expect(inv.lines.map((l) => [l.containerId, l.countMethod])).toEqual([
      ['v1', 'estimated'],
      ['v2', 'exact'],
    ]);
    expect(inv.nextBiennialDueOn).toBe('2027-05-01');
    expect(inv.zeroInventory).toBe(false);
  });

  it('records a zero initial inventory', () => {
    const inv = buildInventory({
      kind: 'initial',
      takenOn: '2025-01-02',
      takenAt: 'opening_of_business',
      registrant,
      items: [],
    });
    expect(inv.zeroInventory).toBe(true);
    expect(inv.nextBiennialDueOn).toBe('2027-01-02');
  });
});

describe('nextBiennialDue', () => {
  it.each([
    ['2025-05-01', '2027-05-01'],
    ['2024-02-29', '2026-02-28'],
    ['2026-02-28', '2028-02-28'],
    ['2025-12-31', '2027-12-31'],
  ])('%s → %s', (last, next) => expect(nextBiennialDue(last)).toBe(next));

  it('rejects a malformed date', () => expect(() => nextBiennialDue('2025-13-01')).toThrow(RangeError));
});

describe('expiringSoon', () => {
  const units = [
    { id: 'past', expiresOn: '2025-05-31' },
    { id: 'today', expiresOn: '2025-06-01' },
    { id: 'edge', expiresOn: '2025-07-01' },
    { id: 'beyond', expiresOn: '2025-07-02' },
    { id: 'soon', expiresOn: '2025-06-10' },
  ];
  it('returns units expiring within the window, soonest first, excluding the already expired', () => {
    expect(expiringSoon(units, '2025-06-01', 30).map((x) => [x.unit.id, x.daysLeft])).toEqual([
      ['today', 0],
      ['soon', 9],
      ['edge', 30],
    ]);
    expect(expiringSoon(units, '2025-06-01', 0).map((x) => x.unit.id)).toEqual(['today']);
  });
  it('rejects a negative window', () =>
    expect(() => expiringSoon(units, '2025-06-01', -1)).toThrow(RangeError));
});
