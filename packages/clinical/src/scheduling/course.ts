/**
 * Proposes a patient's course of dosing visits from the treatment plan's session plan (staff confirm or move
 * each visit before anything is booked).
 *
 * The course shape comes from the protocol (docs/clinical-sources.md#default-protocols): IV ketamine 6
 * infusions, 2–3 a week (Psychiatric Times, `SOURCES.ivTrd`); esketamine weeks 1–4 twice a week, weeks 5–8
 * weekly, then weekly or every 2 weeks (SPRAVATO US prescribing information, `SOURCES.spravatoDosing`). The
 * open-ended maintenance phase is not proposed: the prescriber sets its frequency later. The minimum gap
 * between visits (2 calendar days), the preferred days (Monday–Friday), the 30-minute slot step and the
 * 180-day search window are Plasticity product defaults, clinic-configurable
 * (docs/clinical-sources.md#scheduling-defaults).
 */
import type { SessionPhase, SessionPlan } from '../protocols/types.ts';
import { addDays, daysBetween, instantToLocal, isoWeekday, localToInstant, parseTime } from './zoned.ts';

/** Opening hours of one weekday: `start`–`end` local (`HH:MM`; `end` may be `24:00`). */
export interface OpenInterval {
  weekday: number;
  start: string;
  end: string;
}

/** An existing booking of a chair or room, buffers included. Half-open: [start, end). */
export interface BusyInterval {
  resourceId: string;
  start: Date;
  end: Date;
}

export interface TimeInterval {
  start: Date;
  end: Date;
}

export interface ProposeCourseInput {
  /** The protocol's session plan (`Protocol['sessions']`). */
  sessions: SessionPlan;
  /** Number of visits, overriding the plan. */
  count?: number;
  /** `YYYY-MM-DD`: no visit before this local date. */
  earliestDate: string;
  /** The clinic's IANA time zone. */
  timeZone: string;
  /** Chair minutes of one visit (`dosingVisitMinutes(...).minutes`). */
  durationMin: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday); default Monday–Friday. */
  preferredWeekdays?: number[];
  /** Local start times `HH:MM`, tried in order; default every 30 minutes from opening while the visit fits. */
  preferredTimes?: string[];
  /** Opening hours; when given, a visit must lie inside one interval of its weekday. */
  open?: OpenInterval[];
  /** Least calendar days between two visits' dates; default 2 (one clear day between). */
  minGapDays?: number;
  /** Candidate chair ids in preference order; empty → visits without a chair (`resourceId: null`). */
  resources: string[];
  busy: BusyInterval[];
  patientBusy?: TimeInterval[];
}

export interface ProposedVisit {
  /** Visit number in the course, from 1. */
  index: number;
  start: Date;
  end: Date;
  resourceId: string | null;
}

export interface CourseProposal {
  items: ProposedVisit[];
  /** Sentences for staff. */
  warnings: string[];
}

/** Plasticity product defaults, clinic-configurable (docs/clinical-sources.md#scheduling-defaults). */
export const COURSE_DEFAULTS = {
  minGapDays: 2,
  preferredWeekdays: [1, 2, 3, 4, 5] as readonly number[],
  slotStepMin: 30,
  searchDays: 180,
  source:
    'Plasticity product defaults (no clinical source), clinic-configurable: docs/clinical-sources.md#scheduling-defaults',
} as const;

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MINUTE_MS = 60_000;

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * How many visits a course has: `count` ?? `sessions.count` ?? the sum over phases with an end week of
 * (toWeek − fromWeek + 1) × perWeekMax, rounded up. `openEndedLeftOut` is true when that sum was used and an
 * open-ended (maintenance) phase was left out of it.
 *
 * @example
 * courseVisitCount(defaultProtocolFor('intranasal').sessions); // { count: 12, openEndedLeftOut: true }
 */
export function courseVisitCount(
  sessions: SessionPlan,
  count?: number,
): { count: number; openEndedLeftOut: boolean } {
  if (count !== undefined) {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
    return { count, openEndedLeftOut: false };
  }
  if (sessions.count !== undefined) return { count: sessions.count, openEndedLeftOut: false };
  let sum = 0;
  for (const p of sessions.phases)
    if (p.toWeek !== undefined) sum += (p.toWeek - p.fromWeek + 1) * p.perWeekMax;
  return { count: Math.ceil(sum), openEndedLeftOut: sessions.phases.some((p) => p.toWeek === undefined) };
}

