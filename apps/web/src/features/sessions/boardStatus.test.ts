import type { BoardSession } from '@plasticity/contracts';
import { describe, expect, it } from 'vitest';
import { lateItems, observationsLate, vitalsLate } from './boardStatus.ts';

const T0 = Date.parse('2026-11-27T15:00:00Z');
const min = (m: number) => new Date(T0 + m * 60_000).toISOString();
const vital = (at: string) => ({
  id: '00000000-0000-4000-8000-000000000801',
  at,
  sbp: 120,
  dbp: 80,
  hr: 70,
  spo2: 97,
  rr: 14,
  etco2: null,
  tempC: null,
});

function chair(over: Partial<BoardSession> = {}): BoardSession {
  return {
    id: '00000000-0000-4000-8000-000000000701',
    chair: '3',
    patient: { id: '00000000-0000-4000-8000-000000000500', firstName: 'Ada', lastName: 'L', mrn: 'M' },
    protocol: { id: 'p', name: 'IV ketamine', drug: 'ketamine', route: 'iv', cadenceMin: 15 },
    status: 'monitoring',
    scheduledAt: min(-30),
    phaseSince: min(-20),
    doseStartedAt: min(0),
    dischargedAt: null,
    dose: null,
    latestVitals: null,
    trend: [],
    alerts: [],
    observations: null,
    ...over,
  };
}

describe('vitalsLate: "Vitals overdue by N min"', () => {
  it.each<[string, Partial<BoardSession>, number, string | null]>([
    ['reading 10 min ago, cadence 15 → not late', { latestVitals: vital(min(20)) }, 30, null],
    ['exactly at the cadence → not late yet', { latestVitals: vital(min(15)) }, 30, null],
    [
      '22 min after the last reading → 7 min overdue',
      { latestVitals: vital(min(8)) },
      30,
      'Vitals overdue by 7 min',
    ],
    ['no reading since the dose 20 min ago → 5 min overdue', {}, 20, 'Vitals overdue by 5 min'],
    [
      'a reading before the dose does not count',
      { latestVitals: vital(min(-10)) },
      20,
      'Vitals overdue by 5 min',
    ],
    ['30 s past due says 1 min, never 0', { latestVitals: vital(min(0)) }, 15.5, 'Vitals overdue by 1 min'],
    ['not in the chair (checked in) → nothing', { status: 'checked_in', doseStartedAt: null }, 60, null],
    ['discharged → nothing', { status: 'discharged' }, 60, null],
  ])('%s', (_n, over, nowMin, text) => {
    expect(vitalsLate(chair(over), T0 + nowMin * 60_000)?.text ?? null).toBe(text);
  });
});

describe('observationsLate: "MOAA/S due", "CADSS-6 overdue by N min"', () => {
  const flag = (due: Array<{ kind: string; dueAt: string; state: 'due' | 'overdue' }>) => ({
    graceMin: 5,
    anyDue: true,
    anyOverdue: false,
    due: due.map((d) => ({ ...d, when: 'every' as const })),
    nextAt: null,
    nextKind: null,
  });
  it('due within the grace → "due"; past the grace → "overdue by" the minutes since it was due', () => {
    const f = flag([
      { kind: 'moaas', dueAt: min(28), state: 'due' },
      { kind: 'cadss6', dueAt: min(20), state: 'due' },
    ]);
    expect(observationsLate(f, T0 + 30 * 60_000).map((l) => l.text)).toEqual([
      'MOAA/S due',
      'CADSS-6 overdue by 10 min',
    ]);
  });
  it('lists vitals first, then observations', () => {
    const s = chair({ observations: flag([{ kind: 'moaas', dueAt: min(20), state: 'overdue' }]) });
    expect(lateItems(s, T0 + 25 * 60_000).map((l) => l.text)).toEqual([
      'Vitals overdue by 10 min',
      'MOAA/S overdue by 5 min',
    ]);
  });
});
