/**
 * Clinicians' schedules as the API shows them: the clinic's active staff with a clinical role (prescriber,
 * nurse, therapist), their weekly working hours and their exceptions (leave or one-off hours) that end today
 * or later and are not cancelled. Times are the clinic's local wall-clock times.
 */
import type { ClinicianSchedule } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { notFound } from '../../../platform/errors.ts';
import { byWeekdayAndStart } from './hours-overlap.ts';

export const CLINICIAN_ROLES = ['prescriber', 'nurse', 'therapist'] as const;

/** `HH:MM:SS` (a PostgreSQL `time`) → `HH:MM`. */
const hhmm = (t: string): string => t.slice(0, 5);

/** The schedules of the clinic's clinicians (or of one), ordered by name; `today` is the clinic's date. */
export async function clinicianSchedules(
  db: Kysely<DB>,
  clinicId: string,
  today: string,
  userId?: string,
): Promise<ClinicianSchedule[]> {
  const members = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'm.role'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .where('m.role', 'in', [...CLINICIAN_ROLES])
    .$if(userId !== undefined, (q) => q.where('u.id', '=', userId as string))
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  const ids = [...new Set(members.map((m) => m.id))];
  if (ids.length === 0) return [];
  const [hours, exceptions] = await Promise.all([
    db
      .selectFrom('clinician_hours')
      .select(['user_id', 'weekday', 'start_time', 'end_time'])
      .where('clinic_id', '=', clinicId)
      .where('user_id', 'in', ids)
      .execute(),
    db
      .selectFrom('clinician_exceptions')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('user_id', 'in', ids)
      .where('cancelled_at', 'is', null)
      .where('to_date', '>=', today)
      .orderBy('from_date')
      .orderBy('created_at')
      .execute(),
  ]);
  return ids.map((id) => {
    const roles = members.filter((m) => m.id === id).map((m) => m.role);
    return {
      userId: id,
      displayName: members.find((m) => m.id === id)?.display_name ?? '',
      roles: CLINICIAN_ROLES.filter((r) => roles.includes(r)),
      weekly: hours
        .filter((h) => h.user_id === id)
        .map((h) => ({ weekday: h.weekday, start: hhmm(h.start_time), end: hhmm(h.end_time) }))
        .sort(byWeekdayAndStart),
      exceptions: exceptions
        .filter((e) => e.user_id === id)
        .map((e) => ({
          id: e.id,
          kind: e.kind,
          fromDate: dateText(e.from_date),
          toDate: dateText(e.to_date),
          start: e.start_time === null ? null : hhmm(e.start_time),
          end: e.end_time === null ? null : hhmm(e.end_time),
          note: e.note,
        })),
    };
  });
}

/** One clinician's schedule; 404 when the user is not an active clinician of this clinic. */
export async function clinicianSchedule(
  db: Kysely<DB>,
  clinicId: string,
  today: string,
  userId: string,
): Promise<ClinicianSchedule> {
  const [one] = await clinicianSchedules(db, clinicId, today, userId);
  if (!one) throw notFound('clinician');
  return one;
}

/** A `date` column as `YYYY-MM-DD` (drivers may hand back a string or a Date at UTC midnight). */
function dateText(d: string | Date): string {
  return typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}
