import { describe, expect, it } from 'vitest';
import { defaultProtocolFor } from '../protocols/defaults.ts';
import type { SessionPlan } from '../protocols/types.ts';
import { type CourseProposal, courseVisitCount, type ProposeCourseInput, proposeCourse } from './course.ts';
import { daysBetween, instantToLocal } from './zoned.ts';

const NY = 'America/New_York';
const IV = defaultProtocolFor('iv').sessions;
const ESK = defaultProtocolFor('intranasal').sessions;
const at = (iso: string): Date => new Date(iso);

function base(over: Partial<ProposeCourseInput> = {}): ProposeCourseInput {
  return {
    sessions: IV,
    earliestDate: '2027-03-01', // a Monday
    timeZone: NY,
    durationMin: 130,
    preferredWeekdays: [1, 3, 5],
    preferredTimes: ['09:00'],
    resources: ['chair-a', 'chair-b'],
    busy: [],
    ...over,
  };
}

/** Each visit as `date time chair` in the clinic's zone. */
function local(p: CourseProposal, zone = NY): string[] {
  return p.items.map((v) => {
    const l = instantToLocal(v.start, zone);
    return `${l.date} ${l.time} ${v.resourceId}`;
  });
}

describe('courseVisitCount', () => {
  const plan = (phases: SessionPlan['phases'], count?: number): SessionPlan => ({
    phases,
    source: 'test',
    ...(count !== undefined ? { count } : {}),
  });
  it.each([
    ['IV default: fixed 6', IV, undefined, 6, false],
    ['esketamine default: 8 + 4, maintenance left out', ESK, undefined, 12, true],
    ['override wins', ESK, 3, 3, false],
    ['override 0', IV, 0, 0, false],
    [
      'fractional phase rounds up',
      plan([{ fromWeek: 1, toWeek: 3, perWeekMin: 0.5, perWeekMax: 0.5 }]),
      undefined,
      2,
      false,
    ],
    ['only open-ended phases', plan([{ fromWeek: 1, perWeekMin: 1, perWeekMax: 1 }]), undefined, 0, true],
  ])('%s', (_name, sessions, count, expected, leftOut) => {
    expect(courseVisitCount(sessions, count)).toEqual({ count: expected, openEndedLeftOut: leftOut });
  });

  it.each([[-1], [1.5]])('rejects count %d', (count) => {
    expect(() => courseVisitCount(IV, count)).toThrow(RangeError);
  });
});