/** The phase that covers course week `week`; past every phase, the last one. */
function phaseForWeek(phases: SessionPhase[], week: number): SessionPhase | undefined {
  const found = phases.find((p) => week >= p.fromWeek && (p.toWeek === undefined || week <= p.toWeek));
  if (found) return found;
  const last = [...phases].sort((a, b) => b.fromWeek - a.fromWeek)[0];
  return last && week > last.fromWeek ? last : undefined;
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

function openMinutes(time: string): number {
  return time === '24:00' ? 1440 : parseTime(time);
}

function validWeekdays(days: readonly number[], field: string): Set<number> {
  for (const w of days) {
    if (!Number.isInteger(w) || w < 1 || w > 7)
      throw new RangeError(`${field}: weekday must be 1–7, got ${w}`);
  }
  return new Set(days);
}

/** Opening intervals per ISO weekday, in minutes since local midnight, sorted by start. */
function openByWeekday(open: OpenInterval[]): Map<number, Array<[number, number]>> {
  validWeekdays(
    open.map((o) => o.weekday),
    'open',
  );
  const map = new Map<number, Array<[number, number]>>();
  for (const o of open) {
    const list = map.get(o.weekday) ?? [];
    list.push([openMinutes(o.start), openMinutes(o.end)]);
    map.set(o.weekday, list);
  }
  for (const list of map.values()) list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return map;
}

function candidateTimes(
  weekday: number,
  input: ProposeCourseInput,
  open: Map<number, Array<[number, number]>> | null,
): string[] {
  if (input.preferredTimes) return input.preferredTimes;
  const times: string[] = [];
  for (const [start, end] of open?.get(weekday) ?? []) {
    for (let t = start; t + input.durationMin <= end; t += COURSE_DEFAULTS.slotStepMin) {
      const hhmm = `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
      if (!times.includes(hhmm)) times.push(hhmm);
    }
  }
  return times;
}

/**
 * Proposes the course's visits: walks day by day from `earliestDate` (at most 180 days); on a preferred
 * weekday tries the times in order and takes the first that fits — inside opening hours (when given), the
 * patient free, and a chair free (the first in `resources` order; intervals are half-open, so a visit may
 * start when another ends). Between visits at least `minGapDays` calendar days; in course week n (days
 * [7(n−1), 7n) from the first visit's date) at most the phase's `perWeekMax` visits (a phase of fewer than 1
 * a week: one visit per week and at least 7 / perWeekMax days apart). A week that ends below the phase's
 * `perWeekMin` gets a warning. Deterministic. RangeError for malformed input (callers validate first).
 *
 * @example
 * proposeCourse({ sessions: defaultProtocolFor('iv').sessions, earliestDate: '2027-03-01',
 *   timeZone: 'America/New_York', durationMin: 130, preferredWeekdays: [1, 3, 5], preferredTimes: ['09:00'],
 *   resources: ['chair-a'], busy: [] }).items.length; // 6
 */
export function proposeCourse(input: ProposeCourseInput): CourseProposal {
  const { sessions, earliestDate, timeZone, durationMin, resources } = input;
  if (!Number.isFinite(durationMin) || durationMin <= 0) {
    throw new RangeError(`durationMin must be a number > 0, got ${durationMin}`);
  }
  const minGapDays = input.minGapDays ?? COURSE_DEFAULTS.minGapDays;
  if (!Number.isInteger(minGapDays) || minGapDays < 0) {
    throw new RangeError(`minGapDays must be a whole number ≥ 0, got ${minGapDays}`);
  }
  const weekdays = validWeekdays(
    input.preferredWeekdays ?? COURSE_DEFAULTS.preferredWeekdays,
    'preferredWeekdays',
  );
  for (const t of input.preferredTimes ?? []) parseTime(t);
  const open = input.open ? openByWeekday(input.open) : null;
  isoWeekday(earliestDate);
  localToInstant(earliestDate, '00:00', timeZone);

  const { count, openEndedLeftOut } = courseVisitCount(sessions, input.count);
  const warnings: string[] = [];
  if (openEndedLeftOut) {
    const from = sessions.phases.find((p) => p.toWeek === undefined)?.fromWeek;
    warnings.push(
      `The maintenance phase${from ? ` (from week ${from})` : ''} is not proposed: book those visits later, ` +
        'at the frequency the prescriber sets.',
    );
  }
  if (count === 0) {
    warnings.push('The treatment plan gives no number of visits, so none were proposed.');
    return { items: [], warnings };
  }
  if (open && ![...weekdays].some((w) => (open.get(w) ?? []).length > 0)) {
    const names = [...weekdays].sort((a, b) => a - b).map((w) => WEEKDAY_NAMES[w - 1] ?? String(w));
    warnings.push(`The clinic has no opening hours on the preferred days (${listInWords(names)}).`);
  }
  if (!open && !input.preferredTimes) {
    warnings.push('No opening hours or preferred times were given, so no time could be tried.');
  }

  const busy = input.busy.map((b) => ({ id: b.resourceId, s: b.start.getTime(), e: b.end.getTime() }));
  const patientBusy = (input.patientBusy ?? []).map((b) => ({ s: b.start.getTime(), e: b.end.getTime() }));
  const items: ProposedVisit[] = [];
  const perWeek = new Map<number, number>();
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  let checkedWeeks = 0;

  const shortWeeks: string[] = [];
  const weekShortfall = (week: number): void => {
    // A phase of fewer than 1 a week (every 2 weeks) has no weekly minimum.
    const perWeekMin = phaseForWeek(sessions.phases, week)?.perWeekMin ?? 0;
    const min = perWeekMin >= 1 ? Math.ceil(perWeekMin) : 0;
    const had = perWeek.get(week) ?? 0;
    if (had < min) shortWeeks.push(`week ${week} (${had} of at least ${min})`);
  };

  for (let i = 0; i < COURSE_DEFAULTS.searchDays && items.length < count; i++) {
    const day = addDays(earliestDate, i);
    const weekday = isoWeekday(day);
    let week = 1;
    if (firstDate !== null && lastDate !== null) {
      week = Math.floor(daysBetween(firstDate, day) / 7) + 1;
      while (checkedWeeks < week - 1) weekShortfall(++checkedWeeks);
      const phase = phaseForWeek(sessions.phases, week);
      if (phase) {
        if ((perWeek.get(week) ?? 0) >= Math.ceil(phase.perWeekMax)) continue;
        if (phase.perWeekMax > 0 && phase.perWeekMax < 1) {
          if (daysBetween(lastDate, day) < Math.round(7 / phase.perWeekMax)) continue;
        }
      }
      if (daysBetween(lastDate, day) < minGapDays) continue;
    }
    if (!weekdays.has(weekday)) continue;
    if (firstDate === null) {
      const phase = phaseForWeek(sessions.phases, 1);
      if (phase && Math.ceil(phase.perWeekMax) <= 0) continue;
    }

    for (const time of candidateTimes(weekday, input, open)) {
      const start = localToInstant(day, time, timeZone).getTime();
      const end = start + durationMin * MINUTE_MS;
      if (open) {
        const local = instantToLocal(new Date(start), timeZone);
        const fitsHours =
          local.date === day &&
          (open.get(weekday) ?? []).some(([s, e]) => local.minutes >= s && local.minutes + durationMin <= e);
        if (!fitsHours) continue;
      }
      if (patientBusy.some((b) => overlaps(start, end, b.s, b.e))) continue;
      let resourceId: string | null = null;
      if (resources.length > 0) {
        const free = resources.find((r) => !busy.some((b) => b.id === r && overlaps(start, end, b.s, b.e)));
        if (free === undefined) continue;
        resourceId = free;
      }
      items.push({ index: items.length + 1, start: new Date(start), end: new Date(end), resourceId });
      patientBusy.push({ s: start, e: end });
      if (firstDate === null) firstDate = day;
      lastDate = day;
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
      break;
    }
  }

  if (shortWeeks.length > 0) {
    warnings.push(
      `Some course weeks have fewer visits than the treatment plan asks for: ${listInWords(shortWeeks)}. ` +
        'No time fitted on the preferred days.',
    );
  }
  if (items.length < count) {
    const missing = count - items.length;
    warnings.push(
      `${missing} of the ${plural(count, 'visit', 'visits')} could not be placed within ` +
        `${COURSE_DEFAULTS.searchDays} days from ${earliestDate}; book ${missing === 1 ? 'it' : 'them'} by hand ` +
        'or widen the preferred days and times.',
    );
  }
  return { items, warnings };
}
