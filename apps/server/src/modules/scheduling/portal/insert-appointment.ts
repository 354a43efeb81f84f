/**
 * Books one appointment for a portal slot inside the caller's transaction: the row, its 'booked' history
 * event and the audit entry. A chair or clinician already held at that time (the database's exclusion
 * constraints) answers 409 `conflict`.
 */
import type { AppointmentTypeKey } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { Transaction } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';

const MIN_MS = 60_000;

const isExclusionViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === '23P01';

export async function insertPortalAppointment(
  trx: Transaction<DB>,
  ctx: ModuleContext,
  actor: AuditActor & { userId: string },
  input: {
    clinicId: string;
    patientId: string;
    type: AppointmentTypeKey;
    start: Date;
    end: Date;
    bufferMin: number;
    chairId: string | null;
    clinicianId: string | null;
  },
): Promise<{ id: string }> {
  const now = ctx.clock.now();
  let row: { id: string };
  try {
    row = await trx
      .insertInto('appointments')
      .values({
        clinic_id: input.clinicId,
        patient_id: input.patientId,
        type: input.type,
        start_at: input.start,
        end_at: input.end,
        held_until: new Date(input.end.getTime() + input.bufferMin * MIN_MS),
        chair_id: input.chairId,
        clinician_id: input.clinicianId,
        booked_via: 'portal',
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  } catch (e) {
    if (isExclusionViolation(e))
      throw new AppError('conflict', 'this time is no longer free; please choose another slot');
    throw e;
  }
  await trx
    .insertInto('appointment_events')
    .values({
      clinic_id: input.clinicId,
      appointment_id: row.id,
      at: now,
      action: 'booked',
      actor_user_id: actor.userId,
      actor_kind: 'user',
      details: toJson({ via: 'portal', start: input.start.toISOString(), end: input.end.toISOString() }),
    })
    .execute();
  await ctx.audit.record(trx, actor, {
    action: 'create',
    resourceType: 'appointment',
    resourceId: row.id,
    patientId: input.patientId,
    category: 'scheduling',
    details: { type: input.type, via: 'portal' },
  });
  return row;
}
