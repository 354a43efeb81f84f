import { describe, expect, it } from 'vitest';
import { deriveLedger } from './balances.ts';
import {
  compareCount,
  DISCREPANCY_TRANSITIONS,
  type Discrepancy,
  escalateDiscrepancy,
  heldContainers,
  type PhysicalCount,
  resolveDiscrepancy,
} from './counts.ts';
import { Decimal } from './decimal.ts';
import { draw, entry, receipt } from './testing.ts';

const state = deriveLedger([
  entry('e1', receipt('v1', 500, { locationId: 'safe' })),
  entry('e2', receipt('v2', 500, { locationId: 'safe' })),
  entry('e3', receipt('v3', 500, { locationId: 'cart' })),
  entry('e4', draw('v1', '12.5')),
  entry('e5', receipt('v4', 1, { locationId: 'safe' })),
  entry('e6', draw('v4', 1)),
]);
const ledger = [...state.containers.values()];
const count = (lines: PhysicalCount['lines'], over: Partial<PhysicalCount> = {}): PhysicalCount => ({
  countedAt: '2025-03-03T23:00:00Z',
  counterUserId: 'a',
  witnessUserId: 'b',
  scope: 'partial',
  lines,
  ...over,
});
const line = (containerId: string, quantity: string) => ({
  containerId,
  quantity: Decimal.of(quantity),
  unit: 'mg' as const,
});

describe('compareCount', () => {
  it('matches and signs differences (counted − expected)', () => {
    const r = compareCount(count([line('v1', '487.5'), line('v2', '499.5'), line('v3', '501')]), ledger);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.matched).toEqual(['v1']);
    expect(
      r.discrepancies.map((d) => [
        d.containerId,
        d.expected.toString(),
        d.counted.toString(),
        d.difference.toString(),
        d.kind,
        d.cause,
        d.status,
      ]),
    ).toEqual([
      ['v2', '500', '499.5', '-0.5', 'shortage', 'mismatch', 'open'],
      ['v3', '500', '501', '1', 'overage', 'mismatch', 'open'],
    ]);
    expect(r.discrepancies[0]).toMatchObject({
      counterUserId: 'a',
      witnessUserId: 'b',
      countedAt: '2025-03-03T23:00:00Z',
    });
  });

  it('a full count treats a missing container with stock as counted 0, ignoring empty ones and other locations', () => {
    const r = compareCount(count([line('v1', '487.5')], { scope: 'full', locationId: 'safe' }), ledger);
    expect(r.ok && r.discrepancies.map((d) => [d.containerId, d.difference.toString(), d.cause])).toEqual([
      ['v2', '-500', 'not_counted'],
    ]);
    const all = compareCount(count([line('v1', '487.5')], { scope: 'full' }), ledger);
    expect(all.ok && all.discrepancies.map((d) => d.containerId)).toEqual(['v2', 'v3']);
  });

  it('a container found but not in the ledger is an overage', () => {
    const r = compareCount(count([line('v9', '10')]), ledger);
    expect(
      r.ok &&
        r.discrepancies.map((d) => [d.containerId, d.expected.toString(), d.difference.toString(), d.cause]),
    ).toEqual([['v9', '0', '10', 'not_in_ledger']]);
  });

  it.each<[string, PhysicalCount, string[]]>([
    [
      'counter and witness are the same person',
      count([], { witnessUserId: 'a' }),
      ['witnessUserId:witness_is_counter'],
    ],
    ['no witness', count([], { witnessUserId: '' }), ['witnessUserId:witness_required']],
    ['a container counted twice', count([line('v1', '1'), line('v1', '2')]), ['lines.1:duplicate_line']],
    [
      'wrong unit',
      count([{ containerId: 'v1', quantity: Decimal.of(1), unit: 'mL' }]),
      ['lines.0.unit:unit_mismatch'],
    ],
  ])('refuses: %s', (_label, c, expected) => {
    const r = compareCount(c, ledger);
    expect(!r.ok && r.errors.map((e) => `${e.field}:${e.code}`)).toEqual(expected);
  });
});

describe('discrepancy status', () => {
  const r = compareCount(count([line('v2', '498')]), ledger);
  const d = (r.ok ? r.discrepancies[0] : undefined) as Discrepancy;
  const by = { by: 'c', at: '2025-03-04T10:00:00Z' };

  it('declares transitions as data', () => {
    expect(DISCREPANCY_TRANSITIONS).toEqual({
      open: ['resolved', 'escalated'],
      escalated: ['resolved'],
      resolved: [],
    });
  });

  it('open → resolved with an explanation', () => {
    const res = resolveDiscrepancy(d, { explanation: 'Recount: 500 mg, miscount', ...by });
    expect(res.ok && res.discrepancy.status).toBe('resolved');
    expect(res.ok && res.discrepancy.resolution?.explanation).toBe('Recount: 500 mg, miscount');
    expect(d.status).toBe('open');
  });

  it('open → escalated → resolved', () => {
    const esc = escalateDiscrepancy(d, { note: '2 mg unaccounted for', ...by });
    expect(esc.ok && esc.discrepancy.status).toBe('escalated');
    if (!esc.ok) return;
    const res = resolveDiscrepancy(esc.discrepancy, {
      explanation: 'DEA-106 filed',
      adjustmentEntryId: 'e77',
      ...by,
    });
    expect(
      res.ok && [
        res.discrepancy.status,
        res.discrepancy.escalation?.note,
        res.discrepancy.resolution?.adjustmentEntryId,
      ],
    ).toEqual(['resolved', '2 mg unaccounted for', 'e77']);
  });

  it.each([
    [
      'resolve without explanation',
      () => resolveDiscrepancy(d, { explanation: '  ', ...by }),
      'explanation_required',
    ],
    ['escalate without note', () => escalateDiscrepancy(d, { note: '', ...by }), 'explanation_required'],
    [
      're-resolve',
      () => {
        const once = resolveDiscrepancy(d, { explanation: 'x', ...by });
        return once.ok ? resolveDiscrepancy(once.discrepancy, { explanation: 'y', ...by }) : once;
      },
      'invalid_transition',
    ],
    [
      'escalate twice',
      () => {
        const once = escalateDiscrepancy(d, { note: 'x', ...by });
        return once.ok ? escalateDiscrepancy(once.discrepancy, { note: 'y', ...by }) : once;
      },
      'invalid_transition',
    ],
  ] as const)('refuses: %s', (_label, run, code) => {
    const res = run();
    expect(!res.ok && res.code).toBe(code);
  });

  it('holds containers with unresolved discrepancies', () => {
    const esc = escalateDiscrepancy(d, { note: 'x', ...by });
    const resolved = resolveDiscrepancy({ ...d, containerId: 'v3' }, { explanation: 'ok', ...by });
    if (!esc.ok || !resolved.ok) throw new Error('setup');
    expect([...heldContainers([d, esc.discrepancy, resolved.discrepancy])]).toEqual(['v2']);
  });
});
