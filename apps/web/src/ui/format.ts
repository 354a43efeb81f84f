import { type Role, wordsOf } from '@plasticity/contracts';

export const ROLE_LABELS: Record<Role, string> = {
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

/** `2026-11-27 14:05` in the clinic's time zone (unambiguous, compact, sortable by eye). */
export function formatDateTime(
  iso: string | null | undefined,
  timeZone?: string,
  withSeconds = false,
): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: withSeconds ? '2-digit' : undefined,
      hourCycle: 'h23',
    }).formatToParts(date);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const time = `${get('hour')}:${get('minute')}${withSeconds ? `:${get('second')}` : ''}`;
    return `${get('year')}-${get('month')}-${get('day')} ${time}`;
  } catch {
    return date.toISOString();
  }
}

/** Local calendar date as `YYYY-MM-DD` (for file names and date inputs). */
export function localIsoDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
