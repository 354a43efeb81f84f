/**
 * FHIR date search values (R4 search.html#date, #prefix): `[prefix]YYYY[-MM[-DD[Thh:mm[:ss[.fff]][zone]]]]`.
 * A value stands for the range its precision implies (2026 = the whole year); a value without a zone is read in
 * the clinic's time zone. Against a point in time t (the stored instants), with the range [lo, hi):
 * eq lo ≤ t < hi · ne not eq · lt and eb t < lo · gt and sa t ≥ hi · le t < hi · ge t ≥ lo ·
 * ap within the range widened by 10% of the distance from now to the value (the spec's suggested tolerance).
 */
import { localToInstant } from '@plasticity/clinical/scheduling';
import { badField } from '../../platform/errors.ts';

export const DATE_PREFIXES = ['eq', 'ne', 'lt', 'gt', 'le', 'ge', 'sa', 'eb', 'ap'] as const;
export type DatePrefix = (typeof DATE_PREFIXES)[number];

export interface DateCondition {
  prefix: DatePrefix;
  /** The half-open range [lo, hi) the value stands for, in ms since the epoch. */
  lo: number;
  hi: number;
}

const DATE_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parseDateParam(name: string, raw: string, timeZone: string, now: Date): DateCondition {
  const field = `querystring.${name}`;
  const head = raw.slice(0, 2);
  const prefix = (DATE_PREFIXES as readonly string[]).includes(head) ? (head as DatePrefix) : 'eq';
  const value = prefix === head ? raw.slice(2) : raw;
  const m = DATE_RE.exec(value);
  if (!m) throw badField(field, `${raw} is not a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or a date and time)`);
  const [, ys, ms, ds, hh, mi, ss, frac, zone] = m;
  const y = Number(ys);
  const mo = ms ? Number(ms) : 1;
  const d = ds ? Number(ds) : 1;
  const bad = () => badField(field, `${raw} is not a valid date`);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) throw bad();
  if (hh !== undefined && (Number(hh) > 23 || Number(mi) > 59 || (ss !== undefined && Number(ss) > 59)))
    throw bad();
  let lo: number;
  let hi: number;
  if (hh === undefined) {
    const date = `${ys}-${pad(mo)}-${pad(d)}`;
    const next = ds
      ? new Date(Date.UTC(y, mo - 1, d + 1))
      : ms
        ? new Date(Date.UTC(y, mo, 1))
        : new Date(Date.UTC(y + 1, 0, 1));
    lo = localToInstant(date, '00:00', timeZone).getTime();
    hi = localToInstant(next.toISOString().slice(0, 10), '00:00', timeZone).getTime();
  } else {
    const minute =
      zone === undefined
        ? localToInstant(`${ys}-${ms}-${ds}`, `${hh}:${mi}`, timeZone).getTime()
        : Date.parse(`${ys}-${ms}-${ds}T${hh}:${mi}:00${zone}`);
    if (Number.isNaN(minute)) throw bad();
    lo = minute + Number(ss ?? 0) * 1000 + Math.floor(Number(frac ?? 0) * 1000);
    hi = lo + (frac ? 1 : ss !== undefined ? 1000 : 60_000);
  }
  if (prefix === 'ap') {
    const slack = Math.round(Math.abs(now.getTime() - lo) * 0.1);
    return { prefix, lo: lo - slack, hi: hi + slack };
  }
  return { prefix, lo, hi };
}
