/**
 * The chairs, clinicians and patients a course's visits must not collide with: appointments that hold their
 * slot (booked, checked in, completed) over [start, held_until), as the database's exclusion constraints judge
 * them (migration 0019).
 */
import { HOLDING_STATUSES } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { notFound } from '../../../platform/errors.ts';

export const HOLDING = [...HOLDING_STATUSES];

/** Holding appointments in [from, to) of any of the chairs, the patient or the clinician. */
export async function holdingAppointments(
  db: Kysely<DB>,
  clinicId: string,
  from: Date,
  to: Date,
  who: { chairIds: string[]; patientId: string; clinicianId: string | null },
) {
  return db
    .selectFrom('appointments')
    .select(['id', 'chair_id', 'clinician_id', 'patient_id', 'start_at', 'held_until'])
    .where('clinic_id', '=', clinicId)
    .where('status', 'in', HOLDING)
    .where('start_at', '<', to)
    .where('held_until', '>', from)
    .where((eb) =>
      eb.or([
        eb('patient_id', '=', who.patientId),
        ...(who.chairIds.length ? [eb('chair_id', 'in', who.chairIds)] : []),
        ...(who.clinicianId ? [eb('clinician_id', '=', who.clinicianId)] : []),
      ]),
    )
    .execute();
}

/** 404 unless `userId` is an active staff member of the clinic who runs appointments. */
export async function assertClinician(db: Kysely<DB>, clinicId: string, userId: string): Promise<void> {
  const m = await db
    .selectFrom('memberships')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('user_id', '=', userId)
    .where('active', '=', true)
    .where('role', 'in', ['prescriber', 'nurse', 'therapist'])
    .executeTakeFirst();
  if (!m) throw notFound('clinician');
}

/** The first holding appointment of the chair or the clinician that overlaps [start, heldUntil), if any. */
export async function findClash(
  db: Kysely<DB>,
  clinicId: string,
  slot: { chairId: string | null; clinicianId: string | null; start: Date; heldUntil: Date },
) {
  if (!slot.chairId && !slot.clinicianId) return undefined;
  return db
    .selectFrom('appointments')
    .select(['chair_id', 'clinician_id', 'start_at', 'end_at'])
    .where('clinic_id', '=', clinicId)
    .where('status', 'in', HOLDING)
    .where('start_at', '<', slot.heldUntil)
    .where('held_until', '>', slot.start)
    .where((eb) =>
      eb.or([
        ...(slot.chairId ? [eb('chair_id', '=', slot.chairId)] : []),
        ...(slot.clinicianId ? [eb('clinician_id', '=', slot.clinicianId)] : []),
      ]),
    )
    .orderBy('start_at')
    .limit(1)
    .executeTakeFirst();
}
