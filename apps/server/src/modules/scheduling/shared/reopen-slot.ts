/**
 * When a visit booked into a portal slot is cancelled, its time is offered again: a new open slot with the
 * same time, type, clinician and room (the old slot keeps its link to the cancelled visit, as history).
 * Runs in the cancelling transaction; returns whether a slot was reopened.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export async function reopenSlotOf(
  trx: Kysely<DB>,
  clinicId: string,
  appointmentId: string,
  now: Date,
): Promise<boolean> {
  const slot = await trx
    .selectFrom('appointment_slots')
    .select(['type', 'start_at', 'end_at', 'clinician_id', 'chair_id', 'created_by'])
    .where('clinic_id', '=', clinicId)
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirst();
  // A time already past is not offered again.
  if (!slot || slot.start_at.getTime() <= now.getTime()) return false;
  await trx
    .insertInto('appointment_slots')
    .values({ clinic_id: clinicId, ...slot })
    .execute();
  return true;
}
