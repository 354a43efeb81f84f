import {
  formatDate as sharedDate,
  formatDateTime as sharedDateTime,
  formatTime as sharedTime,
} from '@plasticity/clinical/time-format';
import { type Role, wordsOf } from '@plasticity/contracts';

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Clinic admin',
  prescriber: 'Prescriber',
  nurse: 'Nurse',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  patient: 'Patient',
};

export const roleLabel = (role: string): string => ROLE_LABELS[role as Role] ?? wordsOf(role);

export const SEX_LABELS = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' } as const;

export const sexLabel = (sex: string): string => SEX_LABELS[sex as keyof typeof SEX_LABELS] ?? sex;

export const fullName = (p: { firstName: string; lastName: string }): string =>
  `${p.lastName}, ${p.firstName}`;

/** Whole years between a `YYYY-MM-DD` birth date and `today` (defaults to the local date). */
export function ageFrom(dateOfBirth: string, today: Date = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getFullYear() - y;
  const beforeBirthday = today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d);
  if (beforeBirthday) age -= 1;
  return age >= 0 ? age : null;
}

/**
 * `2026-11-27 14:05` in the clinic's time zone (unambiguous, compact, sortable by eye): the one date-time
 * format of the product, shared with the server's PDFs and messages (`@plasticity/clinical/time-format`).
 * Pass `me.clinic.timeZone` (or use `useClinicTime()`); never the browser's zone.
 */
export function formatDateTime(
  iso: string | null | undefined,
  timeZone: string | undefined,
  withSeconds = false,
): string {
  return sharedDateTime(iso, timeZone, { seconds: withSeconds });
}

/** `14:05` in the clinic's time zone (the time part of `formatDateTime`). */
export function formatTime(iso: string | null | undefined, timeZone: string | undefined): string {
  return sharedTime(iso, timeZone);
}

/** `2026-11-27`: the calendar date in the clinic's time zone (a bare `YYYY-MM-DD` is kept as it is). */
export function formatDate(iso: string | null | undefined, timeZone: string | undefined): string {
  return sharedDate(iso, timeZone);
}

/** Local calendar date as `YYYY-MM-DD` (for file names and date inputs). */
export function localIsoDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
