import { describe, expect, it } from 'vitest';
import { defaultObservationSchedule } from '../protocols/default-building-blocks.ts';
import type { ObservationSchedule } from '../protocols/types.ts';
import {
  type ObservationDueState,
  observationScheduleOf,
  observationsDue,
  type RecordedObservation,
} from './observations.ts';

const DOSE = '2025-06-01T10:00:00.000Z';
const MIN = 60_000;
/** ISO time `min` minutes (plus `ms`) after the dose. */
const t = (min: number, ms = 0) => new Date(Date.parse(DOSE) + min * MIN + ms).toISOString();
const moaas = (min: number, ms = 0): RecordedObservation => ({ kind: 'moaas', at: t(min, ms) });
const cadss = (min: number, ms = 0): RecordedObservation => ({ kind: 'cadss6', at: t(min, ms) });
const PLAN = defaultObservationSchedule(); // MOAA/S every 15, CADSS-6 at 40 and at the end, grace 5

const stateOf = (
  kind: string,
  when: string,
  r: ReturnType<typeof observationsDue>,
): ObservationDueState | undefined => r.items.find((i) => i.kind === kind && i.when === when)?.state;

describe('observationsDue — MOAA/S every 15 min, grace 5', () => {
  it.each<[string, RecordedObservation[], string, ObservationDueState, string]>([
    ['14:59 after the dose → upcoming', [], t(14, 59_000), 'upcoming', t(15)],
    ['exactly 15:00 after the dose → due', [], t(15), 'due', t(15)],
    ['20:00 (due + grace exactly) → still due', [], t(20), 'due', t(15)],
    ['20:00.001 → overdue', [], t(20, 1), 'overdue', t(15)],
    ['a MOAA/S at 10 min moves the next to 25 min', [moaas(10)], t(24), 'upcoming', t(25)],
    ['…and it is due exactly at 25 min', [moaas(10)], t(25), 'due', t(25)],
    ['…and overdue after 30 min', [moaas(10)], t(30, 1), 'overdue', t(25)],
    ['a MOAA/S before the dose does not count', [moaas(-5)], t(15), 'due', t(15)],
    ['a MOAA/S recorded in the future does not count', [moaas(50)], t(16), 'due', t(15)],
    ['the latest of several counts, whatever the order', [moaas(30), moaas(10)], t(44), 'upcoming', t(45)],
    ['other kinds do not count', [cadss(10), { kind: 'distress', at: t(10) }], t(16), 'due', t(15)],
  ])('%s', (_name, obs, now, state, dueAt) => {
    const r = observationsDue(PLAN, DOSE, obs, now);
    const item = r.items.find((i) => i.kind === 'moaas');
    expect(item?.state).toBe(state);
    expect(item?.dueAt).toBe(dueAt);
  });

  it('stops when monitoring ends, even if one was overdue', () => {
    const r = observationsDue(PLAN, DOSE, [], t(60), { monitoringEndedAt: t(50) });
    expect(stateOf('moaas', 'every', r)).toBe('done');
    const before = observationsDue(PLAN, DOSE, [], t(49), { monitoringEndedAt: t(50) });
    expect(stateOf('moaas', 'every', before)).toBe('overdue');
  });

  it('with grace 0 the due instant matches vitalsOverdue: due exactly at, overdue 1 ms after', () => {
    const plan: ObservationSchedule = { ...PLAN, graceMin: 0 };
    expect(stateOf('moaas', 'every', observationsDue(plan, DOSE, [], t(15)))).toBe('due');
    expect(stateOf('moaas', 'every', observationsDue(plan, DOSE, [], t(15, 1)))).toBe('overdue');
  });
});

