/**
 * Dates and times as the clinic reads them: in the clinic's time zone (`clinics.time_zone`) and one format,
 * `2026-11-27 14:05` — the web app's `formatDateTime` (apps/web/src/ui/format.ts) prints the same.
 */

function parts(date: Date, timeZone: string) {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** `2026-11-27 14:05` in the clinic's zone; null stays null. */
export function formatClinicDateTime(d: Date | string | null | undefined, timeZone: string): string | null {
  if (d === null || d === undefined) return null;
  const p = parts(new Date(d), timeZone);
  return `${p.date} ${p.time}`;
}

/** The clinic's calendar date (`YYYY-MM-DD`) at an instant. */
export function clinicDate(d: Date | string, timeZone: string): string {
  return parts(new Date(d), timeZone).date;
}
