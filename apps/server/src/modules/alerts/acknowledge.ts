/**
 * Acknowledging an open alert with a note: one implementation for every route that does it. Sets the
 * acknowledgement, audits it on the same transaction, and answers 404 for an alert the caller's clinic (or
 * the given source) does not have, 409 when it is no longer open.
 */
import type { DB } from '@plasticity/db';
import type { AlertsTable } from '@plasticity/db/tables/measurement';
import type { Kysely, Selectable } from 'kysely';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ModuleContext } from '../../platform/module.ts';
import type { AuditActor } from '../audit/audit-writer.ts';

export interface AcknowledgeInput {
  clinicId: string;
  alertId: string;
  userId: string;
  note: string;
  /** Narrow to alerts raised by one source (e.g. a dosing session's vital-sign alerts). */
  source?: { type: string; id: string };
}

export async function acknowledgeAlert(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  actor: AuditActor,
  input: AcknowledgeInput,
): Promise<Selectable<AlertsTable>> {
  const now = ctx.clock.now();
  let q = trx
    .updateTable('alerts')
    .set({ status: 'acknowledged', ack_by: input.userId, ack_at: now, ack_note: input.note, updated_at: now })
    .where('clinic_id', '=', input.clinicId)
    .where('id', '=', input.alertId)
    .where('status', '=', 'open');
  if (input.source)
    q = q.where('source_type', '=', input.source.type).where('source_id', '=', input.source.id);
  const updated = await q.returningAll().executeTakeFirst();
  if (!updated) {
    let e = trx
      .selectFrom('alerts')
      .select('id')
      .where('clinic_id', '=', input.clinicId)
      .where('id', '=', input.alertId);
    if (input.source) e = e.where('source_id', '=', input.source.id);
    if (!(await e.executeTakeFirst())) throw notFound('alert');
    throw new AppError('conflict', 'this alert is already acknowledged');
  }
  await ctx.audit.record(trx, actor, {
    action: 'update',
    resourceType: 'alert',
    resourceId: updated.id,
    patientId: updated.patient_id,
    category: 'alert',
    details: {
      acknowledged: true,
      kind: updated.kind,
      ...(updated.parameter ? { parameter: updated.parameter } : {}),
    },
  });
  return updated;
}
