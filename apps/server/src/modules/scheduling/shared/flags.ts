/**
 * What the calendar flags on an appointment booked anyway (staff may book outside hours; only overlaps are
 * refused): outside the clinic's opening hours, outside the clinician's working hours, clinician on leave.
 * `scheduleFlags` is pure; `loadFlagContext` reads everything a list needs once per request.
 */
import { instantToLocal, type LocalTime } from '@plasticity/clinical/scheduling';
import { OpeningHours, type ScheduleFlag, type WeeklyHours } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { readClinicSettings } from '../../clinic/settings-store.ts';

interface Interval {
  start: string;
  end: string;
}

export interface ClinicianDay {
  /** Local dates (`YYYY-MM-DD`) on leave, and one-off hours per local date. */
  leave: Array<{ fromDate: string; toDate: string }>;
  oneOff: Array<{ fromDate: string; toDate: string } & Interval>;
  weekly: Array<Pick<WeeklyHours, 'weekday'> & Interval>;
}

export interface FlagContext {
  timeZone: string;
  /** Null: the clinic has not set opening hours, so nothing is flagged against them. */
  opening: OpeningHours | null;
  clinicians: Map<string, ClinicianDay>;
  /** Local times already worked out in this request (a week of chairs shares few distinct instants). */
  localTimes?: Map<number, LocalTime>;
}

function localOf(at: Date, ctx: FlagContext): LocalTime {
  const ms = at.getTime();
  let l = ctx.localTimes?.get(ms);
  if (!l) {
    l = instantToLocal(at, ctx.timeZone);
    ctx.localTimes?.set(ms, l);
  }
  return l;
}

/** Whether [start, end) lies on one local day inside one of the intervals (local `HH:MM` strings). */
function within(
  start: { date: string; time: string },
  end: { date: string; time: string },
  intervals: Interval[],
): boolean {
  // An end at local midnight belongs to the same day (24:00).
  const endTime = end.date !== start.date && end.time === '00:00' ? '24:00' : end.time;
  const sameDay = end.date === start.date || endTime === '24:00';
  return sameDay && intervals.some((i) => i.start <= start.time && endTime <= i.end);
}

const hhmm = (t: string): string => t.slice(0, 5);
const covers = (r: { fromDate: string; toDate: string }, date: string) =>
  r.fromDate <= date && date <= r.toDate;

export function scheduleFlags(
  a: { start: Date; end: Date; clinicianId: string | null; clinicianName: string | null },
  ctx: FlagContext,
): ScheduleFlag[] {
  const flags: ScheduleFlag[] = [];
  const s = localOf(a.start, ctx);
  const e = localOf(a.end, ctx);
  if (
    ctx.opening &&
    !within(
      s,
      e,
      ctx.opening.filter((h) => h.weekday === s.weekday),
    )
  ) {
    flags.push({ code: 'outside_opening_hours', message: 'Outside the clinic’s opening hours' });
  }
  const c = a.clinicianId ? ctx.clinicians.get(a.clinicianId) : undefined;
  const who = a.clinicianName ?? 'The clinician';
  if (c) {
    if (c.leave.some((l) => covers(l, s.date))) {
      flags.push({ code: 'clinician_on_leave', message: `${who} is on leave that day` });
    } else {
      const oneOff = c.oneOff.filter((o) => covers(o, s.date));
      const hours = oneOff.length ? oneOff : c.weekly.filter((w) => w.weekday === s.weekday);
      // A clinician with no hours recorded at all is not flagged (hours not kept for them).
      if ((c.weekly.length || oneOff.length) && !within(s, e, hours)) {
        flags.push({ code: 'outside_working_hours', message: `Outside ${who}’s working hours` });
      }
    }
  }
  return flags;
}

/**
 * Opening hours, and the working hours and exceptions of these clinicians (`'all'`: every clinician of the
 * clinic — a handful of rows, so a list can read them while its appointments are being read), read once.
 */
export async function loadFlagContext(
  db: Kysely<DB>,
  clinicId: string,
  timeZone: string,
  clinicianIds: string[] | 'all',
): Promise<FlagContext> {
  /** null: every clinician of the clinic. */
  const only = clinicianIds === 'all' ? null : [...new Set(clinicianIds)];
  const none = only !== null && only.length === 0;
  const clinicians = new Map<string, ClinicianDay>();
  const [settings, weekly, exceptions] = await Promise.all([
    readClinicSettings(db, clinicId),
    none
      ? []
      : db
          .selectFrom('clinician_hours')
          .select(['user_id', 'weekday', 'start_time', 'end_time'])
          .where('clinic_id', '=', clinicId)
          .$if(only !== null, (q) => q.where('user_id', 'in', only ?? []))
          .execute(),
    none
      ? []
      : db
          .selectFrom('clinician_exceptions')
          .select(['user_id', 'kind', 'from_date', 'to_date', 'start_time', 'end_time'])
          .where('clinic_id', '=', clinicId)
          .$if(only !== null, (q) => q.where('user_id', 'in', only ?? []))
          .where('cancelled_at', 'is', null)
          .execute(),
  ]);
  const parsed = OpeningHours.safeParse((settings as Record<string, unknown>).openingHours);
  const day = (id: string): ClinicianDay => {
    const found = clinicians.get(id);
    if (found) return found;
    const made: ClinicianDay = { leave: [], oneOff: [], weekly: [] };
    clinicians.set(id, made);
    return made;
  };
  for (const w of weekly)
    day(w.user_id).weekly.push({ weekday: w.weekday, start: hhmm(w.start_time), end: hhmm(w.end_time) });
  for (const x of exceptions) {
    const range = { fromDate: dateText(x.from_date), toDate: dateText(x.to_date) };
    if (x.kind === 'leave') day(x.user_id).leave.push(range);
    else if (x.start_time && x.end_time)
      day(x.user_id).oneOff.push({ ...range, start: hhmm(x.start_time), end: hhmm(x.end_time) });
  }
  return { timeZone, opening: parsed.success ? parsed.data : null, clinicians, localTimes: new Map() };
}

/** A `date` column as `YYYY-MM-DD` (drivers may hand back a Date at UTC midnight). */
function dateText(d: string | Date): string {
  return d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);
}
