/**
 * How the server shows a time to people — PDFs, e-mails, messages and error texts: the clinic's time zone
 * (`authOf(req).timeZone`, `clinics.time_zone`) and the product's one format (`2026-11-27 14:05`), from the
 * pure formatter the web app and the clinical rules share. `stamp` adds the zone's short name for print,
 * where the reader may be somewhere else. API payloads stay ISO 8601 UTC; only text for people is formatted.
 */
import { formatDate, formatDateTime, formatTime, type Instant } from '@plasticity/clinical/time-format';

export { formatDate, formatDateTime, formatTime };

/** `2026-11-27 14:05 CST`: a date-time in the clinic's zone with the zone named, for PDFs and e-mails. */
export const stamp = (at: Instant | null | undefined, timeZone: string): string =>
  formatDateTime(at, timeZone, { zone: true });

/** `2026-11-27 14:05` in the clinic's zone, or null for no time (API fields that stay null when unknown). */
export const formatClinicDateTime = (at: Instant | null | undefined, timeZone: string): string | null =>
  at === null || at === undefined ? null : formatDateTime(at, timeZone);

/** The clinic's calendar date (`YYYY-MM-DD`) at an instant. */
export const clinicDate = (at: Instant, timeZone: string): string => formatDate(at, timeZone);
