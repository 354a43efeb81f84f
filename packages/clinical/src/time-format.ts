/**
 * The one way Plasticity shows a point in time to people: the clinic's time zone, ISO-style date and a
 * 24-hour clock — `2026-11-27 14:05` (date and time), `2026-11-27` (date), `14:05` (time of day).
 * Unambiguous in every locale, compact, and sortable by eye. Screens, PDFs, messages and error texts all
 * use these functions with the clinic's IANA time zone (`clinics.time_zone`); the browser's or server's own
 * zone is never used (no zone given → UTC, stated by `zone: true`). Pure (Intl only), shared by the server, the web app and the clinical rules.
 */

export type Instant = Date | string | number;

export interface DateTimeOptions {
  /** `14:05:09` instead of `14:05`. */
  seconds?: boolean;
  /** Append the zone's short name (`PST`, `CDT`, `GMT+1`): for print, where the reader may be elsewhere. */
  zone?: boolean;
}

/** Dates are shown as `—` when absent. */
export const NO_TIME = '—';

function toDate(at: Instant): Date | null {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? null : d;
}

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  timeZoneName: string;
}

/** Formatters by zone and options: building one costs far more than using it (a calendar formats hundreds). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string, o: DateTimeOptions): Intl.DateTimeFormat {
  const key = `${tz}|${o.seconds ? 's' : ''}|${o.zone ? 'z' : ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: o.seconds ? '2-digit' : undefined,
      hourCycle: 'h23',
      timeZoneName: o.zone ? 'short' : undefined,
    });
    // Zone names come from clinic settings (validated when saved): the map stays small.
    if (formatters.size < 200) formatters.set(key, f);
  }
  return f;
}

function parts(d: Date, timeZone: string | undefined, o: DateTimeOptions): Parts {
  const fmt = (tz: string): Intl.DateTimeFormatPart[] => formatterFor(tz, o).formatToParts(d);
  let list: Intl.DateTimeFormatPart[];
  try {
    list = fmt(timeZone ?? 'UTC');
  } catch {
    // An unknown zone name (validated when saved, so only from old data): UTC, labelled as such.
    list = fmt('UTC');
  }
  const get = (type: Intl.DateTimeFormatPartTypes): string => list.find((p) => p.type === type)?.value ?? '';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    timeZoneName: get('timeZoneName'),
  };
}

/** `2026-11-27 14:05` in `timeZone` (`—` for null/undefined, the input itself when it is not a date). */
export function formatDateTime(
  at: Instant | null | undefined,
  timeZone: string | undefined,
  o: DateTimeOptions = {},
): string {
  if (at === null || at === undefined || at === '') return NO_TIME;
  const d = toDate(at);
  if (!d) return String(at);
  const p = parts(d, timeZone, o);
  const time = `${p.hour}:${p.minute}${o.seconds ? `:${p.second}` : ''}`;
  return `${p.year}-${p.month}-${p.day} ${time}${o.zone ? ` ${p.timeZoneName}` : ''}`;
}

/** `14:05` in `timeZone`: the time part of `formatDateTime`, for times on the day being looked at. */
export function formatTime(
  at: Instant | null | undefined,
  timeZone: string | undefined,
  o: DateTimeOptions = {},
): string {
  if (at === null || at === undefined || at === '') return NO_TIME;
  const d = toDate(at);
  if (!d) return String(at);
  const p = parts(d, timeZone, o);
  return `${p.hour}:${p.minute}${o.seconds ? `:${p.second}` : ''}${o.zone ? ` ${p.timeZoneName}` : ''}`;
}

/** `2026-11-27`: the calendar date in `timeZone`. A bare `YYYY-MM-DD` is a date already and is kept. */
export function formatDate(at: Instant | null | undefined, timeZone: string | undefined): string {
  if (at === null || at === undefined || at === '') return NO_TIME;
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const d = toDate(at);
  if (!d) return String(at);
  const p = parts(d, timeZone, {});
  return `${p.year}-${p.month}-${p.day}`;
}

/** Wall-clock milliseconds of `d` in `timeZone`, read as if that wall clock were UTC. */
function wallMs(d: Date, timeZone: string): number {
  const p = parts(d, timeZone, { seconds: true });
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
}

/**
 * The instant a clock in `timeZone` shows `hh:mm` on the calendar day `date` (`YYYY-MM-DD`), as ISO 8601
 * UTC: how a time typed by a clinician ("14:05") becomes a stored time. A wall time that a DST change
 * skips (02:30 on a spring-forward night) resolves one hour earlier, on the clock before the change.
 */
export function zonedInstant(date: string, hhmm: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!d || !t) return null;
  const [y, mo, day, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (h > 23 || mi > 59) return null;
  const wanted = Date.UTC(y, mo - 1, day, h, mi);
  // Two passes settle the zone offset, including on the day it changes.
  let guess = wanted - (wallMs(new Date(wanted), timeZone) - wanted);
  guess = wanted - (wallMs(new Date(guess), timeZone) - guess);
  return new Date(guess).toISOString();
}
