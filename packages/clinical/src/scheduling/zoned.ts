/**
 * Clinic-time-zone arithmetic with `Intl` only (no Temporal on Node 20, no dependency).
 *
 * A clinic books in its own wall-clock time (`clinics.time_zone`, an IANA name); appointments are stored as
 * instants. These functions convert between the two and do calendar arithmetic on `YYYY-MM-DD` dates.
 *
 * Daylight-saving rules (both follow the behaviour of `Temporal`'s `disambiguation: 'compatible'`):
 * - A local time inside a spring-forward gap does not exist. It is shifted forward by the length of the gap:
 *   02:30 on a day whose clocks jump from 02:00 to 03:00 becomes 03:30 local (the instant 30 minutes after the
 *   jump).
 * - A local time inside a fall-back overlap happens twice. The EARLIER instant (the first occurrence, still on
 *   daylight time) is used.
 *
 * Bad input (a malformed date or time, an unknown time zone) throws a `RangeError`: callers validate what
 * people type before calling.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A point in time as the clinic's wall clock shows it. */
export interface LocalTime {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`, 24-hour. */
  time: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight (0–1439). */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone name.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading at an instant, as milliseconds of a UTC date with the same fields. */
function wallMs(atMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(atMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const hour = get('hour') % 24;
  return Date.UTC(get('year'), get('month') - 1, get('day'), hour, get('minute'), get('second'));
}

/** The zone's offset from UTC at an instant, in milliseconds (wall clock minus UTC). */
function offsetMs(atMs: number, timeZone: string): number {
  const whole = Math.floor(atMs / 1000) * 1000;
  return wallMs(whole, timeZone) - whole;
}

/** Parses `YYYY-MM-DD` to the UTC midnight of that calendar date; RangeError for a malformed or unreal date. */
function parseDate(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`date must be YYYY-MM-DD, got "${date}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`no such date: "${date}"`);
  }
  return ms;
}

/** Parses `HH:MM` (00:00–23:59) to minutes since midnight; RangeError otherwise. */
export function parseTime(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`time must be HH:MM, got "${time}"`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) throw new RangeError(`no such time: "${time}"`);
  return h * 60 + min;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDate(utcMidnightMs: number): string {
  const d = new Date(utcMidnightMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The instant at which the clinic's wall clock (`timeZone`) shows `date` `time`. In a DST gap the time is
 * shifted forward by the gap (02:30 → 03:30); in a DST overlap the earlier instant is returned.
 *
 * @example
 * localToInstant('2027-03-14', '02:30', 'America/New_York').toISOString(); // '2027-03-14T07:30:00.000Z' (03:30 EDT)
 * localToInstant('2027-11-07', '01:30', 'America/New_York').toISOString(); // '2027-11-07T05:30:00.000Z' (EDT)
 */
export function localToInstant(date: string, time: string, timeZone: string): Date {
  const wall = parseDate(date) + parseTime(time) * MINUTE_MS;
  // Offsets a day and a half either side: a zone changes offset at most once in that window.
  const before = offsetMs(wall - 1.5 * DAY_MS, timeZone);
  const after = offsetMs(wall + 1.5 * DAY_MS, timeZone);
  const valid = [...new Set([before, after])]
    .map((o) => wall - o)
    .filter((t) => wallMs(t, timeZone) === wall)
    .sort((a, b) => a - b);
  const first = valid[0];
  if (first !== undefined) return new Date(first);
  // In the gap: read the wall time with the offset in force before the jump, i.e. shift forward by the gap.
  return new Date(wall - before);
}

/**
 * What the clinic's wall clock (`timeZone`) shows at an instant.
 *
 * @example
 * instantToLocal(new Date('2027-03-16T14:00:00Z'), 'America/New_York');
 * // { date: '2027-03-16', time: '10:00', weekday: 2, minutes: 600 }
 */
export function instantToLocal(at: Date, timeZone: string): LocalTime {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid instant');
  const wall = wallMs(ms, timeZone);
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  const minutes = Math.floor((wall - midnight) / MINUTE_MS);
  const date = formatDate(midnight);
  return {
    date,
    time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`,
    weekday: isoWeekday(date),
    minutes,
  };
}

/**
 * Calendar arithmetic on `YYYY-MM-DD` (no time zone involved): `n` may be negative.
 *
 * @example
 * addDays('2027-02-27', 2); // '2027-03-01'
 */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`days must be a whole number, got ${n}`);
  return formatDate(parseDate(date) + n * DAY_MS);
}

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * daysBetween('2027-03-01', '2027-03-03'); // 2
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to) - parseDate(from)) / DAY_MS);
}

/**
 * ISO weekday of a calendar date: 1 = Monday … 7 = Sunday.
 *
 * @example
 * isoWeekday('2027-03-01'); // 1
 */
export function isoWeekday(date: string): number {
  const day = new Date(parseDate(date)).getUTCDay();
  return day === 0 ? 7 : day;
}
