/**
 * Turning the database's refusal of an overlap (exclusion constraints `appointments_chair_free` and
 * `appointments_clinician_free`, SQLSTATE 23P01) into 409 `conflict` naming the chair or clinician and the
 * clashing appointment's time in the clinic's zone. Nothing is checked before the insert (that would race):
 * the constraint decides, and the clash is looked up afterwards.
 */
import { formatDateTime, formatTime } from '@plasticity/clinical/time-format';
import { HOLDING_STATUSES } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';

export type Constraint = 'appointments_chair_free' | 'appointments_clinician_free';

/** Which exclusion constraint refused the write, or null for any other error. */
export function exclusionViolation(err: unknown): Constraint | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code !== '23P01') return null;
  const named = typeof e.constraint === 'string' ? e.constraint : String(e.message ?? '');
  if (named.includes('appointments_chair_free')) return 'appointments_chair_free';
  if (named.includes('appointments_clinician_free')) return 'appointments_clinician_free';
  return null;
}

export interface Attempt {
  clinicId: string;
  /** The appointment being moved (never its own clash). */
  appointmentId?: string;
  chairId: string | null;
  clinicianId: string | null;
  start: Date;
  heldUntil: Date;
}

/**
 * The 409 for a refused write: reads the holding appointment that overlaps (on `db`, which must be usable:
 * after the transaction's rollback or a rollback to a savepoint) and names it.
 */
export async function conflictError(
  db: Kysely<DB>,
  timeZone: string,
  constraint: Constraint,
  a: Attempt,
  fieldPrefix = 'body',
): Promise<AppError> {
  const byChair = constraint === 'appointments_chair_free';
  const resourceId = byChair ? a.chairId : a.clinicianId;
  const field = `${fieldPrefix}.${byChair ? 'chairId' : 'clinicianId'}`;
  const clash = resourceId
    ? (
        await sql<{ id: string; start_at: Date; end_at: Date; name: string | null }>`
          select a.id, a.start_at, a.end_at,
                 ${byChair ? sql`(select name from chairs where id = a.chair_id)` : sql`(select display_name from users where id = a.clinician_id)`} as name
            from appointments a
           where a.clinic_id = ${a.clinicId}
             and ${byChair ? sql`a.chair_id` : sql`a.clinician_id`} = ${resourceId}
             and a.status in (${sql.join([...HOLDING_STATUSES])})
             and tstzrange(a.start_at, a.held_until, '[)') && tstzrange(${a.start}, ${a.heldUntil}, '[)')
             ${a.appointmentId ? sql`and a.id <> ${a.appointmentId}` : sql``}
           order by a.start_at
           limit 1`.execute(db)
      ).rows[0]
    : undefined;
  const what = byChair ? 'the chair' : 'the clinician';
  const name = clash?.name ?? (byChair ? 'The chair' : 'The clinician');
  const when = clash
    ? `${formatDateTime(clash.start_at, timeZone)}–${formatTime(clash.end_at, timeZone)}`
    : 'at that time';
  const message = `${name} is booked ${when}`;
  return new AppError('conflict', `${what} is already booked at that time: ${message}`, [
    { field, message, ...(clash ? { appointmentId: clash.id } : {}) },
  ]);
}
