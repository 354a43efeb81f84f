/** Test fixtures of the confirmation tests. */
import type { TestApp, TestClinic } from '../../../test/harness.ts';

export const HOUR = 3_600_000;

/** A booked dosing visit of the clinic's patient starting `hoursAhead` from the harness clock's now. */
export async function bookDosing(h: TestApp, c: TestClinic, hoursAhead: number, patientId = c.patientId) {
  const start = new Date(h.clock.now().getTime() + hoursAhead * HOUR);
  const row = await h.database.db
    .insertInto('appointments')
    .values({
      clinic_id: c.clinicId,
      patient_id: patientId,
      type: 'dosing',
      start_at: start,
      end_at: new Date(start.getTime() + 2 * HOUR),
      held_until: new Date(start.getTime() + 2.25 * HOUR),
      protocol_id: 'default-iv-ketamine-trd',
      created_by: c.users.front_desk.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, start };
}
