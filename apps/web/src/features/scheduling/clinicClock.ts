/**
 * The calendar component works on JavaScript Dates read in the browser's zone. The schedule is shown in the
 * clinic's zone, whatever the browser's: an instant becomes a "wall-clock" Date whose browser-local fields
 * (year … minute) are the clinic's local time, and a Date the calendar hands back (a drop, a selected slot)
 * is read field by field as a clinic-local time, with the server's rule for daylight-saving gaps and overlaps
 * (`@plasticity/clinical/scheduling`). Pure functions of their arguments; luxon's global settings are never
 * changed. Known limit: a clinic-local time that falls in the BROWSER's own daylight-saving gap cannot be
 * held as a wall-clock Date (the browser moves it by an hour); it only happens when browser and clinic zones
 * differ, within an hour of the browser's change.
 */
import { addDays as addLocalDays, localToInstant } from '@plasticity/clinical/scheduling';
import { DateTime } from 'luxon';

const inZone = (at: Date | string, timeZone: string): DateTime =>
  (typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at)).setZone(timeZone);

/** The clinic-local time of an instant as a Date whose browser-local fields show it. */
export function toWallClock(at: Date | string, timeZone: string): Date {
  const t = inZone(at, timeZone);
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
}

/**
 * The instant a wall-clock Date stands for in the clinic's zone. A time that does not exist there (the spring
 * gap) moves forward by the gap; a time that occurs twice (the autumn overlap) is the earlier one.
 */
export function fromWallClock(wall: Date, timeZone: string): Date {
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = localToInstant(wallDate(wall), `${pad(wall.getHours())}:${pad(wall.getMinutes())}`, timeZone);
  return new Date(at.getTime() + wall.getSeconds() * 1000);
}

/** `YYYY-MM-DD` + `HH:MM` in the clinic's zone → ISO instant (same gap and overlap rules). */
export function localToIso(date: string, time: string, timeZone: string): string {
  return localToInstant(date, time, timeZone).toISOString().replace('.000Z', 'Z');
}

/** An instant as the clinic's `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
export function isoToLocal(at: string | Date, timeZone: string): { date: string; time: string } {
  const t = inZone(at, timeZone);
  return { date: t.toFormat('yyyy-MM-dd'), time: t.toFormat('HH:mm') };
}

/** Today's date in the clinic's zone. */
export function clinicToday(timeZone: string, now: Date = new Date()): string {
  return inZone(now, timeZone).toFormat('yyyy-MM-dd');
}

/** `YYYY-MM-DD` of a wall-clock Date (the calendar's current day). */
export function wallDate(wall: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`;
}

/** The wall-clock Date of a clinic-local date at midnight (for the calendar's `date`). */
export function dateToWall(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export type CalendarSpan = 'day' | 'week';

/**
 * The instants bounding a clinic-local day, or the week (Monday to Sunday) holding it: from local midnight to
 * the next local midnight, so a daylight-saving day spans 23 or 25 hours.
 */
export function spanOf(date: string, span: CalendarSpan, timeZone: string): { from: string; to: string } {
  const day = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  const start = span === 'day' ? day : day.minus({ days: day.weekday - 1 });
  const end = start.plus({ days: span === 'day' ? 1 : 7 });
  const iso = (t: DateTime) => t.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
  return { from: iso(start), to: iso(end) };
}

/** A calendar date `n` days after `date` (both `YYYY-MM-DD`). */
export const addDays = (date: string, n: number): string => addLocalDays(date, n);

/** Minutes between two instants. */
export const minutesBetween = (start: Date | string, end: Date | string): number =>
  Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000);