describe('proposeCourse', () => {
  it('IV default Mon/Wed/Fri 09:00 from a Monday: 6 visits over 2 weeks, ≤ 3 a week, ≥ 2 days apart', () => {
    const p = proposeCourse(base());
    expect(local(p)).toEqual([
      '2027-03-01 09:00 chair-a',
      '2027-03-03 09:00 chair-a',
      '2027-03-05 09:00 chair-a',
      '2027-03-08 09:00 chair-a',
      '2027-03-10 09:00 chair-a',
      '2027-03-12 09:00 chair-a',
    ]);
    expect(p.items.map((v) => v.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(p.items.map((v) => v.end.getTime() - v.start.getTime())).toEqual(Array(6).fill(130 * 60_000));
    expect(p.warnings).toEqual([]);
  });

  it('IV with all weekdays keeps 2 days apart and at most 3 a week (Mon, Wed, Fri)', () => {
    const p = proposeCourse(base({ preferredWeekdays: [1, 2, 3, 4, 5] }));
    const dates = local(p).map((s) => s.slice(0, 10));
    expect(dates).toEqual([
      '2027-03-01',
      '2027-03-03',
      '2027-03-05',
      '2027-03-08',
      '2027-03-10',
      '2027-03-12',
    ]);
    for (let i = 1; i < dates.length; i++)
      expect(daysBetween(dates[i - 1] ?? '', dates[i] ?? '')).toBeGreaterThanOrEqual(2);
  });

  it.each([
    // [minGapDays, expected dates with every day preferred, perWeekMax 3]
    [0, ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-08', '2027-03-09', '2027-03-10']],
    [1, ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-08', '2027-03-09', '2027-03-10']],
    [2, ['2027-03-01', '2027-03-03', '2027-03-05', '2027-03-08', '2027-03-10', '2027-03-12']],
    [3, ['2027-03-01', '2027-03-04', '2027-03-07', '2027-03-10', '2027-03-13', '2027-03-16']],
  ])('minGapDays %i', (minGapDays, dates) => {
    const p = proposeCourse(base({ minGapDays, preferredWeekdays: [1, 2, 3, 4, 5, 6, 7] }));
    expect(local(p).map((s) => s.slice(0, 10))).toEqual(dates);
  });

  it('esketamine: 8 visits in weeks 1–4 (2 a week), then 4 weekly; maintenance not proposed', () => {
    const p = proposeCourse(base({ sessions: ESK, durationMin: 150, preferredWeekdays: [1, 2, 3, 4, 5] }));
    expect(local(p).map((s) => s.slice(0, 10))).toEqual([
      '2027-03-01',
      '2027-03-03',
      '2027-03-08',
      '2027-03-10',
      '2027-03-15',
      '2027-03-17',
      '2027-03-22',
      '2027-03-24',
      '2027-03-29',
      '2027-04-05',
      '2027-04-12',
      '2027-04-19',
    ]);
    expect(p.warnings).toEqual([
      'The maintenance phase (from week 9) is not proposed: book those visits later, at the frequency the prescriber sets.',
    ]);
  });

  it('week n counts from the first visit date, not the calendar week', () => {
    // First visit on a Thursday: week 1 = Thu–Wed, so Thu and Mon (≥ 2 days apart) are week 1.
    const p = proposeCourse(
      base({ sessions: ESK, count: 4, earliestDate: '2027-03-04', preferredWeekdays: [1, 4] }),
    );
    expect(local(p).map((s) => s.slice(0, 10))).toEqual([
      '2027-03-04',
      '2027-03-08',
      '2027-03-11',
      '2027-03-15',
    ]);
  });

  it('a busy chair A at the time → chair B', () => {
    const busy = [
      { resourceId: 'chair-a', start: at('2027-03-01T13:00:00Z'), end: at('2027-03-01T15:00:00Z') },
    ];
    expect(local(proposeCourse(base({ busy, count: 2 })))).toEqual([
      '2027-03-01 09:00 chair-b',
      '2027-03-03 09:00 chair-a',
    ]);
  });

  it.each([
    // [busy end relative to 09:00 EST = 14:00Z, expected first chair]
    ['ends exactly at the start (half-open: no overlap)', '2027-03-01T14:00:00Z', 'chair-a'],
    ['ends one minute into the visit', '2027-03-01T14:01:00Z', 'chair-b'],
  ])('boundary: %s', (_name, end, chair) => {
    const busy = [{ resourceId: 'chair-a', start: at('2027-03-01T12:00:00Z'), end: at(end) }];
    expect(proposeCourse(base({ busy, count: 1 })).items[0]?.resourceId).toBe(chair);
  });

  it('busy starting exactly at the visit end is no overlap', () => {
    const busy = [
      { resourceId: 'chair-a', start: at('2027-03-01T16:10:00Z'), end: at('2027-03-01T18:00:00Z') },
    ];
    expect(proposeCourse(base({ busy, count: 1 })).items[0]?.resourceId).toBe('chair-a');
  });

  it('all chairs busy → the next preferred time, then the next day', () => {
    const allBusy = (start: string, end: string): ProposeCourseInput['busy'] =>
      ['chair-a', 'chair-b'].map((resourceId) => ({ resourceId, start: at(start), end: at(end) }));
    const nextTime = proposeCourse(
      base({
        count: 1,
        preferredTimes: ['09:00', '13:00'],
        busy: allBusy('2027-03-01T14:00:00Z', '2027-03-01T16:00:00Z'),
      }),
    );
    expect(local(nextTime)).toEqual(['2027-03-01 13:00 chair-a']);
    const nextDay = proposeCourse(
      base({
        count: 1,
        preferredTimes: ['09:00', '13:00'],
        busy: allBusy('2027-03-01T05:00:00Z', '2027-03-02T05:00:00Z'),
      }),
    );
    expect(local(nextDay)).toEqual(['2027-03-03 09:00 chair-a']);
  });

  it('patient busy moves the visit; no chairs → resourceId null', () => {
    const p = proposeCourse(
      base({
        count: 1,
        resources: [],
        preferredTimes: ['09:00', '12:00'],
        patientBusy: [{ start: at('2027-03-01T16:00:00Z'), end: at('2027-03-01T16:30:00Z') }],
      }),
    );
    expect(local(p)).toEqual(['2027-03-01 12:00 null']);
  });

  it('keeps local time across the DST week (09:00 stays 09:00, UTC moves)', () => {
    const p = proposeCourse(base({ earliestDate: '2027-03-08' }));
    expect(local(p).map((s) => s.slice(11, 16))).toEqual([
      '09:00',
      '09:00',
      '09:00',
      '09:00',
      '09:00',
      '09:00',
    ]);
    expect(p.items.map((v) => v.start.toISOString().slice(11, 16))).toEqual([
      '14:00',
      '14:00',
      '14:00',
      '13:00',
      '13:00',
      '13:00',
    ]);
  });

  const OPEN = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '12:00' }));

  it('default times: opening, then every 30 minutes while the visit fits', () => {
    // 130 min in 08:00–12:00: 08:00, 08:30, 09:00, 09:30 fit (09:30 + 130 = 11:40); 10:00 would end 12:10.
    const allDay = (s: string, e: string): ProposeCourseInput['busy'] =>
      ['chair-a', 'chair-b'].map((resourceId) => ({ resourceId, start: at(s), end: at(e) }));
    const p = proposeCourse(
      base({
        count: 1,
        preferredTimes: undefined,
        open: OPEN,
        busy: allDay('2027-03-01T13:00:00Z', '2027-03-01T14:30:00Z'),
      }),
    );
    expect(local(p)).toEqual(['2027-03-01 09:30 chair-a']);
    const none = proposeCourse(
      base({
        count: 1,
        preferredTimes: undefined,
        open: OPEN,
        busy: allDay('2027-03-01T13:00:00Z', '2027-03-01T14:31:00Z'),
      }),
    );
    expect(local(none)).toEqual(['2027-03-03 08:00 chair-a']);
  });

  it.each([
    // [preferred time, opening end, fits on the first day?]
    ['09:50', '12:00', true], // ends exactly at closing
    ['09:51', '12:00', false],
    ['07:59', '12:00', false], // before opening
  ])('opening hours boundary: %s with closing %s', (time, end, fits) => {
    const open = [
      { weekday: 1, start: '08:00', end },
      { weekday: 3, start: '07:00', end: '18:00' },
    ];
    const p = proposeCourse(base({ count: 1, preferredTimes: [time], open }));
    expect(local(p)[0]?.slice(0, 10)).toBe(fits ? '2027-03-01' : '2027-03-03');
  });

  it('no opening hours on the preferred days → warning and nothing placed', () => {
    const p = proposeCourse(
      base({ open: [{ weekday: 6, start: '08:00', end: '18:00' }], preferredWeekdays: [1, 3] }),
    );
    expect(p.items).toEqual([]);
    expect(p.warnings).toEqual([
      'The clinic has no opening hours on the preferred days (Monday and Wednesday).',
      '6 of the 6 visits could not be placed within 180 days from 2027-03-01; book them by hand or widen the preferred days and times.',
    ]);
  });

  it('a week short of the plan minimum is named', () => {
    // Week 1 (Mar 1–7): only Monday fits; Wednesday and Friday are taken.
    const busy = ['2027-03-03', '2027-03-05'].flatMap((d) =>
      ['chair-a', 'chair-b'].map((resourceId) => ({
        resourceId,
        start: at(`${d}T00:00:00Z`),
        end: at(`${d}T23:59:00Z`),
      })),
    );
    const p = proposeCourse(base({ busy }));
    expect(local(p).map((s) => s.slice(0, 10))).toEqual([
      '2027-03-01',
      '2027-03-08',
      '2027-03-10',
      '2027-03-12',
      '2027-03-15',
      '2027-03-17',
    ]);
    expect(p.warnings).toEqual([
      'Some course weeks have fewer visits than the treatment plan asks for: week 1 (1 of at least 2). No time fitted on the preferred days.',
    ]);
  });

  it('short weeks are named in one warning, with the week each phase asks for', () => {
    // Esketamine, 4 visits; every Wednesday to Friday of weeks 1–2 is taken: weeks 1 and 2 get Monday only.
    const days = ['2027-03-03', '2027-03-04', '2027-03-05', '2027-03-10', '2027-03-11', '2027-03-12'];
    const busy = days.flatMap((d) =>
      ['chair-a', 'chair-b'].map((resourceId) => ({
        resourceId,
        start: at(`${d}T00:00:00Z`),
        end: at(`${d}T23:59:00Z`),
      })),
    );
    const p = proposeCourse(base({ sessions: ESK, count: 4, busy, preferredWeekdays: [1, 2, 3, 4, 5] }));
    expect(local(p).map((s) => s.slice(0, 10))).toEqual([
      '2027-03-01',
      '2027-03-08',
      '2027-03-15',
      '2027-03-17',
    ]);
    expect(p.warnings).toEqual([
      'Some course weeks have fewer visits than the treatment plan asks for: week 1 (1 of at least 2) and week 2 (1 of at least 2). No time fitted on the preferred days.',
    ]);
  });

  it('count override, and count 0', () => {
    expect(proposeCourse(base({ count: 2 })).items).toHaveLength(2);
    expect(proposeCourse(base({ count: 0 }))).toEqual({
      items: [],
      warnings: ['The treatment plan gives no number of visits, so none were proposed.'],
    });
  });

  it('gives up after 180 days naming the visits left', () => {
    const busy = [
      { resourceId: 'chair-a', start: at('2027-01-01T00:00:00Z'), end: at('2027-08-26T00:00:00Z') },
    ];
    const p = proposeCourse(base({ resources: ['chair-a'], busy }));
    // 2027-08-26 (Thu) is day 178: only Fri 2027-08-27 (day 179) remains.
    expect(local(p)).toEqual(['2027-08-27 09:00 chair-a']);
    expect(p.warnings).toEqual([
      '5 of the 6 visits could not be placed within 180 days from 2027-03-01; book them by hand or widen the preferred days and times.',
    ]);
  });

  it('every-2-weeks phase places visits 14 days apart', () => {
    const sessions: SessionPlan = {
      phases: [{ fromWeek: 1, toWeek: 6, perWeekMin: 0.5, perWeekMax: 0.5 }],
      source: 't',
    };
    const p = proposeCourse(base({ sessions }));
    expect(local(p).map((s) => s.slice(0, 10))).toEqual(['2027-03-01', '2027-03-15', '2027-03-29']);
    expect(p.warnings).toEqual([]);
  });

  it('is deterministic', () => {
    expect(proposeCourse(base({ sessions: ESK }))).toEqual(proposeCourse(base({ sessions: ESK })));
  });

  it.each([
    [{ durationMin: 0 }],
    [{ minGapDays: -1 }],
    [{ preferredWeekdays: [0] }],
    [{ preferredTimes: ['9:00'] }],
    [{ earliestDate: '2027-02-30' }],
    [{ timeZone: 'Nowhere/Else' }],
    [{ open: [{ weekday: 8, start: '08:00', end: '12:00' }] }],
  ])('rejects %j', (bad) => {
    expect(() => proposeCourse(base(bad))).toThrow(RangeError);
  });
});
