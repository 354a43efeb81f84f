/**
 * One change to an appointment, written with its history event and audit entry in the caller's transaction.
 */

import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../../platform/module.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import type { AppointmentRow } from '../shared/load.ts';

export async function recordChange(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  actor: AuditActor,
  row: AppointmentRow,
  change: { action: string; at: Date; details: Record<string, unknown>; audit?: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('appointment_events')
    .values({
      clinic_id: row.clinic_id,
      appointment_id: row.id,
      at: change.at,
      action: change.action,
      actor_user_id: actor.userId,
      actor_kind: 'user',
      details: toJson(change.details),
    })
    .execute();
  await ctx.audit.record(trx, actor, {
    action: 'update',
    resourceType: 'appointment',
    resourceId: row.id,
    patientId: row.patient_id,
    category: 'scheduling',
    details: { change: change.action, ...change.audit },
  });
}
