import { describe, expect, it } from 'vitest';
import { type ContainerState, deriveLedger } from './balances.ts';
import { Decimal } from './decimal.ts';
import { containerStatus, contextFor, lastUseDate, type StatusOptions } from './status.ts';
import { draw, entry, receipt } from './testing.ts';

const c = (over: Partial<ContainerState> = {}): ContainerState => ({
  id: 'v1',
  ndc: '0409-2051-05',
  lot: 'L1',
  expiresOn: '2025-06-30',
  unit: 'mg',
  locationId: 'safe',
  balance: Decimal.of(100),
  ...over,
});
const BUD: StatusOptions['beyondUse'] = { days: 28, timeZone: 'America/Denver' };

describe('containerStatus', () => {
  it.each<[string, ContainerState, string, StatusOptions, string]>([
    ['never opened', c(), '2025-06-01', {}, 'sealed'],
    ['opened', c({ openedAt: '2025-06-01T16:00:00Z' }), '2025-06-01', {}, 'open'],
    [
      'balance zero',
      c({ balance: Decimal.ZERO, openedAt: '2025-06-01T16:00:00Z' }),
      '2025-06-01',
      {},
      'empty',
    ],
    ['balance negative', c({ balance: Decimal.of(-1) }), '2025-06-01', {}, 'empty'],
    ['expiry day itself is usable', c(), '2025-06-30', {}, 'sealed'],
    ['day after expiry', c(), '2025-07-01', {}, 'expired'],
    ['empty beats expired', c({ balance: Decimal.ZERO }), '2025-07-01', {}, 'empty'],
    [
      'quarantine beats everything',
      c({ balance: Decimal.ZERO }),
      '2025-07-01',
      { quarantined: true },
      'quarantined',
    ],
    [
      'within beyond-use period',
      c({ openedAt: '2025-05-01T05:00:00Z' }),
      '2025-05-28',
      { beyondUse: BUD },
      'open',
    ],
    // Opened 23:00 on 30 April in Denver (05:00Z on 1 May): BUD counts from 30 April → last use 28 May.
    [
      'past beyond-use period (local opening date)',
      c({ openedAt: '2025-05-01T05:00:00Z' }),
      '2025-05-29',
      { beyondUse: BUD },
      'expired',
    ],
    ['beyond-use ignored when sealed', c(), '2025-06-29', { beyondUse: BUD }, 'sealed'],
  ])('%s → %s', (_label, container, today, options, status) => {
    expect(containerStatus(container, today, options)).toBe(status);
  });

  it('lastUseDate is the earlier of expiry and beyond-use', () => {
    expect(lastUseDate(c())).toBe('2025-06-30');
    expect(lastUseDate(c({ openedAt: '2025-05-01T05:00:00Z' }), BUD)).toBe('2025-05-28');
    expect(lastUseDate(c({ openedAt: '2025-06-20T16:00:00Z' }), BUD)).toBe('2025-06-30');
  });
});

describe('contextFor', () => {
  const state = deriveLedger([
    entry('e1', receipt('v1', 100, { expiresOn: '2026-01-31' })),
    entry('e2', draw('v1', 40)),
  ]);

  it('describes a known container and draw', () => {
    const ctx = contextFor(state, 'v1', '2025-06-01', { drawId: 'e2' });
    expect(ctx.container?.status).toBe('open');
    expect(ctx.container?.balance.toString()).toBe('60');
    expect(ctx.draw?.outstanding.toString()).toBe('40');
    expect(ctx.draw?.patientId).toBe('p1');
  });

  it('marks unknown containers and draws as null', () => {
    expect(contextFor(state, 'zz', '2025-06-01')).toEqual({ container: null });
    expect(contextFor(state, 'v1', '2025-06-01', { drawId: 'zz' }).draw).toBeNull();
  });

  it('applies quarantine and expiry', () => {
    expect(contextFor(state, 'v1', '2025-06-01', { quarantined: true }).container?.status).toBe(
      'quarantined',
    );
    expect(contextFor(state, 'v1', '2026-02-01').container?.status).toBe('expired');
  });
});