describe('observationsDue — CADSS-6 at 40 min and at the end of monitoring', () => {
  it.each<[string, RecordedObservation[], string, ObservationDueState]>([
    ['39:59 → upcoming', [], t(39, 59_000), 'upcoming'],
    ['exactly 40:00 → due', [], t(40), 'due'],
    ['45:00 → due', [], t(45), 'due'],
    ['45:00.001 → overdue', [], t(45, 1), 'overdue'],
    ['taken at 35:00 (grace before) → done', [cadss(35)], t(36), 'done'],
    ['taken at 34:59 → too early, still due at 40', [cadss(34, 59_000)], t(40), 'due'],
    ['taken late at 70 min → done', [cadss(70)], t(71), 'done'],
    ['taken in the future → not done', [cadss(90)], t(46), 'overdue'],
  ])('%s', (_name, obs, now, state) => {
    expect(stateOf('cadss6', 'at_minute', observationsDue(PLAN, DOSE, obs, now))).toBe(state);
  });

  it('the end-of-monitoring CADSS-6 has no time until monitoring ends, then is due from that moment', () => {
    const during = observationsDue(PLAN, DOSE, [cadss(40), moaas(55)], t(60));
    const end = during.items.find((i) => i.when === 'end_of_monitoring');
    expect(end).toMatchObject({ state: 'upcoming', dueAt: null });
    expect(during.next?.kind).toBe('moaas'); // an item without a time is never "next"

    const after = observationsDue(PLAN, DOSE, [cadss(40)], t(121), { monitoringEndedAt: t(120) });
    expect(after.items.find((i) => i.when === 'end_of_monitoring')).toMatchObject({
      state: 'due',
      dueAt: t(120),
    });
    const late = observationsDue(PLAN, DOSE, [cadss(40)], t(125, 1), { monitoringEndedAt: t(120) });
    expect(stateOf('cadss6', 'end_of_monitoring', late)).toBe('overdue');
    const done = observationsDue(PLAN, DOSE, [cadss(40), cadss(118)], t(130), { monitoringEndedAt: t(120) });
    expect(stateOf('cadss6', 'end_of_monitoring', done)).toBe('done');
    expect(done.anyDue).toBe(false);
  });

  it('without the end-of-monitoring flag there is only the 40-minute CADSS-6', () => {
    const plan = { ...PLAN, cadss6AtEndOfMonitoring: false, cadss6AtMin: [20, 60] };
    const r = observationsDue(plan, DOSE, [], t(21));
    expect(r.items.filter((i) => i.kind === 'cadss6').map((i) => [i.minute, i.state])).toEqual([
      [20, 'due'],
      [60, 'upcoming'],
    ]);
  });
});

describe('observationsDue — summary', () => {
  it('no dose yet → nothing due, no next', () => {
    for (const dose of [null, undefined, 'not a date']) {
      expect(observationsDue(PLAN, dose, [moaas(1)], t(100))).toEqual({
        doseStarted: false,
        items: [],
        due: [],
        anyDue: false,
        anyOverdue: false,
        next: null,
      });
    }
  });

  it('right after the dose: nothing due; next is the MOAA/S at 15 min', () => {
    const r = observationsDue(PLAN, new Date(DOSE), [], new Date(DOSE));
    expect(r).toMatchObject({ doseStarted: true, anyDue: false, anyOverdue: false });
    expect(r.next).toMatchObject({ kind: 'moaas', dueAt: t(15) });
  });

  it('lists due items earliest first, flags overdue, and gives the next upcoming one', () => {
    const r = observationsDue(PLAN, DOSE, [moaas(30)], t(46));
    expect(r.due.map((i) => [i.kind, i.state])).toEqual([
      ['cadss6', 'overdue'],
      ['moaas', 'due'],
    ]);
    expect(r.anyOverdue).toBe(true);
    expect(r.next).toBeNull(); // the end-of-monitoring CADSS-6 has no time yet
    const calm = observationsDue(PLAN, DOSE, [moaas(40), cadss(40)], t(41));
    expect(calm).toMatchObject({ anyDue: false, anyOverdue: false, due: [] });
    expect(calm.next).toMatchObject({ kind: 'moaas', dueAt: t(55) });
    const both = observationsDue(PLAN, DOSE, [], t(41));
    expect(both.due.map((i) => i.kind)).toEqual(['moaas', 'cadss6']);
    expect(both.due.map((i) => i.state)).toEqual(['overdue', 'due']);
  });

  it('a data error prompts a check: bad interval or unparseable now → MOAA/S overdue without a time', () => {
    for (const [plan, now] of [
      [{ ...PLAN, moaasEveryMin: 0 }, t(1)],
      [{ ...PLAN, moaasEveryMin: Number.NaN }, t(1)],
      [PLAN, 'garbage'],
    ] as const) {
      const r = observationsDue(plan, DOSE, [], now);
      expect(r.due[0]).toMatchObject({ kind: 'moaas', dueAt: null, state: 'overdue' });
      expect(r.anyOverdue).toBe(true);
    }
  });
});

describe('observationScheduleOf', () => {
  it('uses the protocol’s schedule, or the cited default when the stored protocol has none', () => {
    const mine = { ...PLAN, moaasEveryMin: 10 };
    expect(observationScheduleOf({ observations: mine })).toBe(mine);
    expect(observationScheduleOf({})).toEqual(PLAN);
    expect(observationScheduleOf(undefined).source).toMatch(/UNVERIFIED/);
    expect(observationScheduleOf(undefined).source).toMatch(/40 min/);
  });
});
